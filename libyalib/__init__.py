"""libyalib: news coverage of the Libyan conflict as pandas tables, with the sentence behind every row.

>>> from libyalib import load_corpus, actor_mentions, foreign_backers, chronology
>>> corpus = load_corpus()            # seeds/ by default, or any folder of .txt/.html articles
>>> mentions = actor_mentions(corpus)

The NLP functions are imported on first use, so that ``load_corpus`` alone does not load spaCy.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
_API = {
    "load_corpus": "corpus",
    "Corpus": "corpus",
    "CorpusError": "corpus",
    "actor_mentions": "mentions",
    "foreign_backers": "backers",
    "chronology": "events",
    "reconcile": "events",
}
__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'libyalib' has no attribute {name!r}")
