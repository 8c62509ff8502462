"""One pass per article: every row an article gives (mentions, backing claims, dated expressions).

:func:`article_rows` is the one function that reads an article; :func:`iter_rows` drives it over a corpus,
:func:`extract` keeps the tables in memory (for notebooks), the export streams them to disk, and the Dask
engine runs :func:`partition_rows` on workers.
"""

from __future__ import annotations

import traceback

import pandas as pd

from .annotations import iter_docs
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


def iter_rows(corpus, strict: bool = False, progress: bool | None = None):
    """``(article, rows)`` for each article of ``corpus`` in order, each Doc read from the cache once.

    An article whose analysis fails, for whatever reason, is added to ``corpus.failed`` with the error and
    the others go on; ``strict=True`` raises instead.
    """
    model = pipeline().meta["libyalib_model"]
    for article, title_doc, body_doc in iter_docs(corpus, progress):
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
