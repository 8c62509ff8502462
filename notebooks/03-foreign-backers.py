# %% [markdown]
# # 03 · Foreign backers
#
# **Which foreign states back which Libyan side, as each article claims it?** Every claim comes with the
# sentence that makes it. Claims are read from the dependency parse: a cue (*back*, *support*, *arm*,
# *supply*, *sent drones to*, *fighting alongside*, *backer*, *with the support of*, *UN-backed*...), a
# foreign backer and a Libyan party; who says so sets the stance (asserted, claimed by someone, alleged,
# denied). Hosting talks, meeting, mediating and urging are not backing; recognition of a government is
# its own stance.

# %%
import pandas as pd

from libyalib import charts
from libyalib.backers import foreign_backers
from libyalib.charts.backers import backer_side_matrix
from libyalib.corpus import load_corpus
from libyalib.evaluation import BACKER_KEYS, expected, score

pd.set_option("display.max_colwidth", 120)
corpus = load_corpus()
backers = foreign_backers(corpus)
print(f"{len(backers)} claims in {backers.article_id.nunique()} articles")

# %% [markdown]
# ## Foreign states and the side they back
# Counts are articles making the claim; denials and recognition are left out.

# %%
fig = charts.backer_side_heatmap(backers)
charts.save(fig, "03-foreign-backers-states")
fig

# %% [markdown]
# ## How the reported backers change by year of publication

# %%
fig = charts.backers_by_year(backers)
charts.save(fig, "03-foreign-backers-by-year")
fig

# %% [markdown]
# ## International organisations and non-state forces, shown apart

# %%
backer_side_matrix(backers, kinds=("international organisation", "mercenaries", "armed group"))

# %%
backers[backers.stance.isin(["recognition", "denied"])][["article_id", "backer", "backed", "stance", "claimed_by", "cue"]]

# %% [markdown]
# ## Every claim with its evidence

# %%
backers[["article_id", "published", "backer", "backer_kind", "backed", "side", "stance", "claimed_by", "cue", "evidence"]]

# %% [markdown]
# ## How good is the extraction?
# Against every claim in the five seeds written down by hand in `tests/expected/backers.csv`:

# %%
s = score("backers", backers, expected("backers"), BACKER_KEYS)
print(f"precision {s.precision:.2f}, recall {s.recall:.2f} ({s.matched} of {s.expected} expected, {s.extracted} extracted)")

# %% [markdown]
# **Caveats.** A claim is what an article says, not a fact: 001 calls the GNA the "Government of National
# Unity", and the chart counts articles, not evidence of arms. Implicit claims ("a Turkish made drone used
# by the Tripoli administration's militias") are not read as backing. Sides are the knowledge base's.
