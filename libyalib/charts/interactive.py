"""Interactive charts with their evidence one click away: Vega-Lite through Altair.

Each function returns an Altair chart that JupyterLab renders as it is, and that :func:`page` writes into an
HTML page with the Vega JavaScript inlined, so that the page opens from a file with no network. Hovering a
mark shows its counts and the first evidence; clicking it lists every claim or report behind it (article,
stance, sentence) beside the chart, and clicking the background clears the list. The static figures of
the other modules stay the charts of record, byte-identical run to run.
"""

from __future__ import annotations

import html
import json
import textwrap

import altair as alt
import pandas as pd

from .backers import LIBYAN_SIDES, backing_claims
from .mentions import DEFAULT_EXCLUDE, actor_sides, counted, most_mentioned
from .style import SIDE_LABELS, stories_by_period

# JupyterLab renders the Vega-Lite mimetype itself: the notebook holds the chart's specification, with no
# script fetched from the network and no random element id, so that it is the same at every run.
alt.renderers.enable("mimetype")

#: Rows of evidence listed under a chart (its height is fixed: a click never resizes the output), and
#: characters of each sentence shown (the tooltip has it all).
EVIDENCE_ROWS = 15
SENTENCE_CHARS = 150


def _short(text: str, width: int = SENTENCE_CHARS) -> str:
    return textwrap.shorten(" ".join(str(text).split()), width, placeholder=" …")


def _evidence_list(data: pd.DataFrame, selection, lines: list[str], title: str) -> alt.Chart:
    """The rows behind the selected mark, one text line each, nothing until a mark is selected."""
    rank = alt.Chart(data).transform_filter(selection).transform_window(row="row_number()")
    rank = rank.transform_filter(f"datum.row <= {EVIDENCE_ROWS}")
    rows = alt.Scale(domain=[EVIDENCE_ROWS + 0.5, 0.5])  # the first row at the top, each row at its place
    return (
        rank.mark_text(align="left", baseline="middle", fontSize=11, limit=1100, dx=2)
        .encode(x=alt.value(0), y=alt.Y("row:Q", axis=None, scale=rows), text=alt.Text("line:N"), tooltip=lines)
        .properties(width=1100, height=17 * EVIDENCE_ROWS, title=f"{title} (the first {EVIDENCE_ROWS})")
    )


#: What the evidence list of a backing chart holds of each claim, and shows on hovering it.
CLAIM_FIELDS = ["line", "article_id", "stance", "evidence"]
CLAIM_TOOLTIP = ["article_id:N", "stance:N", "evidence:N"]


def _claims(backers: pd.DataFrame, kinds, articles: pd.DataFrame | None) -> pd.DataFrame:
    """The claims of backing charted (:func:`~libyalib.charts.backers.backing_claims`), each with the line
    listed for it: article, stance, sentence."""
    claims = backing_claims(backers, kinds, articles).copy()
    claims["line"] = claims.apply(lambda r: f"{r.article_id} · {r.stance} · {_short(r.evidence)}", axis=1)
    return claims


