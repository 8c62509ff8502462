"""Nothing valid is lost: a broken line of a table, two tables of one name, a sidecar's bad value, the column
names other exporters use, UTF-16 without a byte-order mark. Every input here was written for these tests."""

import json
import warnings

import pandas as pd
import pytest

from libyalib.ingest.corpus import SidecarWarning, load_corpus
from libyalib.tables.engines import export

STORY = (
    "Forces loyal to the Government of National Accord retook the town of Gharyan on Wednesday after a surprise "
    "attack, officials said, in a setback for the Libyan National Army south of Tripoli."
)
OTHER = "The National Oil Corporation said output had recovered to one million barrels a day after the blockade ended."
THIRD = "Egypt and the United Arab Emirates were accused by the GNA of sending drones to Haftar's forces in the east."


def _reasons(corpus) -> dict[str, str]:
    return dict(zip(corpus.rejected.file, corpus.rejected.reason, strict=True))


def test_a_broken_line_of_json_lines_loses_only_itself(tmp_path):
    lines = [json.dumps({"text": STORY}), '{"text": "unterminated', json.dumps({"text": OTHER}), json.dumps([1, 2])]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles.article_id.tolist() == ["feed.jsonl#1", "feed.jsonl#3"]
    reasons = _reasons(corpus)
    assert reasons["feed.jsonl#2"].startswith("invalid JSON: ")
    assert reasons["feed.jsonl#4"] == "a JSON list, not an object"
    assert reasons["feed.jsonl"] == "table of 2 articles (each row is read as an article)"


def test_tables_of_one_name_never_share_an_id(tmp_path):
    pd.DataFrame({"text": [STORY], "id": ["x1"]}).to_csv(tmp_path / "news.csv", index=False)
    (tmp_path / "news.jsonl").write_text(json.dumps({"text": OTHER}) + "\n" + json.dumps({"text": THIRD, "id": "x1"}))
    corpus = load_corpus(tmp_path)
    # news.csv's row keeps its id; news.jsonl's rows are news.jsonl#1 and, its id taken by news.csv, news.jsonl#x1
    assert sorted(corpus.articles.article_id) == ["news.jsonl#1", "news.jsonl#x1", "x1"]
    assert not any("already used" in r for r in corpus.rejected.reason)


def _with_sidecar(tmp_path, rows: list[str]):
    for name, text in (("a.txt", STORY), ("b.txt", OTHER), ("c.txt", THIRD)):
        (tmp_path / name).write_text(f"Report {name}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "SOURCES.csv").write_text(
        "file,outlet,url,published,published_precision\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(tmp_path)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, SidecarWarning)]


def test_a_sidecars_bad_dates_are_ignored_once_each_and_the_articles_kept(tmp_path):
    corpus, said = _with_sidecar(
        tmp_path, ["a.txt,,,2017-13-45,day", "b.txt,,,27/09/2017,day", "c.txt,,,03/04/2017,day"]
    )
    dates = dict(zip(corpus.articles.article_id, corpus.articles.published, strict=True))
    assert dates == {"a": "", "b": "2017-09-27", "c": ""}  # b is unambiguous; a and c are not read
    assert said == [
        "SOURCES.csv line 2: published '2017-13-45' ignored (not a calendar date)",
        "SOURCES.csv line 4: published '03/04/2017' ignored (day and month could be either way round)",
    ]
    out = tmp_path / "out"
    counts = export(corpus, out, progress=False)
    assert counts["articles"] == 3 and counts["rejected"] == 1  # every article analysed; the sidecar is listed


def test_a_precision_the_date_contradicts_and_a_missing_file_are_named(tmp_path):
    corpus, said = _with_sidecar(tmp_path, ["a.txt,,,2017,month", "b.txt,,,2017-09,month", "gone.txt,,,2017-09-01,day"])
    rows = corpus.articles.set_index("article_id")
    assert (rows.loc["a", "published"], rows.loc["a", "published_precision"]) == ("2017", "year")
    assert (rows.loc["b", "published"], rows.loc["b", "published_precision"]) == ("2017-09", "month")
    assert said == [
        "SOURCES.csv line 2: published_precision 'month' contradicts '2017'; read as year",
        "SOURCES.csv names 'gone.txt', which is not in the folder",
    ]


@pytest.mark.parametrize(
    "record, expected",
    [
        # news-please
        (
            {
                "maintext": STORY,
                "title": "Gharyan retaken",
                "date_publish": "2019-06-26 18:02:11",
                "source_domain": "example.org",
                "url": "https://example.org/g",
                "authors": ["A. Writer"],
            },
            ("Gharyan retaken", "2019-06-26", "example.org", "https://example.org/g", "A. Writer"),
        ),
        # newspaper4k
        (
            {
                "text": STORY,
                "title": "Gharyan retaken",
                "publish_date": "2019-06-26T18:02:11+00:00",
                "authors": ["A. Writer", "B. Writer"],
                "url": "https://example.org/g",
            },
            ("Gharyan retaken", "2019-06-26", "", "https://example.org/g", "A. Writer; B. Writer"),
        ),
        # an RSS feed turned into a table
        (
            {
                "content": STORY,
                "headline": "Gharyan retaken",
                "pubDate": "Wed, 26 Jun 2019 18:02:11 GMT",
                "link": "https://example.org/g",
            },
            ("Gharyan retaken", "2019-06-26", "", "https://example.org/g", ""),
        ),
    ],
)
def test_the_column_names_other_exporters_use(tmp_path, record, expected):
    (tmp_path / "export.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = load_corpus(tmp_path).articles.iloc[0]
    assert (article.title, article.published, article.outlet, article.url, article.author) == expected
    assert article.body == STORY


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, encoding):
    (tmp_path / "wide.txt").write_bytes(f"Gharyan retaken\r\n\r\n{STORY}\r\n".encode(encoding))
    corpus = load_corpus(tmp_path)
    assert corpus.articles.body.tolist() == [STORY]
    assert corpus.rejected.empty
