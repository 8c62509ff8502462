"""The tables a notebook charts, with only the columns it asks for.

``python -m libyalib run`` writes the tables (``DIR/tables``) before it executes the notebooks and points
them there with ``LIBYALIB_TABLES``: a notebook then reads each table's Parquet file with only the columns
it needs, and never holds the corpus, its texts or a whole table. Without it (the seeds under
``make figures``, JupyterLab on a folder), the tables are made from ``LIBYALIB_CORPUS`` in memory in one
pass (:func:`libyalib.extract.rows.extract`) and the same columns are selected, so that a notebook reads alike
on both paths.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..paths import CORPUS, TABLES

NAMES = ("articles", "rejected", "mentions", "backers", "support", "events", "chronology")


@lru_cache(maxsize=1)
def _corpus(source: str):
    from ..ingest.corpus import load_corpus

    return load_corpus(source)


def _in_memory(name: str, source: Path) -> pd.DataFrame:
    from ..extract.rows import extract

    corpus = _corpus(str(source))
    if name == "articles":
        return corpus.articles.drop(columns=["body"])
    if name == "rejected":
        return corpus.rejected.copy()
    if name == "support":
        from ..extract.support import support_table

        return support_table(extract(corpus)["backers"])
    if name == "chronology":
        from ..extract.event_groups import reconcile

        return reconcile(extract(corpus)["events"], corpus.articles)
    return extract(corpus)[name]


def read_table(
    name: str, columns: list[str] | None = None, source: Path = CORPUS, tables: Path | None = TABLES
) -> pd.DataFrame:
    """Table ``name`` (one of :data:`NAMES`), only ``columns`` (all when ``None``): from ``tables`` (an export
    folder) where given, else made from the corpus at ``source``."""
    if name not in NAMES:
        raise ValueError(f"unknown table {name!r} (one of {', '.join(NAMES)})")
    if tables is not None:
        return pd.read_parquet(Path(tables) / f"{name}.parquet", columns=columns)
    frame = _in_memory(name, Path(source))
    return frame if columns is None else frame[columns].copy()
