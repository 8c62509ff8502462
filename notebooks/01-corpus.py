# %% [markdown]
# # 01 · The corpus
#
# **What is in the folder, and what did the loader keep?** Every file of the corpus (`seeds/` unless
# `LIBYALIB_CORPUS` names another folder or table) ends up either as an article (one row each, one per row
# of a table of articles) or in a list of rejected files with a reason. Each line of each article file
# gets a role; only the body (paragraphs and subheadings) goes on to the analysis in notebooks 02-04.

# %%
import pandas as pd

from libyalib import charts, load_corpus
from libyalib.charts.corpus import stripped_lines
from libyalib.paths import CORPUS

pd.set_option("display.max_colwidth", 60)
corpus = load_corpus(CORPUS)
print(f"{len(corpus.articles)} articles, {len(corpus.rejected)} files not read as articles")

# %% [markdown]
# ## The articles
# Outlet, address and publication date come from a `SOURCES.csv` beside the file where it lists it
# (`published_source` says so); otherwise from a dateline in the text, or inferred no further than the text
# allows.

# %%
corpus.articles[
    ["article_id", "title", "outlet", "author", "published", "published_precision", "published_source", "n_words"]
]

# %% [markdown]
# ## Files that are not articles

# %%
corpus.rejected

# %% [markdown]
# ## What was stripped from each file
# Lines of page furniture per article and role. The title is kept apart (column `title`), so it is not
# counted here; captions, photo credits, related-story links and site chrome never reach the body.

# %%
stripped_lines(corpus)

# %%
furniture = corpus.paragraphs[~corpus.paragraphs.role.isin(["body", "subheading", "title"])]
furniture[["article_id", "line_no", "role", "rule", "text"]].reset_index(drop=True)

# %% [markdown]
# ## Words of article text and lines of furniture, per article

# %%
fig = charts.corpus_overview(corpus)
charts.save(fig, "01-corpus-overview")
fig

# %% [markdown]
# **Caveats.** The furniture rules know no site in advance: they read the shape of a line (a date on its
# own, a byline, a trailing `[Facebook]` or `REUTERS/...` credit, a short line after the last paragraph).
# A new outlet with unusual furniture may need a rule; `corpus.paragraphs` shows the role and rule of
# every line. The seeds' README lists known errors in the articles themselves.
