"""One look for every figure, and one way to save them byte-identically run to run."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pandas as pd

matplotlib.use("Agg") if matplotlib.get_backend().lower() not in (
    "agg",
    "module://matplotlib_inline.backend_inline",
) else None
import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402

from ..paths import FIGURES  # noqa: E402

#: Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: Colours of the sides of the conflict, fixed so that every chart agrees.
SIDE_COLOURS = {"haftar_camp": "#D55E00", "tripoli_camp": "#0072B2", "other": "#009E73", "none": "#999999"}
SIDE_LABELS = {
    "haftar_camp": "Haftar / LNA camp",
    "tripoli_camp": "Tripoli camp (GNC, GNA)",
    "other": "other Libyan",
    "none": "not a Libyan party",
}


#: Up to this many articles a chart shows each one; beyond, it shows months (or quarters) of publication.
PER_ARTICLE = 15


def periods(articles: pd.DataFrame) -> pd.Series:
    """The month of publication of each article (``2019-04``), or its quarter (``2019-Q2``) when the dated
    articles span more than four years; empty for an article dated only to the year or not at all."""
    month = articles.published.where(articles.published.str.len() >= 7, "").str[:7]
    dated = month[month != ""]
    if len(dated) and (int(dated.max()[:4]) - int(dated.min()[:4])) >= 4:
        return month.map(lambda m: f"{m[:4]}-Q{(int(m[5:7]) - 1) // 3 + 1}" if m else "")
    return month


def stories_by_period(articles: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each article's period (:func:`periods`, by article id), and the independent stories (``story_id``;
    each article its own story without it) published in each period to which articles are dated."""
    period = periods(articles).set_axis(articles.article_id)
    story = articles.set_index("article_id").story_id if "story_id" in articles else period.index.to_series()
    dated = period[period != ""]
    return period, story[dated.index].groupby(dated).nunique()


def short_label(article_id: str) -> str:
    """A short name for an article on an axis: the last part of its id, without a trailing hash
    ("000_ac960319aac35454" -> "000", "2019/04/story" -> "story", "scraped#12" -> "scraped#12")."""
    last = article_id.rsplit("/", 1)[-1]
    return re.sub(r"_[0-9a-f]{8,}$", "", last)[:18]


def short_labels(article_ids) -> dict[str, str]:
    """:func:`short_label` of each id, or the whole id where two short labels would be the same."""
    ids = list(dict.fromkeys(article_ids))
    short = [short_label(a) for a in ids]
    return {a: s if short.count(s) == 1 else a for a, s in zip(ids, short, strict=True)}


def set_style() -> None:
    """Seaborn theme, palette and the settings that make saved files reproducible."""
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE, font="DejaVu Sans")
    plt.rcParams.update(
        {
            "svg.hashsalt": "libyalib",
            "svg.fonttype": "path",
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "axes.titlelocation": "left",
            "axes.titleweight": "bold",
        }
    )


def detached(fig):
    """The figure, closed in pyplot: a notebook shows it once, as the cell's value, not a second time as an
    open figure when the cell ends."""
    plt.close(fig)
    return fig


def save(fig, name: str, folder: Path = FIGURES) -> list[Path]:
    """Write ``fig`` as ``folder/name.png`` and ``folder/name.svg`` with no volatile metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], metadata={"Software": None})
    fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    return paths


def empty(ax, message: str = "no data") -> None:
    """Label an axis that has nothing to show, so an empty corpus gives a readable chart."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666666")
    ax.set_xticks([])
    ax.set_yticks([])
