"""libyalib: news coverage of the Libyan conflict as pandas tables, with the sentence behind every row.

>>> from libyalib import load_corpus, actor_mentions, foreign_backers, chronology
>>> corpus = load_corpus()            # seeds/ by default, or any folder of .txt/.html articles
>>> mentions = actor_mentions(corpus)

The data flows through one subpackage per stage, each importing only the stages before it:
``ingest`` (files -> articles), ``nlp`` (articles -> annotated Docs), ``extract`` (Docs -> rows), ``tables``
(rows -> files) and ``charts`` (tables -> figures). The functions here are imported on first use, so that
``load_corpus`` alone does not load spaCy.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
_API = {
    "load_corpus": "ingest",
    "Corpus": "ingest",
    "CorpusError": "ingest",
    "actor_mentions": "extract",
    "foreign_backers": "extract",
    "chronology": "extract",
    "reconcile": "extract",
    "mention_counts": "extract.mentions",
    "support_table": "extract",
    "export": "tables",
    "read_table": "tables",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'libyalib' has no attribute {name!r}")
