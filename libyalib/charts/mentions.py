"""Figures of notebook 02: who is mentioned, where, on which side, and with whom."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import seaborn as sns

from ..extract.mentions import mention_counts
from .style import (
    PER_ARTICLE,
    SIDE_COLOURS,
    SIDE_LABELS,
    detached,
    empty,
    periods,
    set_style,
    short_labels,
    stories_by_period,
)

#: Left out of the mention charts: the country every article is about.
DEFAULT_EXCLUDE = ("Libya",)


def counted(mentions: pd.DataFrame, exclude=DEFAULT_EXCLUDE) -> pd.DataFrame:
    """The mentions the charts count: demonyms and the ``exclude``d actors left out."""
    return mentions[(mentions.form != "demonym") & ~mentions.actor.isin(exclude)]


def most_mentioned(kept: pd.DataFrame) -> pd.Series:
    """Mentions per actor, most first (ties by name)."""
    return kept.actor.value_counts().sort_index().sort_values(ascending=False, kind="stable")


def actor_sides(mentions: pd.DataFrame) -> pd.Series:
    """Each actor's side, ``none`` for an actor of no side."""
    side = mentions.drop_duplicates("actor").set_index("actor").side
    return side.replace("", "none")


def top_actors(mentions: pd.DataFrame, n: int = 20, exclude=DEFAULT_EXCLUDE):
    """The ``n`` most-mentioned actors over the corpus, coloured by side."""
    set_style()
    kept = counted(mentions, exclude)
    counts = most_mentioned(kept).head(n)
    fig, ax = plt.subplots(figsize=(8, 0.32 * max(len(counts), 6) + 1.2), layout="constrained")
    if counts.empty:
        empty(ax, "no mentions")
    else:
        side = actor_sides(kept)
        ax.barh(counts.index, counts.to_numpy(), color=[SIDE_COLOURS[side[a]] for a in counts.index])
        ax.invert_yaxis()
        for y, value in enumerate(counts):
            ax.text(value, y, f" {value}", va="center", fontsize=8)
        handles = [plt.Rectangle((0, 0), 1, 1, color=SIDE_COLOURS[s]) for s in SIDE_LABELS]
        ax.legend(handles, SIDE_LABELS.values(), loc="lower right", fontsize=8)
    ax.set_xlabel("mentions in titles and bodies (demonyms and Libya itself not counted)")
    ax.set_title(f"Most-mentioned actors (top {n})")
    return detached(fig)


def _by_period(kept: pd.DataFrame, articles: pd.DataFrame, column: str) -> tuple[pd.DataFrame, pd.Series]:
    """Mentions per ``column`` value and month (or quarter) of publication, divided by the independent
    stories published in it; and the stories per period."""
    period, stories = stories_by_period(articles)
    counts = pd.crosstab(kept[column], kept.article_id.map(period)).drop(columns="", errors="ignore")
    counts = counts.reindex(columns=stories.index, fill_value=0)
    return counts.div(stories, axis=1), stories


def actor_article_heatmap(mentions: pd.DataFrame, articles: pd.DataFrame, n: int = 25, exclude=DEFAULT_EXCLUDE):
    """Mentions of the ``n`` most-mentioned actors in each article (seaborn heatmap); for more than
    :data:`PER_ARTICLE` articles, per month (or quarter) of publication, per story published in it."""
    set_style()
    kept = counted(mentions, exclude)
    table = mention_counts(kept).head(n)
    per_article = len(articles) <= PER_ARTICLE
    if per_article:
        table = table.reindex(columns=articles.article_id, fill_value=0)
        names = short_labels(articles.article_id)
        labels = {a.article_id: f"{names[a.article_id]}\n{a.published or 'undated'}" for a in articles.itertuples()}
        table = table.rename(columns=labels)
    else:  # the actors most mentioned in the articles dated to the month
        dated = kept[kept.article_id.isin(articles.article_id[periods(articles) != ""])]
        table, stories = _by_period(dated, articles, "actor")
        table = table.reindex(mention_counts(dated).head(n).index).fillna(0)
        table.columns = [f"{p}\n{stories[p]} st." for p in table.columns]
    fig, ax = plt.subplots(
        figsize=(2.2 + (1.1 if per_article else 0.55) * max(len(table.columns), 3), 0.32 * max(len(table), 6) + 1.5),
        layout="constrained",
    )
    if table.empty or table.shape[1] == 0:
        empty(ax, "no mentions" if per_article or kept.empty else "no articles dated to the month")
    else:
        sns.heatmap(
            table,
            annot=True,
            fmt="d" if per_article else ".1f",
            cmap="Blues",
            cbar=False,
            linewidths=0.5,
            ax=ax,
            annot_kws={"fontsize": 8 if per_article else 6.5},
        )
        ax.set_ylabel("")
        ax.set_xlabel("article (publication date)" if per_article else "publication (independent stories)")
        ax.tick_params(axis="x", rotation=0 if per_article else 90)
    ax.set_title(
        "Mentions per actor and article"
        if per_article
        else f"Mentions per story published, by actor and period ({len(articles)} articles)"
    )
    return detached(fig)


