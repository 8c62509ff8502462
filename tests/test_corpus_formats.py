"""The corpora researchers hold: subfolders, tables of articles, other languages, syndicated copies.

Every text here was written for these tests.
"""

import json

import pandas as pd
import pytest

from libyalib.ingest.corpus import load_corpus

WIRE = (
    "Forces loyal to the eastern commander Khalifa Haftar pushed towards the southern outskirts of Tripoli on "
    "Thursday, residents said, as the United Nations called for a truce to let civilians leave the area. The "
    "Government of National Accord said its forces had repelled the attack near the old airport and accused "
    "foreign powers of supplying the eastern forces with drones. Hospitals in the capital asked for blood "
    "donors, and the city's water company warned of cuts in several districts. Diplomats in Tunis said talks "
    "planned for next week were unlikely to go ahead while the fighting lasted."
)
FRENCH = (
    "Les forces du maréchal Khalifa Haftar ont poursuivi jeudi leur progression vers la banlieue sud de Tripoli, "
    "selon des habitants, tandis que les Nations unies appelaient à une trêve pour permettre aux civils de "
    "quitter la zone. Le gouvernement d'union nationale affirme avoir repoussé l'attaque près de l'ancien aéroport."
)
GERMAN = (
    "Die Truppen von General Khalifa Haftar sind am Donnerstag weiter auf die südlichen Vororte von Tripolis "
    "vorgerückt, wie Anwohner berichteten. Die Vereinten Nationen forderten eine Waffenruhe, damit Zivilisten "
    "das Gebiet verlassen können. Die Einheitsregierung erklärte, sie habe den Angriff abgewehrt."
)
OTHER_STORY = (
    "Libya's National Oil Corporation said on Monday that output had recovered to more than one million barrels "
    "a day after guards reopened the Sharara field in the south-west, which had been shut for three weeks by a "
    "protest over unpaid salaries. The company thanked local elders for mediating and said exports from the "
    "western ports would resume within days, although storage tanks at Zawiya were still being repaired."
)


def test_subfolders_with_the_same_file_name_are_two_articles(tmp_path):
    for folder in ("2019/04", "2020/01"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "story.txt").write_text(f"Story of {folder}\n\n{WIRE} ({folder})\n")
    articles = load_corpus(tmp_path).articles
    assert articles.article_id.tolist() == ["2019/04/story", "2020/01/story"]
    assert articles.file.tolist() == ["2019/04/story.txt", "2020/01/story.txt"]


