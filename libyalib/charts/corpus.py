"""Figures of notebook 01: what the corpus holds and what the loader stripped."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..ingest.furniture import ARTICLE_ROLES
from .style import MAX_ARTICLES, PALETTE, detached, empty, set_style, short_labels


def stripped_lines(corpus) -> pd.DataFrame:
    """Lines kept out of the body, counted per article and role (the title, kept apart, is not counted)."""
    removed = corpus.paragraphs[~corpus.paragraphs.role.isin(ARTICLE_ROLES + ("title",))]
    table = pd.crosstab(removed.article_id, removed.role)
    return table.reindex(corpus.articles.article_id, fill_value=0)


def corpus_overview(corpus):
    """Words of article text per article, beside the lines of page furniture stripped from each file
    (the :data:`MAX_ARTICLES` longest articles of a larger corpus)."""
    set_style()
    total = len(corpus.articles)
    if total > MAX_ARTICLES:
        longest = corpus.articles.n_words.sort_values(ascending=False, kind="stable").index[:MAX_ARTICLES]
        corpus = corpus.subset(corpus.articles.article_id[sorted(longest)])
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
    shown = len(corpus.articles)
    title = "The corpus" if shown == total else f"The corpus: the {shown} longest of {total} articles"
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    return detached(fig)
