"""Tables of articles, one row each: the CSV, JSON Lines and Parquet files that scrapers and news archives
export (trafilatura, newspaper4k, Media Cloud, GDELT-based collections).

A table needs a text column (``text``, ``body``, ``content`` or news-please's ``maintext``); ``title``,
``published``, ``outlet``, ``url``, ``author`` and ``id`` are read where present, under the names the common
exporters give them (:data:`FIELDS`). Each row becomes an article ``<file>#<row>`` (or its ``id``) or a
rejected row with its reason; a line of JSON Lines that is not a JSON object is rejected alone.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field

import pandas as pd

from .pubdate import parse_dateline

TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
TEXT_COLUMNS = ("text", "body", "content", "maintext")
#: Columns read beside the text, each under the names exporters give it (trafilatura, news-please,
#: newspaper4k, Media Cloud, GDELT, RSS feeds), first listed first.
FIELDS = {
    "title": ("title", "headline"),
    "published": (
        "published",
        "date",
        "publish_date",
        "date_publish",
        "pubdate",
        "published_at",
        "publication_date",
        "date_published",
        "seendate",
    ),
    "outlet": ("outlet", "source", "media_name", "sitename", "source_domain", "domain", "publisher"),
    "url": ("url", "link", "canonical_url"),
    "author": ("author", "authors", "byline", "creator"),
    "id": ("id", "article_id", "stories_id", "guid"),
}


@dataclass
class TableRow:
    """One row of a table of articles."""

    number: int  # 1 for the first row
    text: str
    title: str
    article_id: str  # from the id column, or empty
    side: dict = field(default_factory=dict)  # outlet, url, author, published, published_precision


class TableError(ValueError):
    """The file is not a table of articles; the message says why."""


def _json_lines(data: bytes) -> tuple[pd.DataFrame, list[int], list[tuple[int, str]]]:
    """The objects of a JSON Lines file, their line numbers, and the lines that are not objects with why."""
    records, numbers, bad = [], [], []
    for number, line in enumerate(data.decode("utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            bad.append((number, f"invalid JSON: {exc}"))
            continue
        if not isinstance(record, dict):
            bad.append((number, f"a JSON {type(record).__name__}, not an object"))
            continue
        records.append(record)
        numbers.append(number)
    if not records and bad:
        raise TableError(f"JSON Lines file without one object ({len(bad)} lines, the first: {bad[0][1]})")
    return pd.DataFrame(records), numbers, bad


def _frame(data: bytes, suffix: str) -> tuple[pd.DataFrame, list[int], list[tuple[int, str]]]:
    """The table's rows, the number each is known by (its row, or its line in JSON Lines), and the lines
    that could not be read."""
    try:
        if suffix in (".jsonl", ".ndjson"):
            return _json_lines(data)
        if suffix == ".csv":
            frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
        else:
            frame = pd.read_parquet(io.BytesIO(data))
        return frame, list(range(1, len(frame) + 1)), []
    except TableError:
        raise
    except Exception as exc:  # every reader has its own errors: a table that cannot be read is one reason
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise TableError(f"unreadable table: {type(exc).__name__}: {first}") from None


def _text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return str(value).strip()


def published(value: str) -> tuple[str, str]:
    """A publication date as exporters write it, as ``(value, precision)`` (``("", "unknown")`` if none)."""
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$", value):
        return f"{m[1]}-{m[2]}-{m[3]}", "day"
    if m := re.match(r"^(\d{4})(\d{2})(\d{2})(?:T?\d{6}Z?)?$", value):  # GDELT's 20190405T103000Z
        return f"{m[1]}-{m[2]}-{m[3]}", "day"
    if re.match(r"^\d{4}-\d{2}$", value):
        return value, "month"
    if re.match(r"^\d{4}$", value):
        return value, "year"
    found = parse_dateline(value) if value else None
    return found if found else ("", "unknown")


def read_table(data: bytes, suffix: str) -> tuple[list[TableRow], list[tuple[int, str]]]:
    """The rows of a table of articles, and the rows (lines) that could not be read with why; raises
    :class:`TableError` when it is not a table of articles."""
    frame, numbers, bad = _frame(data, suffix)
    columns = {str(c).lower(): c for c in frame.columns}
    text_column = next((columns[c] for c in TEXT_COLUMNS if c in columns), None)
    if text_column is None:
        raise TableError(f"table without a text column ({', '.join(TEXT_COLUMNS)}): {len(frame)} rows")
    names = {key: next((columns[c] for c in options if c in columns), None) for key, options in FIELDS.items()}
    rows = []
    for number, record in zip(numbers, frame.to_dict("records"), strict=True):

        def get(key, record=record):
            return _text(record.get(names[key])) if names[key] is not None else ""

        when, precision = published(get("published"))
        side = {"outlet": get("outlet"), "url": get("url"), "author": get("author")}
        if when:
            side.update(published=when, published_precision=precision)
        rows.append(TableRow(number, _text(record.get(text_column)), get("title"), get("id"), side))
    return rows, bad