def test_tables_of_articles_are_read_row_by_row(tmp_path):
    pd.DataFrame(
        {
            "title": ["Haftar pushes on Tripoli", "Oil output recovers", "Nothing here"],
            "text": [WIRE, OTHER_STORY, ""],
            "date": ["2019-04-11T09:30:00Z", "2019-07-01", ""],
            "source": ["Example Wire", "Example Energy", ""],
            "url": ["https://example.org/a", "https://example.org/b", ""],
        }
    ).to_csv(tmp_path / "scraped.csv", index=False)
    with open(tmp_path / "archive.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "mc-1001", "headline": "Talks stall", "body": WIRE.replace("Thursday", "Friday")}))
        f.write("\n")
    pd.DataFrame({"content": [OTHER_STORY.replace("Monday", "Tuesday")], "published": ["2019-07-02"]}).to_parquet(
        tmp_path / "gdelt.parquet"
    )
    pd.DataFrame({"headline": ["no text column"]}).to_csv(tmp_path / "links.csv", index=False)
    corpus = load_corpus(tmp_path)
    rows = corpus.articles.set_index("article_id")
    assert sorted(rows.index) == ["gdelt.parquet#1", "mc-1001", "scraped.csv#1", "scraped.csv#2"]
    first = rows.loc["scraped.csv#1"]
    assert (first.title, first.published, first.outlet) == (
        "Haftar pushes on Tripoli",
        "2019-04-11",
        "Example Wire",
    )
    assert first.body == WIRE
    assert rows.loc["mc-1001", "file"] == "archive.jsonl#1"
    reasons = dict(zip(corpus.rejected.file, corpus.rejected.reason, strict=True))
    assert reasons["scraped.csv#3"] == "empty text"
    assert reasons["links.csv"] == "table without a text column (text, body, content, maintext): 1 rows"
    assert reasons["scraped.csv"] == "table of 3 articles (each row is read as an article)"


def test_articles_that_are_not_in_english_are_rejected_with_their_language(tmp_path):
    (tmp_path / "fr.txt").write_text(f"Offensive sur Tripoli\n\n{FRENCH}\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text(f"Offensive auf Tripolis\n\n{GERMAN}\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(f"Offensive on Tripoli\n\n{WIRE}\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("Talks\n\nHaftar met Sarraj in Paris on Tuesday.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles.article_id.tolist() == ["en", "short"]  # a short English line is not lost
    assert dict(zip(corpus.rejected.file, corpus.rejected.reason, strict=True)) == {
        "de.txt": "not English (de)",
        "fr.txt": "not English (fr)",
    }


def test_syndicated_copies_and_updates_share_a_story(tmp_path):
    (tmp_path / "wire.txt").write_text(f"Haftar pushes on Tripoli\n\n{WIRE}\n")
    copy = WIRE.replace("residents said", "witnesses said").replace("several districts", "three districts")
    (tmp_path / "outlet-b.txt").write_text(f"Eastern forces advance on capital\n\n{copy}\n")
    update = WIRE + (
        "\n\nLate on Thursday the eastern forces said they had taken the old airport, a claim the government denied."
    )
    (tmp_path / "wire-update.txt").write_text(f"Haftar pushes on Tripoli (updated)\n\n{update}\n")
    (tmp_path / "oil.txt").write_text(f"Oil output recovers\n\n{OTHER_STORY}\n")
    (tmp_path / "SOURCES.csv").write_text(
        "file,outlet,url,published,published_precision\n"
        "wire.txt,,,2019-04-11,day\noutlet-b.txt,,,2019-04-11,day\nwire-update.txt,,,2019-04-12,day\n"
        "oil.txt,,,2019-07-01,day\n"
    )
    stories = load_corpus(tmp_path).articles.set_index("article_id").story_id
    assert stories.to_dict() == {"oil": "oil", "outlet-b": "outlet-b", "wire": "outlet-b", "wire-update": "outlet-b"}


@pytest.mark.parametrize(
    "value, want",
    [
        ("2019-04-11T09:30:00Z", ("2019-04-11", "day")),
        ("20190411T093000Z", ("2019-04-11", "day")),
        ("2019-04", ("2019-04", "month")),
        ("2019", ("2019", "year")),
        ("April 11, 2019", ("2019-04-11", "day")),
        ("soon", ("", "unknown")),
    ],
)
def test_publication_dates_as_exporters_write_them(value, want):
    from libyalib.ingest.article_tables import published

    assert published(value) == want


def test_a_second_load_reads_the_same_corpus_from_the_cache(tmp_path, monkeypatch):
    import libyalib.paths as paths

    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(f"Haftar pushes on Tripoli\n\nBy Jane Doe | 05 Apr 2019\n\n{WIRE}\n")
    (tmp_path / "src" / "b.txt").write_text(f"Oil output recovers\n\n{OTHER_STORY}\n")
    (tmp_path / "src" / "c.txt").write_text(f"Offensive sur Tripoli\n\n{FRENCH}\n", encoding="utf-8")
    first = load_corpus(tmp_path / "src")
    assert len(list((tmp_path / "cache" / "articles").rglob("*.json"))) == 3
    second = load_corpus(tmp_path / "src")
    for name in ("articles", "rejected", "paragraphs"):
        pd.testing.assert_frame_equal(getattr(second, name), getattr(first, name))
