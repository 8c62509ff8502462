"""Every figure function returns a Figure on the seeds, on a one-article corpus and on an empty corpus."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from libyalib import charts  # noqa: E402
from libyalib.extract import (  # noqa: E402
    actor_mentions,  # noqa: E402
    chronology,
    foreign_backers,  # noqa: E402
    reconcile,
)
from libyalib.ingest.corpus import load_corpus  # noqa: E402

FIGURES = {
    "corpus_overview": lambda c, m, b, e: charts.corpus_overview(c),
    "top_actors": lambda c, m, b, e: charts.top_actors(m),
    "actor_article_heatmap": lambda c, m, b, e: charts.actor_article_heatmap(m, c.articles),
    "mentions_by_side": lambda c, m, b, e: charts.mentions_by_side(m, c.articles),
    "cooccurrence_network": lambda c, m, b, e: charts.cooccurrence_network(m),
    "backer_side_heatmap": lambda c, m, b, e: charts.backer_side_heatmap(b),
    "backers_by_year": lambda c, m, b, e: charts.backers_by_year(b),
    "backers_by_support_type": lambda c, m, b, e: charts.backers_by_support_type(b),
    "timeline": lambda c, m, b, e: charts.timeline(reconcile(e, c.articles), c.articles),
}


def test_every_chart_function_is_covered():
    public = {name for name in charts.__all__ if name not in ("save", "set_style")}
    assert public == set(FIGURES)


def _corpora(seeds, tmp_path_factory):
    empty = load_corpus(tmp_path_factory.mktemp("empty"))
    return {"seeds": seeds, "one article": seeds.subset(["002_34ed0cbcf165ceff"]), "empty": empty}


@pytest.mark.parametrize("which", ["seeds", "one article", "empty"])
@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_functions_return_labelled_figures(seeds, tmp_path_factory, which, name):
    corpus = _corpora(seeds, tmp_path_factory)[which]
    fig = FIGURES[name](corpus, actor_mentions(corpus), foreign_backers(corpus), chronology(corpus))
    assert isinstance(fig, Figure)
    assert any(ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right"))
    if which == "empty":
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert any(t.startswith("no ") for t in texts), texts
    plt.close(fig)


def test_saved_figures_are_byte_identical(seeds, tmp_path):
    first = charts.save(charts.top_actors(actor_mentions(seeds)), "a", tmp_path)
    second = charts.save(charts.top_actors(actor_mentions(seeds)), "b", tmp_path)
    for a, b in zip(first, second, strict=False):
        assert a.read_bytes() == b.read_bytes()


def test_articles_with_the_same_short_name_keep_their_own_rows(tmp_path):
    for folder in ("2019", "2020"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(
            f"Story\n\nThe GNA met envoys from Italy in {folder}, officials said.\n"
        )
    fig = charts.corpus_overview(load_corpus(tmp_path))
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["2019/story \nundated", "2020/story \nundated"]
    plt.close(fig)


def test_a_corpus_of_1000_articles_stays_legible(tmp_path):
    # 1,000 articles of our own (loaded, not annotated), published over 2015-2016, and made-up rows for them:
    # beyond 15 articles the per-article charts show months of publication, mentions per story published;
    # the timeline the 40 events told by the most stories; each says so.
    lines = ["file,outlet,url,published,published_precision"]
    for i in range(1000):
        (tmp_path / f"a{i:04d}.txt").write_text(
            f"Report {i}\n\n" + f"The GNA met envoys from Italy {i}. " * (1 + i % 7)
        )
        lines.append(f"a{i:04d}.txt,,,{2015 + i % 2}-{1 + i // 2 % 12:02d}-01,day")
    (tmp_path / "SOURCES.csv").write_text("\n".join(lines) + "\n")
    corpus = load_corpus(tmp_path)
    ids = corpus.articles.article_id
    mentions = pd.DataFrame(
        {
            "article_id": ids.repeat(3).to_numpy(),
            "actor": ["Khalifa Haftar", "Italy", "Turkey"] * 1000,
            "form": "name",
            "side": ["haftar_camp", "none", "none"] * 1000,
            "sentence_id": 0,
        }
    )
    fig = charts.corpus_overview(corpus)
    assert len(fig.axes[0].get_yticklabels()) == 24 and "1000 articles" in fig._suptitle.get_text()  # 24 months
    fig = charts.actor_article_heatmap(mentions, corpus.articles)
    ax = fig.axes[0]
    assert len(ax.get_xticklabels()) == 24 and "per story published" in ax.get_title("left")
    # each article mentions each actor once: in a month, as many mentions as articles, over its stories
    # (copies of one text are one story)
    month = corpus.articles.published.str[:7]
    expected = (month.value_counts() / corpus.articles.groupby(month).story_id.nunique()).sort_index()
    shown = [float(t.get_text()) for t in ax.texts][: len(expected)]  # the first row (all three rows are alike)
    assert shown == [round(v, 1) for v in expected]
    fig = charts.mentions_by_side(mentions, corpus.articles)
    assert len(fig.axes[0].get_yticklabels()) == 24
    days = pd.date_range("2015-01-01", periods=1000, freq="D").strftime("%Y-%m-%d")
    chronology = pd.DataFrame(
        {
            "date_start": days,
            "date_end": days,
            "precision": "day",
            "kind": "meeting",
            "what": [f"Envoys met in Rome, meeting number {i}" for i in range(1000)],
            "n_stories": [1 + i % 5 for i in range(1000)],
            "n_articles": [1 + i % 7 for i in range(1000)],
            "disagreement": "",
            "article_ids": ids.to_numpy(),
        }
    )
    fig = charts.timeline(chronology, corpus.articles)
    ax = fig.axes[0]
    assert "the 40 reported by the most stories, of 1000 events" in ax.get_title("left")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 40 and all("(5 stories)" in label for label in labels)  # the 200 told by 5 stories
    assert labels == sorted(labels)  # in date order
    plt.close("all")


def test_the_timeline_of_one_article_shows_all_its_events(seeds):
    days = pd.date_range("2016-01-01", periods=55, freq="7D").strftime("%Y-%m-%d")
    chronology = pd.DataFrame(
        {
            "date_start": days,
            "date_end": days,
            "kind": "military action",
            "what": "Forces shelled the port",
            "n_stories": 1,
            "n_articles": 1,
            "disagreement": ["2016-01-01 (a); 2016-01-03 (b)"] + [""] * 54,
        }
    )
    one = seeds.subset(["002_34ed0cbcf165ceff"]).articles
    fig = charts.timeline(chronology, one)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 55 and "all 55 events" in fig.axes[0].get_title("left")
    assert labels[0] == "2016-01-01  Forces shelled the port  (1 story, dates disagree)"
    plt.close(fig)
