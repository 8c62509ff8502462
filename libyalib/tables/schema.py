"""Table contracts: the columns of every exported table, their types and allowed values (pandera)."""

from __future__ import annotations

import pandera.pandas as pa

from ..extract.event_groups import PRECISION_ORDER
from ..extract.events import KINDS, ROLES
from ..extract.lexicon import SUPPORT_TYPES
from ..extract.support import TYPE_COLUMNS

_ID = pa.Column(str, pa.Check.str_length(min_value=1))
_TEXT = pa.Column(str)
_OFFSET = pa.Column("Int64", pa.Check.ge(0))
_SECTION = pa.Column(str, pa.Check.isin(["title", "body"]))
_DATES_IN_ORDER = pa.Check(lambda f: (f.date_start <= f.date_end).all(), error="date_start <= date_end")


def _sentence_span() -> dict[str, pa.Column]:
    """Sentence number and character span into the article's body (or title)."""
    return {
        "sentence_id": pa.Column(int, pa.Check.ge(0)),
        "start": pa.Column(int, pa.Check.ge(0)),
        "end": pa.Column(int, pa.Check.gt(0)),
    }


def _schema(name: str, columns: dict[str, pa.Column], checks=None) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(columns, name=name, strict=True, ordered=True, coerce=False, checks=checks or [])