def backers_matrix(backers: pd.DataFrame, articles: pd.DataFrame | None = None, kinds=("state",)) -> alt.VConcatChart:
    """Backer x side: how many independent stories claim each backing; a click on a cell lists its claims."""
    claims = _claims(backers, kinds, articles)
    claims["side_label"] = claims.side.map(SIDE_LABELS)
    cells = (
        claims.groupby(["backer", "side", "side_label"], as_index=False)
        .agg(stories=("unit", "nunique"), claims=("unit", "size"), first=("evidence", "first"))
        .assign(first=lambda f: f["first"].map(lambda t: _short(t, 200)))
    )
    order = list(cells.groupby("backer").stories.sum().sort_values(ascending=False, kind="stable").index)
    select = alt.selection_point(fields=["backer", "side"], name="cell", empty=False)
    heat = (
        alt.Chart(cells)
        .mark_rect(stroke="white")
        .encode(
            x=alt.X(
                "side_label:N",
                title="side backed",
                sort=[SIDE_LABELS[s] for s in LIBYAN_SIDES],
                axis=alt.Axis(labelAngle=0, labelLimit=160),
            ),
            y=alt.Y("backer:N", title=None, sort=order),
            color=alt.Color("stories:Q", scale=alt.Scale(scheme="oranges"), title="stories"),
            opacity=alt.condition(select, alt.value(1), alt.value(0.75)),
            tooltip=[
                alt.Tooltip("backer:N"),
                alt.Tooltip("side_label:N", title="side"),
                alt.Tooltip("stories:Q"),
                alt.Tooltip("claims:Q"),
                alt.Tooltip("first:N", title="evidence"),
            ],
        )
        .add_params(select)
        .properties(width=330, height=max(120, 22 * len(order)), title="Foreign states and the side they back")
    )
    listed = claims[["backer", "side", *CLAIM_FIELDS]]
    evidence = _evidence_list(listed, select, CLAIM_TOOLTIP, "Claims behind the cell")
    return alt.vconcat(heat, evidence).properties(usermeta={"libyalib": "backers-matrix", "claims": int(len(claims))})


def backers_by_year(backers: pd.DataFrame, articles: pd.DataFrame | None = None, kinds=("state",)) -> alt.VConcatChart:
    """Stories claiming each backing, by year of publication; a click on a bar lists its claims."""
    claims = _claims(backers, kinds, articles)
    claims["year"] = claims.published.str[:4].replace("", "undated")
    claims["backing"] = claims.backer + " → " + claims.side.map(SIDE_LABELS)
    bars = claims.drop_duplicates(["unit", "backing"]).groupby(["year", "backing", "side"], as_index=False).size()
    select = alt.selection_point(fields=["year", "backing"], name="bar", empty=False)
    chart = (
        alt.Chart(bars.rename(columns={"size": "stories"}))
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="year of publication"),
            y=alt.Y("stories:Q", title="stories claiming the backing"),
            color=alt.Color("backing:N", legend=alt.Legend(columns=1, labelLimit=260)),
            opacity=alt.condition(select, alt.value(1), alt.value(0.8)),
            tooltip=["year:O", "backing:N", "stories:Q"],
        )
        .add_params(select)
        .properties(width=500, height=260, title="Claims of backing by year of publication")
    )
    listed = claims[["year", "backing", *CLAIM_FIELDS]]
    evidence = _evidence_list(listed, select, CLAIM_TOOLTIP, "Claims behind the bar")
    return alt.vconcat(chart, evidence).properties(usermeta={"libyalib": "backers-by-year"})


def mentions_by_month(
    mentions: pd.DataFrame, articles: pd.DataFrame, n: int = 15, exclude=DEFAULT_EXCLUDE
) -> alt.VConcatChart:
    """The ``n`` most-mentioned actors by month (or quarter) of publication, per independent story
    published in it; a click on a cell lists the articles that mention the actor then."""
    kept = counted(mentions, exclude)
    top = list(most_mentioned(kept).index[:n])
    period, per_period = stories_by_period(articles)
    per_period = per_period.rename("stories")
    rows = kept[kept.actor.isin(top)].assign(period=lambda f: f.article_id.map(period))
    rows = rows[rows.period.fillna("") != ""]
    cells = rows.groupby(["actor", "period"], as_index=False).size().rename(columns={"size": "mentions"})
    cells = cells.join(per_period, on="period").assign(per_story=lambda f: (f.mentions / f.stories).round(2))
    cells["side"] = cells.actor.map(actor_sides(kept)).map(SIDE_LABELS)
    listed = rows.groupby(["actor", "period", "article_id"], as_index=False).size()
    listed["line"] = listed.apply(lambda r: f"{r.article_id} · {r['size']} mention(s)", axis=1)
    select = alt.selection_point(fields=["actor", "period"], name="month", empty=False)
    heat = (
        alt.Chart(cells)
        .mark_rect()
        .encode(
            x=alt.X("period:O", title="publication"),
            y=alt.Y("actor:N", title=None, sort=top),
            color=alt.Color("per_story:Q", scale=alt.Scale(scheme="blues"), title="mentions per story"),
            opacity=alt.condition(select, alt.value(1), alt.value(0.8)),
            tooltip=["actor:N", "side:N", "period:O", "mentions:Q", "stories:Q", "per_story:Q"],
        )
        .add_params(select)
        .properties(width=max(300, 18 * cells.period.nunique()), height=max(120, 18 * len(top)))
        .properties(title="Mentions per story published, by actor and month")
    )
    evidence = _evidence_list(listed, select, ["article_id:N"], "Articles behind the cell")
    return alt.vconcat(heat, evidence).properties(usermeta={"libyalib": "mentions-by-month"})


