"""Figure of notebook 04: the chronology, the events reported by the most independent stories, each labelled
with its date, what happened and how many stories report it."""

from __future__ import annotations

import datetime as dt
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .style import PALETTE, PER_ARTICLE, detached, empty, set_style

KIND_COLOURS = {
    "military action": PALETTE[3],
    "meeting": PALETTE[0],
    "agreement": PALETTE[2],
    "statement": PALETTE[4],
    "election": PALETTE[1],
    "other": "#777777",
}
#: Events shown by default: those reported by the most independent stories.
TOP = 40
LABEL_WIDTH = 78


def _years(articles: pd.DataFrame) -> tuple[int, int]:
    """2014-2019, widened to the years the articles were published in."""
    published = [int(p[:4]) for p in articles.published if p]
    return min([2014, *published]), max([2019, *published])


def shown(chronology: pd.DataFrame, articles: pd.DataFrame, top: int = TOP, years=None) -> pd.DataFrame:
    """The events the timeline draws: within the years, the ``top`` reported by the most independent stories
    (among as many, the most precisely dated; all of them for a corpus of one article), in date order."""
    years = years or _years(articles)
    lo, hi = f"{years[0]}-01-01", f"{years[1]}-12-31"
    events = chronology[(chronology.date_end >= lo) & (chronology.date_start <= hi)]
    if len(articles) > 1 and len(events) > top:
        ranked = events.assign(_days=pd.to_datetime(events.date_end) - pd.to_datetime(events.date_start))
        ranked = ranked.sort_values(["n_stories", "_days", "n_articles"], ascending=[False, True, False], kind="stable")
        events = ranked.head(top)
    return events.sort_values(["date_start", "date_end"], kind="stable").reset_index(drop=True)[chronology.columns]


def _label(event) -> str:
    what = textwrap.shorten(event.what or event.kind, LABEL_WIDTH, placeholder=" …")
    when = event.date_start if event.date_start == event.date_end else f"{event.date_start}..{event.date_end}"
    stories = f"{event.n_stories} {'story' if event.n_stories == 1 else 'stories'}"
    flag = ", dates disagree" if event.disagreement else ""
    return f"{when}  {what}  ({stories}{flag})"


def timeline(chronology: pd.DataFrame, articles: pd.DataFrame, top: int = TOP, years: tuple[int, int] | None = None):
    """One lane per event, labelled on the left; on the right where it falls in the years covered: a dot
    for a day, a bar for a longer interval, a cross where the articles' dates disagree."""
    set_style()
    years = years or _years(articles)
    lo, hi = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
    events = shown(chronology, articles, top, years)
    total = int(((chronology.date_end >= lo.isoformat()) & (chronology.date_start <= hi.isoformat())).sum())
    fig, ax = plt.subplots(figsize=(15, 0.3 * max(len(events), 6) + 1.8), layout="constrained")
    if events.empty:
        empty(ax, "no dated events in these years")
    for y, e in enumerate(events.itertuples()):
        start, end = dt.date.fromisoformat(e.date_start), dt.date.fromisoformat(e.date_end)
        colour = KIND_COLOURS.get(e.kind, "#777777")
        if start == end:
            ax.plot([start], [y], "o", color=colour, markersize=6, zorder=3)
        else:
            ax.barh(y, (end - start).days + 1, left=start, height=0.55, color=colour, alpha=0.85, zorder=3)
        if e.disagreement:
            ax.plot([end], [y], marker="x", color="black", markersize=7, zorder=4)
    if len(articles) <= PER_ARTICLE:
        for a in articles.itertuples():
            if a.published_precision == "day":
                ax.axvline(dt.date.fromisoformat(a.published), color="#444444", linestyle=":", linewidth=0.8, zorder=1)
    ax.set_yticks(range(len(events)), [_label(e) for e in events.itertuples()], fontsize=8)
    ax.set_ylim(max(len(events), 1) - 0.5, -0.7)
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    handles = [plt.Line2D([], [], marker="s", ls="", color=c, markersize=8) for c in KIND_COLOURS.values()]
    names = list(KIND_COLOURS)
    handles.append(plt.Line2D([], [], marker="x", ls="", color="black", markersize=7))
    names.append("dates disagree")
    if len(articles) <= PER_ARTICLE:
        handles.append(plt.Line2D([], [], ls=":", color="#444444"))
        names.append("publication of an article")
    ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, -0.04), fontsize=8, ncols=8, frameon=False)
    which = (
        f"the {len(events)} reported by the most stories, of {total} events"
        if len(events) < total
        else (f"all {total} events")
    )
    ax.set_title(f"The conflict as the articles tell it, {years[0]}–{years[1]}: {which}")
    return detached(fig)
