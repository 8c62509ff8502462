"""One pass per article: every row an article gives (mentions, backing claims, dated expressions)."""

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


def article_rows(article, title_doc, body_doc, model: str = "") -> dict[str, list[dict]]:
    """The rows of one article, table by table."""
    mentions = article_mentions(article.article_id, article.published, title_doc, body_doc, model)
    return {
        "mentions": mentions,
        "backers": article_backers(article, title_doc, body_doc, mentions),
        "events": article_chronology(article, body_doc, mentions, title_doc),
    }


def extract(corpus, strict: bool = False, progress: bool | None = None) -> dict[str, pd.DataFrame]:
    """Every table of ``corpus`` in one pass over its annotated articles (kept with the corpus, so that
    ``actor_mentions``, ``foreign_backers`` and ``chronology`` share one pass).

    An article whose analysis fails, for whatever reason, is added to ``corpus.failed`` with the error and
    the others go on; ``strict=True`` raises instead.
    """
    key = pipeline().meta["libyalib_key"]
    if not strict and key in corpus._cache:
        return {name: frame.copy() for name, frame in corpus._cache[key].items()}
    model = pipeline().meta["libyalib_model"]
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
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
        for name, found_rows in found.items():
            rows[name].extend(found_rows)
    if strict and corpus.failed:
        file, reason = next(iter(corpus.failed.items()))
        raise RuntimeError(f"{file}: {reason}")
    out = {}
    for name, columns in TABLES.items():
        frame = pd.DataFrame(rows[name], columns=columns)
        types = {**INTEGERS, **({"planned": "bool", "vague": "bool"} if name == "events" else {})}
        out[name] = frame.astype(types)
    corpus._cache[key] = out
    return {name: frame.copy() for name, frame in out.items()}
