"""Figures of notebook 03: which foreign actors are said to back which side, and how that changes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.ticker import MaxNLocator

from .style import PALETTE, SIDE_LABELS, detached, empty, set_style

BACKING = ("asserted", "claimed by someone", "alleged")
LIBYAN_SIDES = ["haftar_camp", "tripoli_camp", "other"]


def backing_claims(
    backers: pd.DataFrame, kinds=("state",), articles: pd.DataFrame | None = None, by: str = "story"
) -> pd.DataFrame:
    """Claims of backing (not denials, not recognition) by backers of the given kinds, with the ``unit``
    they are counted in: the story (syndicated copies and updates count once) when ``articles`` give
    ``story_id`` and ``by == "story"``, else the article."""
    claims = backers[backers.stance.isin(BACKING) & backers.backer_kind.isin(kinds)]
    if by == "story" and articles is not None and "story_id" in articles:
        stories = dict(zip(articles.article_id, articles.story_id, strict=True))
        return claims.assign(unit=claims.article_id.map(stories).fillna(claims.article_id))
    return claims.assign(unit=claims.article_id)


def _unit_name(articles, by: str) -> str:
    return "stories" if by == "story" and articles is not None and "story_id" in articles else "articles"


def backer_side_matrix(backers: pd.DataFrame, kinds=("state",), articles=None, by: str = "story") -> pd.DataFrame:
    """Number of stories (or articles) claiming that each backer backs each side."""
    claims = backing_claims(backers, kinds, articles, by).drop_duplicates(["unit", "backer", "side"])
    table = pd.crosstab(claims.backer, claims.side).reindex(columns=LIBYAN_SIDES, fill_value=0)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return table.loc[order]


def backer_side_heatmap(
    backers: pd.DataFrame, kinds=("state",), title="Foreign states and the side they back", articles=None, by="story"
):
    """Backer x side heatmap: how many stories (``by="article"``: articles) claim each backing (denials and
    recognition left out)."""
    set_style()
    table = backer_side_matrix(backers, kinds, articles, by)
    fig, ax = plt.subplots(figsize=(7, 0.45 * max(len(table), 4) + 1.6), layout="constrained")
    if table.empty:
        empty(ax, "no claims of backing")
    else:
        sns.heatmap(
            table.rename(columns=SIDE_LABELS),
            annot=True,
            fmt="d",
            cmap="Oranges",
            cbar=False,
            linewidths=0.5,
            ax=ax,
            vmin=0,
        )
        ax.set_xlabel("side backed")
        ax.set_ylabel("")
        ax.tick_params(axis="x", rotation=0)
    ax.set_title(title + f"\n({_unit_name(articles, by)} making the claim)")
    return detached(fig)


def backers_by_year(backers: pd.DataFrame, kinds=("state",), articles=None, by="story"):
    """Reported backings per year of publication, one panel per side, one bar per backer."""
    set_style()
    claims = backing_claims(backers, kinds, articles, by).assign(year=lambda f: f.published.str[:4])
    claims = claims[claims.year != ""].drop_duplicates(["unit", "backer", "side"])
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5), sharey=True, layout="constrained")
    backers_seen = sorted(claims.backer.unique())
    colours = {b: PALETTE[i % len(PALETTE)] for i, b in enumerate(backers_seen)}
    years = sorted(claims.year.unique())
    for ax, side in zip(axes, ["haftar_camp", "tripoli_camp"], strict=False):
        part = claims[claims.side == side]
        if part.empty:
            empty(ax, "no claims")
        else:
            table = pd.crosstab(part.year, part.backer).reindex(index=years, fill_value=0)
            bottom = pd.Series(0, index=table.index)
            for backer in table.columns:
                ax.bar(table.index, table[backer], bottom=bottom, color=colours[backer], label=backer)
                bottom += table[backer]
            ax.legend(fontsize=8, loc="upper left")
        ax.set_title(f"Backing {SIDE_LABELS[side]}")
        ax.set_xlabel("year of publication")
    axes[0].set_ylabel(f"{_unit_name(articles, by)} claiming the backing")
    axes[0].yaxis.set_major_locator(MaxNLocator(integer=True))
    return detached(fig)


def backers_by_support_type(backers: pd.DataFrame, kinds=("state",), articles=None, by="story"):
    """Backer and side backed x support type (UCDP categories): stories (or articles) whose claims name
    each type."""
    from ..extract.support import TYPE_COLUMNS, support_table

    set_style()
    claims = backing_claims(backers, kinds, articles, by)
    table = support_table(claims.assign(article_id=claims.unit))
    columns = [c for c in TYPE_COLUMNS.values() if c in table and table[c].sum() > 0]
    fig, ax = plt.subplots(
        figsize=(9, 0.45 * max(table.groupby(["backer", "side"]).ngroups, 4) + 2.4), layout="constrained"
    )
    if table.empty:
        empty(ax, "no claims of backing")
    else:
        grid = table.groupby(["backer", "side"])[columns].sum()  # articles per year, summed over the years
        grid.index = [f"{backer} → {SIDE_LABELS.get(side, side)}" for backer, side in grid.index]
        grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False, kind="stable").index]
        labels = {
            c: c.replace("_", " ")
            .replace("troops as a secondary warring party", "troops, air strikes")
            .replace("access to military or intelligence infrastructure", "bases, infrastructure")
            .replace("funding and economic support", "funding")
            for c in columns
        }
        sns.heatmap(
            grid.rename(columns=labels), annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5, ax=ax, vmin=0
        )
        ax.set_xlabel("support type (UCDP External Support Dataset)")
        ax.tick_params(axis="x", rotation=30)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
    unit = _unit_name(articles, by)
    ax.set_title(f"What kind of support the articles say each state gives\n({unit} naming the type)")
    return detached(fig)
