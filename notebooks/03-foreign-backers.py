# %% [markdown]
# # 03 · Foreign backers
#
# **Which foreign states back which Libyan side, as each article claims it, and with what?** Every claim
# comes with the sentence that makes it. For every pair of a foreign party and a Libyan party in a sentence,
# the dependency path that joins them is a claim when it passes through a cue (*back*, *support*, *arm*,
# *sent drones to*, *fighting alongside*, *backer*, *with the support of*, *UN-backed*...), and the shape of
# the path from the cue to each party gives the roles of backer and backed. Cue words and path shapes are
# data (`libyalib/data/cues.csv`, `roles.csv`). Who says so sets the stance (asserted, claimed by someone,
# alleged, denied). Hosting talks, meeting, mediating and urging are not backing; recognition of a
# government is its own stance.

# %%
import pandas as pd

from libyalib import charts, read_table, support_table
from libyalib.charts import interactive
from libyalib.charts.backers import backer_side_matrix
from libyalib.evaluation import seed_score_line
from libyalib.paths import CORPUS

pd.set_option("display.max_colwidth", 120)
articles = read_table("articles", columns=["article_id", "story_id"])
backers = read_table("backers")  # every column: the claims are few, and each is shown with its evidence
print(f"{len(backers)} claims in {backers.article_id.nunique()} articles")

# %% [markdown]
# ## Foreign states and the side they back
# Counts are independent stories making the claim: copies of one wire story and a story's updates
# (`story_id` in `articles.csv`) count once; `by="article"` counts every article. Denials and recognition
# are left out.

# %%
fig = charts.backer_side_heatmap(backers, articles=articles)
charts.save(fig, "03-foreign-backers-states")
fig

# %% [markdown]
# ## How the reported backers change by year of publication

# %%
fig = charts.backers_by_year(backers, articles=articles)
charts.save(fig, "03-foreign-backers-by-year")
fig

# %% [markdown]
# ## Every claim one click away
# The matrix and the years again, interactive: hover a cell or a bar for its counts and first evidence,
# click it to list every claim behind it (article, stance, sentence); click elsewhere to clear.

# %%
interactive.backers_matrix(backers, articles)

# %%
interactive.backers_by_year(backers, articles)

# %% [markdown]
# ## What kind of support
# Each claim gets the support types its words name ("sent drones": weapons; "air strikes", "fighting
# alongside", "mercenaries": troops; "advisers", "training": training and expertise; "financing":
# funding), in the categories of the UCDP External Support Dataset; a claim that names none ("backs",
# "supports") is `unknown`.

# %%
fig = charts.backers_by_support_type(backers, articles=articles)
charts.save(fig, "03-foreign-backers-support-types")
fig

# %% [markdown]
# `support.csv` (written by `python -m libyalib export`) has the shape researchers join to UCDP data: one
# row per backer, camp backed and year of publication, one column per support type (the number of articles
# whose claims name it), and the numbers of claims and articles. Denials and recognition are left out.

# %%
support_table(backers)

# %% [markdown]
# ## International organisations and non-state forces, shown apart

# %%
backer_side_matrix(backers, kinds=("international organisation", "mercenaries", "armed group"))

# %%
backers[backers.stance.isin(["recognition", "denied"])][
    ["article_id", "backer", "backed", "stance", "claimed_by", "cue"]
]

# %% [markdown]
# ## Every claim with its evidence

# %%
backers[
    [
        "article_id",
        "published",
        "backer",
        "backer_kind",
        "backed",
        "side",
        "stance",
        "claimed_by",
        "cue",
        "support_type",
        "evidence",
    ]
]

# %% [markdown]
# ## How good is the extraction?
# Against every claim in the seeds written down by hand in `tests/expected/backers.csv` (for another corpus
# there are no such expectations: notebook 05 gives the scores on the seeds and on real passages).

# %%
print(seed_score_line("backers", backers, CORPUS))

# %% [markdown]
# On real text the rules were not written on (`tests/dev/`, notebook 05), the same reading finds 15 of 19
# claims with none spurious.
#
# **Caveats.** A claim is what an article says, not a fact: 001 calls the GNA the "Government of National
# Unity", and the chart counts articles, not evidence of arms. Implicit claims ("a Turkish made drone used
# by the Tripoli administration's militias"; foreign aircraft in an attack the text attributes to a Libyan
# side in another sentence) are not read as backing. Support types are only as specific as the words:
# most claims say "backs" and nothing more. Sides are the knowledge base's.
