"""Files and tables -> articles.

In: a folder (or list) of ``.txt`` and ``.html`` files and tables of articles (``.csv``, ``.jsonl``,
``.parquet``), with an optional ``SOURCES.csv``. Out: a :class:`Corpus`: one row per article (title, body,
outlet, publication date and its precision, story), every file or row that is not an article with its
reason, and every line with the role it was given (body, caption, byline, ...).
"""

from .corpus import PARAGRAPH_BREAK, Corpus, CorpusError, Reading, load_corpus

__all__ = ["PARAGRAPH_BREAK", "Corpus", "CorpusError", "Reading", "load_corpus"]