ARTICLES = _schema(
    "articles",
    {
        "article_id": pa.Column(str, pa.Check.str_length(min_value=1), unique=True),
        "story_id": _ID,
        "file": _ID,
        "title": _TEXT,
        "outlet": _TEXT,
        "author": _TEXT,
        "published": pa.Column(str, pa.Check.str_matches(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")),
        "published_precision": pa.Column(str, pa.Check.isin(["day", "month", "year", "unknown"])),
        "published_source": pa.Column(str, pa.Check.isin(["sidecar", "text", "inferred", "none"])),
        "url": _TEXT,
        "n_words": pa.Column(int, pa.Check.gt(0)),
        "sha256": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{64}$")),
    },
)

REJECTED = _schema("rejected", {"file": _ID, "reason": pa.Column(str, pa.Check.str_length(min_value=1))})

_SIDE = pa.Column(str, pa.Check.isin(["haftar_camp", "tripoli_camp", "other", "none", ""]))

MENTIONS = _schema(
    "mentions",
    {
        "article_id": _ID,
        "section": _SECTION,
        **_sentence_span(),
        "text": _ID,
        "actor": _ID,
        "kind": _TEXT,
        "side": _SIDE,
        "source": pa.Column(str, pa.Check.isin(["knowledge base", "statistical NER"])),
        "form": pa.Column(str, pa.Check.isin(["name", "alias", "dated alias", "demonym", "short form", "acronym"])),
        "model": _ID,
    },
    checks=[pa.Check(lambda f: (f.start < f.end).all(), error="start < end")],
)

BACKERS = _schema(
    "backers",
    {
        "article_id": _ID,
        "published": _TEXT,
        "backer": _ID,
        "backer_kind": _ID,
        "backed": _ID,
        "side": pa.Column(str, pa.Check.isin(["haftar_camp", "tripoli_camp", "other"])),
        "stance": pa.Column(str, pa.Check.isin(["asserted", "claimed by someone", "alleged", "denied", "recognition"])),
        "claimed_by": _TEXT,
        "cue": _ID,
        "support_type": pa.Column(
            str,
            pa.Check(
                lambda s: s.str.split(";").map(lambda ts: set(ts) <= set(SUPPORT_TYPES)),
                element_wise=False,
                error="support types of the UCDP External Support Dataset",
            ),
        ),
        "section": _SECTION,
        **_sentence_span(),
        "evidence": _ID,
    },
)

SUPPORT = _schema(
    "support",
    {
        "backer": _ID,
        "backer_kind": _ID,
        "side": pa.Column(str, pa.Check.isin(["haftar_camp", "tripoli_camp", "other"])),
        "year": pa.Column(str, pa.Check.str_matches(r"^(?:\d{4})?$")),
        **{column: pa.Column(int, pa.Check.ge(0)) for column in TYPE_COLUMNS.values()},
        "n_claims": pa.Column(int, pa.Check.gt(0)),
        "n_articles": pa.Column(int, pa.Check.gt(0)),
    },
    checks=[
        pa.Check(
            lambda f: (f[list(TYPE_COLUMNS.values())].le(f.n_articles, axis=0)).all(axis=None),
            error="no type named by more articles than there are",
        )
    ],
)

_KIND = pa.Column(str, pa.Check.isin(list(KINDS)))
_PRECISION = pa.Column(str, pa.Check.isin(list(PRECISION_ORDER)))
_DAY = pa.Column(str, pa.Check.str_matches(r"^(?:\d{4}-\d{2}-\d{2})?$"))

EVENTS = _schema(
    "events",
    {
        "article_id": _ID,
        "section": _SECTION,
        **_sentence_span(),
        "expression": _TEXT,  # empty for a headline dated by publication
        "date_start": _DAY,
        "date_end": _DAY,
        "precision": _PRECISION,
        "anchor": _TEXT,
        "anchor_source": pa.Column(str, pa.Check.isin(["publication", "narrative", "none"])),
        "rule": _ID,
        "planned": pa.Column(bool),
        "vague": pa.Column(bool),
        "role": pa.Column(str, pa.Check.isin(list(ROLES))),
        "reported": pa.Column(bool),
        "said_by": _TEXT,
        "what": _TEXT,
        "actor1": _TEXT,
        "actor2": _TEXT,
        "evidence": _ID,
        "actors": _TEXT,
        "kind": _KIND,
        "says": pa.Column(str, pa.Check.isin(["", *KINDS])),
        "event_type": _TEXT,
        "sub_event_type": _TEXT,
        "location": _TEXT,
    },
    checks=[
        _DATES_IN_ORDER,
        pa.Check(lambda f: ((f.role != "event") | (f.what != "")).all(), error="every event says what happened"),
        pa.Check(
            lambda f: ((f.expression != "") | f.rule.str.startswith("headline")).all(),
            error="only a headline dated by its publication has no expression",
        ),
    ],
)

CHRONOLOGY = _schema(
    "chronology",
    {
        "event_id": pa.Column(str, pa.Check.str_matches(r"^ev-[0-9a-f]{12}$"), unique=True),
        "date_start": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
        "date_end": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
        "precision": _PRECISION,
        "time_precision": pa.Column("int64", pa.Check.isin([1, 2, 3])),
        "event_type": _ID,
        "sub_event_type": _TEXT,
        "kind": _KIND,
        "actor1": _TEXT,
        "actor2": _TEXT,
        "actors": _TEXT,
        "location": _TEXT,
        "what": _ID,
        "n_stories": pa.Column("int64", pa.Check.ge(1)),
        "n_articles": pa.Column("int64", pa.Check.ge(1)),
        "article_ids": _ID,
        "disagreement": _TEXT,
        "evidence": _ID,
        "article_id": _ID,
        "section": _SECTION,
        "start": pa.Column("int64", pa.Check.ge(0)),
        "end": pa.Column("int64", pa.Check.gt(0)),
    },
    checks=[
        _DATES_IN_ORDER,
        pa.Check(lambda f: (f.n_stories <= f.n_articles).all(), error="no more stories than articles"),
    ],
)

TABLES = {
    "articles": ARTICLES,
    "rejected": REJECTED,
    "mentions": MENTIONS,
    "backers": BACKERS,
    "support": SUPPORT,
    "events": EVENTS,
    "chronology": CHRONOLOGY,
}


def validate(name: str, frame):
    """Validate ``frame`` against the contract of table ``name``; returns it unchanged or raises."""
    return TABLES[name].validate(frame, lazy=True)