def timeline(chronology: pd.DataFrame, top: int = 200) -> alt.VConcatChart:
    """The events reported by the most independent stories on a time axis; hovering shows what happened,
    a click lists the event's evidence and articles."""
    events = chronology.sort_values(["n_stories", "n_articles"], ascending=False, kind="stable").head(top)
    events = events.assign(
        label=events.what.map(lambda t: _short(t, 90)),
        disagree=events.disagreement.ne(""),
        line=events.apply(lambda r: f"{r.date_start} · {r.article_ids} · {_short(r.evidence)}", axis=1),
    )
    data = events[
        ["event_id", "date_start", "date_end", "kind", "label", "n_stories", "disagreement", "disagree", "line"]
        + ["what", "evidence", "article_ids"]
    ]
    select = alt.selection_point(fields=["event_id"], name="event", empty=False)
    points = (
        alt.Chart(data)
        .mark_circle(opacity=0.8)
        .encode(
            x=alt.X("date_start:T", title=None),
            y=alt.Y("kind:N", title=None),
            size=alt.Size("n_stories:Q", title="stories", scale=alt.Scale(range=[40, 600])),
            color=alt.Color("kind:N", legend=None),
            stroke=alt.condition("datum.disagree", alt.value("black"), alt.value(None)),
            tooltip=["date_start:N", "date_end:N", "kind:N", "label:N", "n_stories:Q", "disagreement:N"],
        )
        .add_params(select)
        .properties(width=1100, height=260, title="Events, sized by the stories that report them")
    )
    evidence = _evidence_list(data, select, ["what:N", "evidence:N", "article_ids:N"], "The event's evidence")
    return alt.vconcat(points, evidence).properties(usermeta={"libyalib": "timeline"})


def embedded(charts: dict[str, alt.TopLevelMixin]) -> tuple[str, str]:
    """``(head, body)`` HTML that shows ``charts`` on any page: the Vega, Vega-Lite and Vega-Embed JavaScript
    inlined once (from vl-convert, so the page opens offline, from a file), and one ``<div
    id="chart-NAME">`` per chart, marked ``data-ready="yes"`` once drawn."""
    import vl_convert

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=version).replace("</script", "<\\/script")
    blocks, calls = [], []
    for name, chart in charts.items():
        spec = json.dumps(chart.to_dict(), sort_keys=True).replace("</", "<\\/")
        key = html.escape(name)
        blocks.append(f'<section><div id="chart-{key}" class="chart"></div></section>')
        calls.append(
            f'vegaEmbed("#chart-{key}", {spec}, {{renderer: "svg", actions: false}})'
            f'.then(function () {{ document.getElementById("chart-{key}").dataset.ready = "yes"; }})'
        )
    body = "\n".join(blocks) + "\n<script>\n" + ";\n".join(calls) + ";\n</script>"
    return f"<script>{bundle}</script>", body


def page(charts: dict[str, alt.TopLevelMixin], title: str) -> str:
    """A page of its own holding every chart (:func:`embedded`)."""
    head, body = embedded(charts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{head}
<style>body{{font-family:sans-serif;margin:2em}}section{{margin:2em 0}}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p>Hover a mark for its counts; click it to list the evidence behind it; click elsewhere to clear.</p>
{body}
</body></html>
"""