def mentions_by_side(mentions: pd.DataFrame, articles: pd.DataFrame, exclude=DEFAULT_EXCLUDE):
    """Mentions of each side's actors per article (stacked bars); for more than :data:`PER_ARTICLE`
    articles, per month (or quarter) of publication, per story published in it."""
    set_style()
    kept = counted(mentions, exclude).assign(side=lambda f: f.side.replace("", "none"))
    per_article = len(articles) <= PER_ARTICLE
    if per_article:
        table = pd.crosstab(kept.article_id, kept.side).reindex(
            index=articles.article_id, columns=list(SIDE_LABELS), fill_value=0
        )
        names = short_labels(table.index)
        labels = [names[a] for a in table.index]
    else:
        by_period, _ = _by_period(kept, articles, "side")
        table = by_period.T.reindex(columns=list(SIDE_LABELS), fill_value=0).fillna(0)
        labels = list(table.index)
    fig, ax = plt.subplots(figsize=(8, (0.5 if per_article else 0.22) * max(len(table), 3) + 1.5), layout="constrained")
    if table.to_numpy().sum() == 0:
        empty(ax, "no mentions" if per_article or kept.empty else "no articles dated to the month")
    else:
        left = pd.Series(0.0, index=table.index)
        for side in SIDE_LABELS:
            ax.barh(
                labels, table[side].to_numpy(), left=left.to_numpy(), color=SIDE_COLOURS[side], label=SIDE_LABELS[side]
            )
            left += table[side]
        ax.invert_yaxis()
        ax.tick_params(axis="y", labelsize=8 if per_article else 7)
        fig.legend(loc="outside lower center", ncols=4, fontsize=8, frameon=False)  # below the axis title
    ax.set_xlabel("mentions" if per_article else "mentions per story published in the period")
    ax.set_title(
        "Mentions by side in the conflict" + ("" if per_article else f" ({len(articles)} articles, by period)")
    )
    return detached(fig)


def cooccurrence_graph(mentions: pd.DataFrame, min_weight: int = 1, exclude=DEFAULT_EXCLUDE) -> nx.Graph:
    """Actors linked by the number of sentences in which both are mentioned."""
    kept = counted(mentions, exclude)
    graph = nx.Graph()
    for actor, n in sorted(kept.actor.value_counts().items()):
        graph.add_node(actor, mentions=int(n), side=actor_sides(kept)[actor])
    for _, group in kept.groupby(["article_id", "section", "sentence_id"]):
        for a, b in itertools.combinations(sorted(set(group.actor)), 2):
            weight = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
            graph.add_edge(a, b, weight=weight)
    weak = [(a, b) for a, b, w in graph.edges(data="weight") if w < min_weight]
    graph.remove_edges_from(weak)
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def cooccurrence_network(mentions: pd.DataFrame, n: int = 20, min_weight: int = 1, exclude=DEFAULT_EXCLUDE):
    """Sentence-level co-occurrence of the ``n`` most-mentioned actors, on a circle grouped by side.

    Node size = mentions, edge width = sentences shared; labels sit outside the circle so none overlap.
    """
    set_style()
    graph = cooccurrence_graph(mentions, min_weight, exclude)
    top = sorted(graph, key=lambda a: (-graph.nodes[a]["mentions"], a))[:n]
    sub = graph.subgraph(top)
    fig, ax = plt.subplots(figsize=(10, 9), layout="constrained")
    ax.set_axis_off()
    ax.set_aspect("equal")
    if sub.number_of_nodes() == 0:
        empty(ax, "no actors mentioned together")
    else:
        side_order = list(SIDE_LABELS)
        nodes = sorted(sub, key=lambda a: (side_order.index(sub.nodes[a]["side"]), -sub.nodes[a]["mentions"], a))
        angles = np.linspace(0, 2 * np.pi, len(nodes), endpoint=False) + np.pi / 2
        pos = {a: (np.cos(t), np.sin(t)) for a, t in zip(nodes, angles, strict=False)}
        edges = sorted((min(a, b), max(a, b), w) for a, b, w in sub.edges(data="weight"))
        nx.draw_networkx_edges(
            sub,
            pos,
            edgelist=[(a, b) for a, b, _ in edges],
            ax=ax,
            width=[0.8 * w for _, _, w in edges],
            edge_color="#888888",
            alpha=0.5,
        )
        nx.draw_networkx_nodes(
            sub,
            pos,
            nodelist=nodes,
            ax=ax,
            node_size=[80 + 25 * sub.nodes[a]["mentions"] for a in nodes],
            node_color=[SIDE_COLOURS[sub.nodes[a]["side"]] for a in nodes],
        )
        for a, t in zip(nodes, angles, strict=False):
            x, y = 1.12 * np.cos(t), 1.12 * np.sin(t)
            degrees = np.degrees(t) % 360
            flip = 90 < degrees < 270
            ax.text(
                x,
                y,
                f"{a} ({sub.nodes[a]['mentions']})",
                fontsize=8,
                rotation=degrees + (180 if flip else 0),
                rotation_mode="anchor",
                ha="right" if flip else "left",
                va="center",
            )
        ax.set_xlim(-1.9, 1.9)
        ax.set_ylim(-1.9, 1.9)
        handles = [plt.Line2D([], [], marker="o", ls="", color=SIDE_COLOURS[s]) for s in SIDE_LABELS]
        ax.legend(handles, SIDE_LABELS.values(), loc="lower left", fontsize=8)
    ax.set_title(f"Actors mentioned in the same sentence (top {n} by mentions)")
    return detached(fig)
