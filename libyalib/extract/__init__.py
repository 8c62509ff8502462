"""Annotated Docs -> rows.

In: an article and its annotated title and body. Out: its rows: actor mentions, backing claims (who backs
whom, with what, and who says so) and dated expressions, each with its sentence and character span.
:mod:`.rows` runs the one pass per article over a corpus and gives the tables.
"""

from .event_groups import reconcile
from .rows import actor_mentions, chronology, extract, foreign_backers, iter_rows
from .support import support_table

__all__ = ["actor_mentions", "chronology", "extract", "foreign_backers", "iter_rows", "reconcile", "support_table"]
