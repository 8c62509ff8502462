# %% [markdown]
# # 04 · The chronology
#
# **What happened when, as the articles tell it?** Every temporal expression in the titles and bodies is resolved
# to the calendar interval it denotes ("April 2019" is the whole month, "last week" the week before
# publication) and read together with the clause it belongs to: what happened (`what`), who acted (`actor1`)
# and on or with whom (`actor2`). Expressions that date no happening (durations, incumbency, headings, a year
# standing alone, what a source said) are kept and marked. The reports of one event, across articles and
# stories, are then reconciled into one row of the chronology, shaped like ACLED's export.

# %% tags=["parameters"]
top = 40  # the timeline shows the events reported by the most independent stories

# %%
import pandas as pd

from libyalib import charts, read_table
from libyalib.charts import interactive
from libyalib.evaluation import seed_score_line
from libyalib.paths import CORPUS

pd.set_option("display.max_colwidth", 80)
articles = read_table("articles", columns=["article_id", "published", "published_precision"])
events = read_table("events")
chronology = read_table("chronology")
print(f"{len(events)} dated expressions, {(events.role == 'event').sum()} date a happening: {len(chronology)} events")

# %% [markdown]
# ## What each dated expression dates
# `role` says whether the expression dates a happening its clause reports (`event`) or is background;
# `reported` marks a date of the report ("a spokesman said on Friday"), the happening lying on or before it.
# `anchor_source` says what a relative expression was resolved against: the publication date, the year or
# date the text itself gives (`narrative`), or nothing.

# %%
events.role.value_counts()

# %%
events[["article_id", "expression", "date_start", "date_end", "role", "kind", "actor1", "actor2", "what"]]

# %% [markdown]
# ## The timeline
# The events reported by the most independent stories (`story_id` counts syndicated copies of one wire story
# once), each labelled with its date, what happened and its count of stories; a cross marks dates the
# articles disagree on.

# %%
fig = charts.timeline(chronology, articles, top=top)
charts.save(fig, "04-chronology-timeline")
fig

# %% [markdown]
# Interactive: hover an event for what happened and its stories, click it to read its evidence.

# %%
interactive.timeline(chronology)

# %% [markdown]
# ## The full chronology, with evidence
# One row per event: its tightest date and ACLED's `time_precision`, the event type, the actors, what
# happened, how many stories and articles report it, and the sentence of its most precise report.

# %%
chronology[
    [
        "date_start",
        "date_end",
        "time_precision",
        "event_type",
        "actor1",
        "actor2",
        "location",
        "what",
        "n_stories",
        "n_articles",
        "evidence",
    ]
]

# %% [markdown]
# ## Where the articles disagree
# Events whose reports give different days a few days apart: both dates are kept, with the articles that
# give each.

# %%
chronology[chronology.disagreement != ""][["date_start", "date_end", "what", "article_ids", "disagreement"]]

# %% [markdown]
# ## How good is the resolution?
# Against every temporal expression of the seeds written down by hand in `tests/expected/events.csv` (for
# another corpus there are no such expectations: notebook 05 gives the scores on the seeds and on real
# passages).

# %%
print(seed_score_line("events", events, CORPUS))

# %% [markdown]
# **Caveats.** Dates are what the articles say: in the seeds, 000 puts the Paris meeting on "July 27", but it took
# place on 25 July 2017 (seeds/README.md), and the event inherits that. 004's publication date is an estimate
# (low confidence in `SOURCES.csv`), so its relative dates are too. What happened is read from the parse of
# one clause, and the parse can be wrong; a report that names no actor and no place joins only the reports
# of its own article.
