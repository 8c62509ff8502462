"""One pass per article: every row an article gives (mentions, backing claims, dated expressions).

:func:`article_rows` is the one function that reads an article; :func:`iter_rows` drives it over a corpus,
:func:`extract` keeps the tables in memory (for notebooks), the export streams them to disk, and the Dask
engine runs :func:`partition_rows` on workers.
"""

from __future__ import annotations

import hashlib
import json
import os
import traceback
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

import libyalib.annotations as annotation_cache  # (the package name "annotations" is the __future__ feature)

from .annotations import iter_docs, text_key
from .backers import COLUMNS as BACKER_COLUMNS
from .backers import article_backers
from .events import COLUMNS as EVENT_COLUMNS
from .events import article_chronology
from .mentions import COLUMNS as MENTION_COLUMNS
from .mentions import article_mentions
from .nlp import pipeline

TABLES = {"mentions": MENTION_COLUMNS, "backers": BACKER_COLUMNS, "events": EVENT_COLUMNS}
INTEGERS = {"sentence_id": "int64", "start": "int64", "end": "int64"}
DTYPES = {
    "mentions": INTEGERS,
    "backers": INTEGERS,
    "events": {**INTEGERS, "planned": "bool", "vague": "bool"},
}


def article_rows(article, title_doc, body_doc, model: str = "") -> dict[str, list[dict]]:
    """The rows of one article, table by table."""
    mentions = article_mentions(article.article_id, article.published, title_doc, body_doc, model)
    return {
        "mentions": mentions,
        "backers": article_backers(article, title_doc, body_doc, mentions),
        "events": article_chronology(article, body_doc, mentions, title_doc),
    }


@lru_cache(maxsize=1)
def code_version() -> str:
    """sha256 of the package's code and data: rows computed by other code are not reused."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *(package / "data").glob("*.csv")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def rows_path(article) -> Path:
    """Where an article's rows are kept: by the text annotated, the fields the rows repeat, the pipeline
    and the code (``.cache/libyalib/rows/``)."""
    fields = "\0".join(
        [text_key(article), article.article_id, article.file, article.published, article.published_precision]
    )
    name = hashlib.sha256(fields.encode()).hexdigest()
    return annotation_cache.CACHE / "rows" / f"{pipeline().meta['libyalib_key']}-{code_version()}" / f"{name}.json"


def _read_rows(path: Path) -> dict | None:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # damaged: computed again
        warnings.warn(f"rows cache entry {path} is damaged ({exc}); analysing again", stacklevel=3)
        return None
    return rows if isinstance(rows, dict) and set(rows) == set(TABLES) else None


def _write_rows(path: Path, rows: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def iter_rows(corpus, strict: bool = False, progress: bool | None = None):
    """``(article, rows)`` for each article of ``corpus`` in order. Rows computed by a run of the same code
    on the same article are read back; the others come from the annotated Docs (each read once).

    An article whose analysis fails, for whatever reason, is added to ``corpus.failed`` with the error and
    the others go on; ``strict=True`` raises instead.
    """
    from .corpus import Corpus

    model = pipeline().meta["libyalib_model"]
    articles = [a for a in corpus.articles.itertuples() if a.file not in corpus.failed]
    cached = {a.file: rows for a in articles if (rows := _read_rows(rows_path(a))) is not None}
    need = corpus.articles[~corpus.articles.file.isin(list(cached))].reset_index(drop=True)
    docs = iter_docs(Corpus(need, corpus.rejected, corpus.paragraphs, corpus.root, corpus.failed), progress)
    pending = next(docs, None)
    for article in articles:
        if article.file in cached:
            yield article, cached[article.file]
            continue
        if pending is None or pending[0].file != article.file:
            continue  # it could not be annotated: the reason is in corpus.failed
        _, title_doc, body_doc = pending
        pending = next(docs, None)
        try:
            found = article_rows(article, title_doc, body_doc, model)
        except Exception as exc:
            if strict:
                raise
            where = traceback.extract_tb(exc.__traceback__)[-1]
            corpus.failed[article.file] = (
                f"could not be analysed: {type(exc).__name__}: {exc} "
                f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
            )
            continue
        _write_rows(rows_path(article), found)
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
    key = pipeline().meta["libyalib_key"]
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
    pipeline is loaded once per worker process (:func:`libyalib.nlp.pipeline` is cached)."""
    from .corpus import PARAGRAPH_COLUMNS, REJECTED_COLUMNS, Corpus

    corpus = Corpus(
        articles.reset_index(drop=True), pd.DataFrame(columns=REJECTED_COLUMNS), pd.DataFrame(columns=PARAGRAPH_COLUMNS)
    )
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for _, found in iter_rows(corpus, progress=False):
        for name, found_rows in found.items():
            rows[name].extend(found_rows)
    return rows, dict(corpus.failed)
