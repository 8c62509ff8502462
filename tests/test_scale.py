"""Scale: one pass per article, tables streamed to disk, and the Dask engine giving the same tables."""

import pytest

import libyalib.export as export_module
import libyalib.writer as writer_module
from libyalib.corpus import load_corpus
from libyalib.evaluation import DEV, FURTHER
from libyalib.export import export


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    export(load_corpus(DEV), out)
    return _files(out)


def test_the_tables_do_not_depend_on_how_the_work_was_split(tmp_path, monkeypatch, reference):
    monkeypatch.setattr(export_module, "CHUNK", 1)  # one article per chunk
    monkeypatch.setattr(writer_module, "ROW_GROUP", 7)  # and small Parquet row groups ...
    export(load_corpus(DEV), tmp_path / "a")
    monkeypatch.setattr(export_module, "CHUNK", 5)  # ... against other chunks with the same row groups
    export(load_corpus(DEV), tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    monkeypatch.setattr(writer_module, "ROW_GROUP", 50_000)
    monkeypatch.setattr(export_module, "CHUNK", 3)
    export(load_corpus(DEV), tmp_path / "c")
    assert _files(tmp_path / "c") == reference


def test_each_document_is_read_from_the_cache_once_per_run(tmp_path, monkeypatch):
    import libyalib.annotations as annotations

    reads = []
    real = annotations._read
    monkeypatch.setattr(
        annotations, "_read", lambda path, row, vocab: reads.append(row.article_id) or real(path, row, vocab)
    )
    corpus = load_corpus(FURTHER)
    export(corpus, tmp_path / "out")
    assert sorted(reads) == sorted(corpus.articles.article_id)


@pytest.mark.slow
def test_the_dask_engine_on_two_local_workers_gives_the_same_tables(tmp_path, monkeypatch, reference):
    monkeypatch.setattr(export_module, "CHUNK", 4)  # three partitions of the twelve passages
    counts = export(load_corpus(DEV), tmp_path / "dask", engine="dask")
    assert counts["articles"] == 12
    assert _files(tmp_path / "dask") == reference
