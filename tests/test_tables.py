"""What the notebooks read (``libyalib.tables.read``): an export's Parquet files column by column, or the same
tables made in memory, alike."""

import pandas as pd
import pytest

from libyalib.ingest.corpus import load_corpus
from libyalib.paths import SEEDS
from libyalib.tables.engines import export
from libyalib.tables.read import NAMES, read_table

#: The columns the notebooks ask for (02, 03, 04), and every column.
ASKED = {
    "articles": [["article_id", "published", "story_id"], ["article_id", "story_id"], None],
    "mentions": [["article_id", "section", "sentence_id", "actor", "side", "form", "model"], None],
    "backers": [None],
    "events": [None],
    "chronology": [["date_start", "date_end", "what", "n_stories", "disagreement"], None],
    "support": [None],
    "rejected": [None],
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    export(load_corpus(SEEDS, paragraphs=False), out, progress=False)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_an_export_read_by_column_equals_the_tables_made_in_memory(tables, name):
    for columns in ASKED[name]:
        from_export = read_table(name, columns, tables=tables)
        in_memory = read_table(name, columns, source=SEEDS, tables=None)
        pd.testing.assert_frame_equal(from_export, in_memory, check_dtype=True)
        if columns is not None:
            assert list(from_export.columns) == columns


def test_the_texts_are_never_read_from_an_export(tables):
    assert "body" not in read_table("articles", tables=tables).columns
    assert "body" not in read_table("articles", source=SEEDS, tables=None).columns


def test_counts_of_the_seeds(tables):
    # tests/expected/backers.csv and events.csv: 19 claims and 41 dated expressions, hand-counted in 5 articles
    assert len(read_table("backers", ["backer"], tables=tables)) == 19
    assert len(read_table("events", ["expression"], tables=tables)) == 41
    assert len(read_table("articles", ["article_id"], tables=tables)) == 5


def test_an_unknown_table_is_named():
    with pytest.raises(ValueError, match="unknown table 'claims'"):
        read_table("claims")


def test_a_corpus_loaded_without_its_lines_has_the_same_articles():
    full, lean = load_corpus(SEEDS), load_corpus(SEEDS, paragraphs=False)
    pd.testing.assert_frame_equal(full.articles, lean.articles)
    assert len(full.paragraphs) > 0 and lean.paragraphs.empty
    assert list(lean.paragraphs.columns) == list(full.paragraphs.columns)
