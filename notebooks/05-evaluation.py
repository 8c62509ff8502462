# %% [markdown]
# # 05 · How good are the tables?
#
# **Precision and recall of mentions, backers and dates** against what was counted and written down by
# hand in `tests/expected/` (the same files the tests assert). A miss is an expected row the code did not
# produce; a spurious row is one it produced that nobody wrote down.

# %%
import pandas as pd

from libyalib import load_corpus
from libyalib.evaluation import DEV, EXPECTED, FURTHER, dev_scores, disputed, evaluate, scores_table
from libyalib.paths import ROOT

pd.set_option("display.max_colwidth", 100)
pd.set_option("display.width", 200)
scores = evaluate(load_corpus(), EXPECTED)
scores_table(scores)

# %% [markdown]
# ## The misses

# %%
pd.concat([s.missed.assign(table=s.table) for s in scores], ignore_index=True)

# %% [markdown]
# ## The rows nobody wrote down

# %%
pd.concat([s.spurious.assign(table=s.table) for s in scores], ignore_index=True)

# %% [markdown]
# ## Articles the rules were not written from
# `tests/further/` holds six articles written for the tests in the styles of other outlets (a wire story,
# a saved web page, an encyclopedia-style narrative; 2014 to 2020), with their own hand-written
# expectations. Two of them were counted before the code first ran on them; the other four were first
# run before the rules for their forms were added. Their text is invented: see `tests/further/README.md`.

# %%
further = evaluate(load_corpus(FURTHER), FURTHER / "expected")
scores_table(further)

# %%
pd.concat([s.missed.assign(table=s.table) for s in further], ignore_index=True)

# %% [markdown]
# ## Real text the rules were not written on
# `tests/dev/` holds twelve passages of English Wikipedia articles on the conflict (2014–2020, CC BY-SA 4.0,
# attribution in `tests/dev/SOURCES.csv`) with ground truth written by a reader who did not look at the
# code (`tests/dev/gold.json`): every temporal expression with its interval, every claim that a foreign
# state backs a Libyan side, and name-based mention counts. This is the main yardstick. Each capability has
# one headline `score` (its `measure` says which); precision and recall are beside it.

# %%
dev = load_corpus(DEV)
on_dev = dev_scores(dev)
on_dev.table

# %% [markdown]
# One gold row is disputed, with the reason, in `tests/dev/disputed.csv`; the scores without it:

# %%
disputed()[["file", "key", "reason"]]

# %%
dev_scores(dev, without_disputed=True).table[["capability", "gold", "matched", "precision", "recall", "score"]]

# %% [markdown]
# The seeds, the further articles and the real passages side by side (recall of what was written down):

# %%
side_by_side = pd.DataFrame(
    {
        "seeds": [s.recall for s in scores],
        "further articles": [s.recall for s in further],
        "real text (tests/dev)": [
            on_dev.table.set_index("capability").loc[c, "recall"]
            for c in ("actor mentions: counts", "backing claims: rows", "temporal expressions resolved right")
        ],
    },
    index=["mentions", "backers", "events"],
)
side_by_side.round(3)

# %% [markdown]
# The backing claims of the real passages the extraction misses (`matched_row` -1), and any it adds:

# %%
on_dev.backers[on_dev.backers.matched_row < 0][["file", "backer", "backed", "stance", "evidence"]]

# %%
on_dev.spurious_backers[["article_id", "backer", "backed", "stance", "evidence"]]

# %% [markdown]
# ## On real news
# The yardstick closest to a researcher's own collection: 84 real news excerpts of 2014-2020 from some 70
# outlets, as scraped, with the backing pairs and fourteen key events written down by readers who never saw
# the code. The texts are other publishers' work and are not in this repository, so the scores are measured
# where the collection is (`make score-news NEWS=path/to/collection`) and recorded in `tests/news-scores.csv`:

# %%
pd.read_csv(ROOT / "tests" / "news-scores.csv", keep_default_na=False)

# %% [markdown]
# **What this does and does not say.** The seeds and the further articles informed the rules, so their 1.0
# says the code reproduces a careful reading of them. The real passages and the news were read by someone else
# and were not written for the rules: they are the better estimate of accuracy on new text, but they are
# twelve encyclopedia passages with 19 claims of backing and 84 news excerpts with 45 pairs, not a sample of
# all the news. The misses left are claims a
# reader completes from other sentences (foreign aircraft in an attack a Libyan side launched, experts
# arriving in a town that side holds). Add hand-checked passages to `tests/dev/` to widen the yardstick.
