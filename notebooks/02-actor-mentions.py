# %% [markdown]
# # 02 · Actor mentions
#
# **Who is talked about, how often, and with whom?** Every naming of an actor in the titles and bodies of
# the articles, resolved to a canonical actor of the knowledge base (`libyalib/data/actors.csv`) or, for
# people and organisations it does not list, to the name the article gives them.

# %%
import pandas as pd

from libyalib import charts, mention_counts, read_table
from libyalib.charts import interactive

pd.set_option("display.max_colwidth", 50)
articles = read_table("articles", columns=["article_id", "published", "story_id"])
mentions = read_table("mentions", columns=["article_id", "section", "sentence_id", "actor", "side", "form", "model"])
print(
    f"{len(mentions)} mentions of {mentions.actor.nunique()} actors in {mentions.article_id.nunique()} articles; "
    f"model: {mentions.model.iloc[0]}"
)

# %% [markdown]
# ## How mentions are counted
# - Titles and body paragraphs only: captions, photo credits, related-story links, the standfirst and site
#   chrome are left out (notebook 01), and a title printed twice counts once.
# - Spelling variants and aliases resolve to one actor (Haftar/Hifter, Sarraj/Serraj/Al Sarraj, "LNA");
#   titles do not make new actors ("Gen Haftar", "Mr Al Sarraj"); "Full Name (ACR)" is one mention.
# - A surname or first name resolves to a person named in full in the same article ("Millett", "Boris").
# - Expressions whose referent changed over time ("the internationally recognised government", "the unity
#   government") resolve by the article's publication date.
# - Demonyms ("Russian", "Turkish") are kept in the table with `form == "demonym"` but not counted below;
#   pronouns are not resolved. Libya itself is left out of the charts.

# %%
mentions.form.value_counts()

# %% [markdown]
# ## The most-mentioned actors

# %%
fig = charts.top_actors(mentions)
charts.save(fig, "02-actor-mentions-top")
fig

# %% [markdown]
# ## Mentions per actor and article
# Up to 15 articles, one column each; beyond, the months (or quarters) of publication, each count divided
# by the independent stories published then, so that a busy month does not look like a shift of attention.

# %%
fig = charts.actor_article_heatmap(mentions, articles)
charts.save(fig, "02-actor-mentions-heatmap")
fig

# %% [markdown]
# The same by month, interactive: hover a cell for its counts, click it to list the articles behind it.

# %%
interactive.mentions_by_month(mentions, articles)

# %% [markdown]
# ## Mentions by side
# Sides come from the knowledge base: the Haftar/LNA camp, the Tripoli camp (GNC and Libya Dawn
# 2014–2016, the GNA from 2016), other Libyan actors, and those who are not a Libyan party.

# %%
fig = charts.mentions_by_side(mentions, articles)
charts.save(fig, "02-actor-mentions-by-side")
fig

# %% [markdown]
# ## Who is mentioned with whom
# Two actors are linked when one sentence names both; the wider the line, the more sentences.

# %%
fig = charts.cooccurrence_network(mentions)
charts.save(fig, "02-actor-mentions-network")
fig

# %% [markdown]
# ## The evidence
# Mentions per actor and article, then the names the statistical model found, each with its sentence and
# character span (`start`, `end` index into the article's `body`; all in `mentions.csv`).

# %%
mention_counts(mentions).head(15)

# %%
spans = read_table("mentions", columns=["article_id", "sentence_id", "start", "end", "text", "actor", "form", "source"])
spans[spans.source == "statistical NER"].drop(columns=["source"])

# %% [markdown]
# **What is left out.** Pronouns ("he", "the general") and descriptions ("the breakaway rebel military
# leader") are not resolved; capital cities used for governments ("Washington urged") count as places;
# actors the statistical model misses and the knowledge base does not list are not counted.
