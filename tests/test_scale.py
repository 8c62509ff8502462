"""Scale: one pass per article, tables streamed to disk, and the Dask engine giving the same tables."""

import pickle

import pandas as pd
import pytest

import libyalib.tables.engines as export_module
import libyalib.tables.writer as writer_module
from libyalib.evaluation import DEV, FURTHER
from libyalib.ingest.bodies import BodyStore
from libyalib.ingest.corpus import Reading, load_corpus
from libyalib.tables.engines import export


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    export(load_corpus(DEV), out)
    return _files(out)


def test_the_tables_do_not_depend_on_how_the_work_was_split(tmp_path, monkeypatch, reference):
    row_group = writer_module.ROW_GROUP
    monkeypatch.setattr(export_module, "CHUNK", 1)  # one article per chunk
    monkeypatch.setattr(writer_module, "ROW_GROUP", 7)  # and small Parquet row groups ...
    export(load_corpus(DEV), tmp_path / "a")
    monkeypatch.setattr(export_module, "CHUNK", 5)  # ... against other chunks with the same row groups
    export(load_corpus(DEV), tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    monkeypatch.setattr(writer_module, "ROW_GROUP", row_group)
    monkeypatch.setattr(export_module, "CHUNK", 3)
    export(load_corpus(DEV), tmp_path / "c")
    assert _files(tmp_path / "c") == reference


def test_each_document_is_read_once_and_a_warm_run_reads_none(tmp_path, monkeypatch):
    import shutil

    import libyalib.nlp.annotations as annotations

    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    reads = []
    real = annotations._read
    monkeypatch.setattr(
        annotations, "_read", lambda path, row, vocab: reads.append(row.article_id) or real(path, row, vocab)
    )
    corpus = load_corpus(FURTHER)
    export(corpus, tmp_path / "cold")  # annotated as it goes: nothing is read back
    assert reads == []
    shutil.rmtree(tmp_path / "cache" / "rows")
    export(load_corpus(FURTHER), tmp_path / "annotated")  # the annotations are cached, the rows are not
    assert sorted(reads) == sorted(corpus.articles.article_id)
    reads.clear()
    export(load_corpus(FURTHER), tmp_path / "warm")  # the rows are cached: no Doc is read
    assert reads == []
    assert _files(tmp_path / "cold") == _files(tmp_path / "annotated") == _files(tmp_path / "warm")


def test_bodies_kept_on_disk_come_back_part_by_part():
    in_memory = load_corpus(DEV, paragraphs=False)
    on_disk = load_corpus(DEV, paragraphs=False, bodies_on_disk=True)
    assert "body" not in on_disk.articles and len(on_disk.bodies) == len(in_memory) == 12
    parts = list(on_disk.parts(5))
    assert [len(part) for part in parts] == [5, 5, 2]
    assert all(part.failed is on_disk.failed for part in parts)  # a failure in a part is the corpus's
    together = pd.concat([part.articles for part in parts], ignore_index=True)
    pd.testing.assert_frame_equal(together, in_memory.articles)


def test_a_corpus_with_its_bodies_on_disk_gives_the_same_tables(tmp_path, reference):
    on_disk = load_corpus(DEV, paragraphs=False, bodies_on_disk=True)
    assert [row.body for row in on_disk.rows()] == load_corpus(DEV).articles.body.tolist()
    export(on_disk, tmp_path / "on_disk")
    assert _files(tmp_path / "on_disk") == reference


def test_a_reading_hands_on_the_articles_as_it_reads_them():
    whole = load_corpus(DEV, paragraphs=False)
    reading = Reading(DEV, paragraphs=False)
    parts = reading.parts(5)
    first = next(parts)
    assert len(first) == 5 and len(reading.articles) == 5  # the other files are not read yet
    assert first.failed is reading.failed
    rest = list(parts)
    assert [len(part) for part in rest] == [5, 2]
    together = pd.concat([first.articles, *(part.articles for part in rest)], ignore_index=True)
    assert (together.story_id == "").all()  # a story needs every article: known at the end
    pd.testing.assert_frame_equal(together.drop(columns="story_id"), whole.articles.drop(columns="story_id"))
    corpus = reading.corpus()
    pd.testing.assert_frame_equal(corpus.articles, whole.articles.drop(columns="body"))
    pd.testing.assert_frame_equal(corpus.rejected, whole.rejected)
    with pytest.raises(RuntimeError, match="read once"):
        next(iter(reading))


def test_an_export_of_a_reading_gives_the_same_tables(tmp_path, reference):
    export(Reading(DEV, paragraphs=False), tmp_path / "reading")
    assert _files(tmp_path / "reading") == reference


def test_the_body_store_gives_back_any_text_and_stays_in_its_process():
    store = BodyStore()
    texts = {
        "a.txt": "Sarraj \u2019s GNA \U0001f600 \udcff",
        "b.txt": "x" * 100_000,
        "c.txt": "\u0627\u0644\u0633\u0631\u0627\u062c",
    }
    for label, text in texts.items():
        store.add(label, text)
    assert {label: store[label] for label in reversed(texts)} == texts
    with pytest.raises(TypeError, match="send the parts"):
        pickle.dumps(store)
    store.close()


@pytest.mark.slow
def test_the_dask_engine_on_two_local_workers_gives_the_same_tables(tmp_path, monkeypatch, reference):
    monkeypatch.setattr(export_module, "CHUNK", 4)  # three partitions of the twelve passages
    counts = export(Reading(DEV, paragraphs=False), tmp_path / "dask", engine="dask")  # read as it is sent
    assert counts["articles"] == 12
    assert _files(tmp_path / "dask") == reference
