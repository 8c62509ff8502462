"""One pass per article: every row an article gives (mentions, backing claims, dated expressions).

:func:`article_rows` is the one function that reads an article; :func:`iter_rows` drives it over a corpus,
:func:`extract` keeps the tables in memory (for notebooks), the export streams them to disk, and the Dask
engine runs :func:`partition_rows` on workers. :func:`actor_mentions`, :func:`foreign_backers` and
:func:`chronology` are the corpus-level views of that one pass, kept here, above the per-article modules they
drive.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import traceback
import warnings
from pathlib import Path

import pandas as pd

import libyalib.nlp.annotations as annotation_cache  # (the package name "annotations" is the __future__ feature)

from ..fingerprint import code_version
from ..nlp.annotations import iter_docs, text_key
from ..nlp.model import forget, pipeline, pipeline_key
from .backers import COLUMNS as BACKER_COLUMNS
from .backers import article_backers
from .events import COLUMNS as EVENT_COLUMNS
from .events import article_chronology
from .mentions import COLUMNS as MENTION_COLUMNS
from .mentions import article_mentions

TABLES = {"mentions": MENTION_COLUMNS, "backers": BACKER_COLUMNS, "events": EVENT_COLUMNS}
INTEGERS = {"sentence_id": "int64", "start": "int64", "end": "int64"}
DTYPES = {
    "mentions": INTEGERS,
    "backers": INTEGERS,
    "events": {**INTEGERS, "planned": "bool", "vague": "bool", "reported": "bool"},
}


def article_rows(article, title_doc, body_doc, model: str = "") -> dict[str, list[dict]]:
    """The rows of one article, table by table."""
    try:
        mentions = article_mentions(article.article_id, article.published, title_doc, body_doc, model)
        return {
            "mentions": mentions,
            "backers": article_backers(article, title_doc, body_doc, mentions),
            "events": article_chronology(article, body_doc, mentions, title_doc),
        }
    finally:
        forget(title_doc, body_doc)


def rows_path(article, key: str | None = None) -> Path:
    """Where an article's rows are kept: by the text annotated, the fields the rows repeat, the pipeline
    (``key``, by default :func:`~libyalib.nlp.model.pipeline_key`) and the code (``.cache/libyalib/rows/``)."""
    fields = "\0".join(
        [text_key(article), article.article_id, article.file, article.published, article.published_precision]
    )
    name = hashlib.sha256(fields.encode()).hexdigest()
    return annotation_cache.CACHE / "rows" / f"{key or pipeline_key()}-{code_version()}" / f"{name}.json"


def _read_rows(path: Path) -> dict | None:
    """The rows kept at ``path`` (values only, in the order of each table's columns), or ``None``."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {
            name: [dict(zip(columns, values, strict=True)) for values in stored[name]]
            for name, columns in TABLES.items()
        }
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:  # damaged: analysed again
        warnings.warn(f"rows cache entry {path} is damaged ({exc}); analysing again", stacklevel=3)
        return None


