"""Figure of notebook 04: the 2014-2019 chronology, each event drawn as the interval it denotes."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .style import PALETTE, detached, empty, set_style, short_labels

KIND_COLOURS = {
    "military action": PALETTE[3],
    "meeting": PALETTE[0],
    "agreement": PALETTE[2],
    "statement": PALETTE[4],
    "election": PALETTE[1],
    "other": "#777777",
}


def _label(event) -> str:
    actors = [a for a in event.actors.split(";") if a][:3]
    where = f" in {event.location}" if event.location else ""
    who = ", ".join(actors) if actors else "unnamed actors"
    flag = "  [articles disagree]" if event.disagreement else ""
    return f"{event.kind}{where}: {who} ({event.n_articles} art.){flag}"


#: At most this many lanes: a large corpus shows the events reported by most articles.
MAX_LANES = 60


def _years(articles: pd.DataFrame) -> tuple[int, int]:
    """2014-2019, widened to the years the articles were published in."""
    published = [int(p[:4]) for p in articles.published if p]
    return min([2014, *published]), max([2019, *published])


def timeline(reconciled: pd.DataFrame, articles: pd.DataFrame, years: tuple[int, int] | None = None):
    """One lane per event, in date order: a dot for a day, a bar for a week, month, season or year."""
    set_style()
    years = years or _years(articles)
    lo, hi = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
    events = reconciled[(reconciled.date_end >= lo.isoformat()) & (reconciled.date_start <= hi.isoformat())]
    total = len(events)
    if total > MAX_LANES:
        events = events.sort_values("n_articles", ascending=False, kind="stable").head(MAX_LANES).sort_index()
    events = events.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(13, 0.34 * max(len(events), 8) + 2.2), layout="constrained")
    if events.empty:
        empty(ax, "no dated events")
    for y, e in enumerate(events.itertuples()):
        start, end = dt.date.fromisoformat(e.date_start), dt.date.fromisoformat(e.date_end)
        colour = KIND_COLOURS.get(e.kind, "#777777")
        if start == end:
            ax.plot([start], [y], "o", color=colour, markersize=6, zorder=3)
        else:
            ax.barh(y, (end - start).days + 1, left=start, height=0.55, color=colour, alpha=0.85, zorder=3)
        if e.disagreement:
            ax.plot([start], [y], marker="x", color="black", markersize=7, zorder=4)
        ax.text(
            end + dt.timedelta(days=12),
            y,
            f"{e.date_start}" + (f"..{e.date_end}" if end != start else "") + f"  {_label(e)}",
            va="center",
            fontsize=7.5,
        )
    labelled = len(articles) <= MAX_LANES // 2  # more labels than that would overprint each other
    names = short_labels(articles.article_id)
    for a in articles.itertuples():
        if a.published_precision == "day":
            day = dt.date.fromisoformat(a.published)
            ax.axvline(day, color="#444444", linestyle=":", linewidth=1 if labelled else 0.4, zorder=1)
            if labelled:
                label = names[a.article_id]
                ax.text(day, -1.2, label, rotation=90, ha="center", va="bottom", fontsize=7, color="#444444")
    ax.set_xlim(lo, hi + dt.timedelta(days=420))
    longest = max((len(n) for n in names.values()), default=3) if labelled else 0
    ax.set_ylim(max(len(events), 1), -1.6 - 0.3 * max(longest - 3, 0))  # room for the articles' labels
    ax.set_yticks([])
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    handles = [plt.Line2D([], [], marker="s", ls="", color=c, markersize=8) for c in KIND_COLOURS.values()]
    handles.append(plt.Line2D([], [], ls=":", color="#444444"))
    ax.legend(
        handles,
        [*KIND_COLOURS, "publication of an article"],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.03),
        fontsize=8,
        ncols=7,
        frameon=False,
    )
    which = f"the {len(events)} events most reported of {total}" if len(events) < total else "one lane per event"
    ax.set_title(f"The conflict as the articles tell it, {years[0]}–{years[1]} ({which}; bar = interval)")
    return detached(fig)
