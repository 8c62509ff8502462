"""The spaCy pipeline: the knowledge-base ruler before the statistical NER, the cache, and the fallback."""

import warnings

import pytest
from conftest import one_article

import libyalib.nlp.annotations as annotations
import libyalib.nlp.model as nlp_module
from libyalib.extract import actor_mentions


def test_ruler_runs_before_the_statistical_ner():
    names = nlp_module.pipeline().pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    assert names[0] == "paragraph_breaks"


def test_annotation_runs_once_per_content(tmp_path, monkeypatch):
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    corpus = one_article(tmp_path, "Haftar met Sarraj in Paris on Tuesday.", "2017-07-25")
    assert annotations.ensure_annotated(corpus) == 1
    assert annotations.ensure_annotated(corpus) == 0
    cached = list((tmp_path / "cache").rglob("*.spacy"))
    assert [p.stem for p in cached] == [annotations.text_key(row) for row in corpus.articles.itertuples()]


def test_without_a_model_the_ruler_still_finds_actors(tmp_path, monkeypatch):
    monkeypatch.setattr(nlp_module, "MODELS", ("no_such_model",))
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    monkeypatch.delenv("LIBYALIB_SPACY_MODEL", raising=False)
    for cached in (nlp_module.pipeline, nlp_module.model_id, nlp_module.pipeline_key):
        cached.cache_clear()
    try:
        with pytest.warns(UserWarning, match="no spaCy English model"):
            nlp = nlp_module.pipeline()
        assert nlp.meta["libyalib_model"] == "blank:en"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            mentions = actor_mentions(one_article(tmp_path, "Haftar met Sarraj. The LNA advanced.", "2017-07-25"))
        assert mentions[mentions.section == "body"].actor.tolist() == [
            "Khalifa Haftar",
            "Fayez al-Sarraj",
            "Libyan National Army",
        ]
        assert set(mentions.model) == {"blank:en"}
    finally:
        for cached in (nlp_module.pipeline, nlp_module.model_id, nlp_module.pipeline_key):
            cached.cache_clear()


def test_rows_are_kept_under_the_model_that_loaded(tmp_path, monkeypatch):
    """A model installed first but broken (a folder with a meta.json and no config) is passed over with a
    warning; the rows say which model made them and are kept under its key, not the broken one's, so that
    they are never taken for the broken model's once it is repaired."""
    import json

    from libyalib.extract.rows import iter_rows

    broken = tmp_path / "broken_model"
    broken.mkdir()
    (broken / "meta.json").write_text(json.dumps({"lang": "en", "name": "broken", "version": "9.9"}))
    monkeypatch.setenv("LIBYALIB_SPACY_MODEL", str(broken))
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    for cached in (nlp_module.pipeline, nlp_module.model_id, nlp_module.pipeline_key):
        cached.cache_clear()
    try:
        assert nlp_module.model_id() == f"{broken}-9.9"  # named without loading it
        with pytest.warns(UserWarning, match="installed but cannot be loaded"):
            loaded = nlp_module.pipeline().meta["libyalib_model"]
        assert loaded.startswith(nlp_module.MODELS) and loaded != nlp_module.model_id()
        corpus = one_article(tmp_path, "Turkey backs the GNA.", "2020-01-02")
        [(_, rows)] = list(iter_rows(corpus))
        assert {m["model"] for m in rows["mentions"]} == {loaded}
        kept = [p.parent.name for p in (tmp_path / "cache" / "rows").rglob("*.json")]
        assert len(kept) == 1 and kept[0].startswith(nlp_module._key(loaded) + "-")
        assert not kept[0].startswith(nlp_module.pipeline_key())
    finally:
        for cached in (nlp_module.pipeline, nlp_module.model_id, nlp_module.pipeline_key):
            cached.cache_clear()


def test_what_the_extraction_keeps_while_reading_is_what_spacy_gives(seeds):
    """Sentences, entities and each token's sentence, built once per document, are spaCy's own, for every
    token of every seed article; ``forget`` leaves only the text behind."""
    from libyalib.nlp.annotations import iter_docs

    for article, title, body in iter_docs(seeds):
        for doc, text in ((title, article.title), (body, article.body)):
            assert nlp_module.text_of(doc) == doc.text == text
            assert nlp_module.sentences(doc) == tuple(doc.sents)
            assert nlp_module.entities(doc) == doc.ents
            assert all(nlp_module.sentence_of(t) == t.sent for t in doc)
            nlp_module.forget(doc)
            assert set(doc.user_data) == {"text"}