def _write_rows(path: Path, rows: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = {name: [[row[c] for c in columns] for row in rows[name]] for name, columns in TABLES.items()}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(stored, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)


def _analyse(article, title_doc, body_doc, path: Path, strict: bool, corpus, model: str) -> dict | None:
    """The rows of one article by ``model``, kept at ``path`` for the next run; ``None`` (the error in
    ``corpus.failed``) on failure."""
    try:
        found = article_rows(article, title_doc, body_doc, model)
    except Exception as exc:
        if strict:
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        corpus.failed[article.file] = (
            f"could not be analysed: {type(exc).__name__}: {exc} ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        )
        return None
    _write_rows(path, found)
    return found


def iter_rows(corpus, strict: bool = False, progress: bool | None = None):
    """``(article, rows)`` for each article of ``corpus`` in order. Rows computed by a run of the same code
    on the same article are read back; the others come from the annotated Docs (each read once).

    An article whose analysis fails, for whatever reason, is added to ``corpus.failed`` with the error and
    the others go on; ``strict=True`` raises instead.
    """
    from ..ingest.corpus import Corpus

    def sub(frame):
        return Corpus(
            frame.reset_index(drop=True),
            corpus.rejected,
            corpus.paragraphs,
            corpus.root,
            corpus.failed,
            bodies=corpus.bodies,
        )

    articles = [a for a in corpus.articles.itertuples() if a.file not in corpus.failed]

    def kept(key):  # where each article's rows are kept, and those that are there (read when reached)
        paths = {a.file: rows_path(a, key) for a in corpus.rows() if a.file not in corpus.failed}
        return paths, {a.file for a in articles if paths[a.file].exists()}

    installed = pipeline_key()  # the model installed first, named without loading it
    paths, cached = kept(installed)
    if len(cached) < len(articles) and pipeline().meta["libyalib_key"] != installed:
        paths, cached = kept(pipeline().meta["libyalib_key"])  # it did not load: the rows of the one that did
    model = ""  # the name of the model that runs, asked once: spaCy's meta lists every label at each call

    def analysed(article, title_doc, body_doc):
        nonlocal model
        model = model or pipeline().meta["libyalib_model"]
        return _analyse(article, title_doc, body_doc, paths[article.file], strict, corpus, model)

    need = corpus.articles[~corpus.articles.file.isin(list(cached))]
    docs = iter_docs(sub(need), progress) if len(need) else iter(())
    pending = next(docs, None)
    for article in articles:
        found = None
        if article.file in cached:
            found = _read_rows(paths[article.file])
            if found is None:  # damaged: analysed again, alone
                one = next(iter_docs(sub(corpus.articles[corpus.articles.file == article.file])), None)
                found = analysed(article, one[1], one[2]) if one else None
        elif pending is not None and pending[0].file == article.file:
            _, title_doc, body_doc = pending
            pending = next(docs, None)
            found = analysed(article, title_doc, body_doc)
        if found is not None:
            yield article, found
    if strict and corpus.failed:
        file, reason = next(iter(corpus.failed.items()))
        raise RuntimeError(f"{file}: {reason}")


def frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """Rows of each table as a typed DataFrame."""
    return {name: pd.DataFrame(rows[name], columns=columns).astype(DTYPES[name]) for name, columns in TABLES.items()}


def extract(corpus, strict: bool = False, progress: bool | None = None) -> dict[str, pd.DataFrame]:
    """Every table of ``corpus`` in memory, in one pass (kept with the corpus, so that ``actor_mentions``,
    ``foreign_backers`` and ``chronology`` share it)."""
    key = pipeline_key()
    if not strict and key in corpus._cache:
        return {name: frame.copy() for name, frame in corpus._cache[key].items()}
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for _, found in iter_rows(corpus, strict, progress):
        for name, found_rows in found.items():
            rows[name].extend(found_rows)
    out = frames(rows)
    corpus._cache[key] = out
    return {name: frame.copy() for name, frame in out.items()}


def partition_rows(articles: pd.DataFrame) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """The rows of a partition of articles and the failures among them: what a Dask worker runs. The
    pipeline is loaded once per worker process (:func:`libyalib.nlp.model.pipeline` is cached), and what exists
    then is kept out of garbage collection (``gc.freeze``): it lives as long as the worker, and a full
    collection would visit every object of the model again (about 0.3 ms an article)."""
    from ..ingest.corpus import PARAGRAPH_COLUMNS, REJECTED_COLUMNS, Corpus

    if not gc.get_freeze_count():
        pipeline()
        gc.freeze()
    corpus = Corpus(
        articles.reset_index(drop=True), pd.DataFrame(columns=REJECTED_COLUMNS), pd.DataFrame(columns=PARAGRAPH_COLUMNS)
    )
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for _, found in iter_rows(corpus, progress=False):
        for name, found_rows in found.items():
            rows[name].extend(found_rows)
    return rows, dict(corpus.failed)


def actor_mentions(corpus) -> pd.DataFrame:
    """One row per mention of an actor in the titles and bodies of ``corpus`` (captions and links excluded)."""
    return extract(corpus)["mentions"]


def foreign_backers(corpus) -> pd.DataFrame:
    """One row per claim, in any article of ``corpus``, that a foreign actor backs (or recognises) a Libyan one."""
    return extract(corpus)["backers"]


def chronology(corpus) -> pd.DataFrame:
    """One row per temporal expression in the titles and bodies of ``corpus``, resolved to an interval."""
    return extract(corpus)["events"]
