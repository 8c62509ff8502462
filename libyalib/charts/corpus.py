"""Figures of notebook 01: what the corpus holds and what the loader stripped."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..ingest.furniture import ARTICLE_ROLES
from .style import PALETTE, PER_ARTICLE, detached, empty, periods, set_style, short_labels


def stripped_lines(corpus) -> pd.DataFrame:
    """Lines kept out of the body, counted per article and role (the title, kept apart, is not counted)."""
    removed = corpus.paragraphs[~corpus.paragraphs.role.isin(ARTICLE_ROLES + ("title",))]
    table = pd.crosstab(removed.article_id, removed.role)
    return table.reindex(corpus.articles.article_id, fill_value=0)


def _overview_by_period(corpus):
    """A corpus of many articles: articles per month (or quarter) of publication, and the lines of page
    furniture stripped from them all, by role."""
    articles = corpus.articles
    period = periods(articles)
    counts = period[period != ""].value_counts().sort_index()
    fig, (when, lines) = plt.subplots(1, 2, figsize=(12, 0.22 * max(len(counts), 12) + 1.5), layout="constrained")
    if counts.empty:
        empty(when, "no article dated to the month")
    else:
        when.barh(counts.index, counts.to_numpy(), color=PALETTE[0])
        when.invert_yaxis()
        when.tick_params(axis="y", labelsize=7)
    undated = int((period == "").sum())
    when.set_title(f"Articles by publication ({undated} dated to the year or undated)")
    when.set_xlabel("articles")
    table = stripped_lines(corpus).sum().sort_values(ascending=False, kind="stable")
    if table.empty or table.sum() == 0:
        empty(lines, "no lines stripped")
    else:
        lines.barh([r.replace("_", " ") for r in table.index], table.to_numpy(), color=PALETTE[1])
        lines.invert_yaxis()
    lines.set_title("Lines stripped as page furniture, by role")
    lines.set_xlabel("lines")
    fig.suptitle(f"The corpus: {len(articles)} articles", x=0.01, ha="left", fontweight="bold")
    return detached(fig)


def corpus_overview(corpus):
    """Words of article text per article, beside the lines of page furniture stripped from each file; for
    more than :data:`PER_ARTICLE` articles, articles per month of publication and the lines stripped."""
    set_style()
    total = len(corpus.articles)
    if total > PER_ARTICLE:
        return _overview_by_period(corpus)
    fig, (words, lines) = plt.subplots(
        1, 2, figsize=(10, 0.6 * max(len(corpus.articles), 3) + 1.5), sharey=True, layout="constrained"
    )
    if corpus.articles.empty:
        empty(words, "no articles")
        empty(lines, "no articles")
    else:
        names = short_labels(corpus.articles.article_id)
        labels = [
            f"{names[a.article_id]} {a.outlet or ''}\n{a.published or 'undated'}" for a in corpus.articles.itertuples()
        ]
        words.barh(labels, corpus.articles.n_words, color=PALETTE[0])
        words.invert_yaxis()
        for y, n in enumerate(corpus.articles.n_words):
            words.text(n, y, f" {n}", va="center", fontsize=9)
        table = stripped_lines(corpus)
        left = pd.Series(0, index=table.index)
        for i, role in enumerate(table.columns):
            lines.barh(
                labels,
                table[role].to_numpy(),
                left=left.to_numpy(),
                label=role.replace("_", " "),
                color=PALETTE[i % len(PALETTE)],
            )
            left += table[role]
        if len(table.columns):
            lines.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, -0.12 - 0.6 / max(len(labels), 3)),
                ncols=3,
                fontsize=8,
                frameon=False,
            )
    words.set_title("Words of article text")
    words.set_xlabel("words")
    lines.set_title("Lines stripped as page furniture")
    lines.set_xlabel("lines")
    fig.suptitle("The corpus", x=0.01, ha="left", fontweight="bold")
    return detached(fig)
