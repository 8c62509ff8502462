"""The chronology: the reports of one real event, across articles and stories, reconciled into one row.

Each row of ``events.csv`` whose role is ``event`` is a report of a happening on a date. Reports join one
chronology row when they are of the same kind (or one is a statement that ``says`` the other's kind, on its
day), their dates are compatible and they share an actor, a target or a place (reports that name none join within their article and its copies, then the one event of their
kind that others date to the same day, if only one). Dates are compatible when their intervals meet ("April
4, 2019" and "in April"); when a report dates only the saying ("IS has seized the airport, a spokesman said
Friday") the happening lies in the week up to that day, and the report meets its article's reports of those
days; and two reports that give different days a few days
apart ("July 27" against "July 25") are one event whose dates disagree, both kept, when they share two
actors, or an actor and the place; a report of the saying joins the happening it names at its place when a
day apart ("the capture of Sirte, announced on December 5" and "Sirte was liberated on December 6"). The row
takes the most precise date its reports support.

Reconciliation is near-linear in the number of reports: they are read finest first, and a report is only
compared with the events already formed that share its kind and one of its actors or its place and lie
within its date window (blocking, as in record linkage), found by bisection in sorted lists.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import math
from collections import Counter

import pandas as pd

from ..nlp.kb import load_kb

COLUMNS = [
    "event_id",
    "date_start",
    "date_end",
    "precision",
    "time_precision",
    "event_type",
    "sub_event_type",
    "kind",
    "actor1",
    "actor2",
    "actors",
    "location",
    "what",
    "n_stories",
    "n_articles",
    "article_ids",
    "disagreement",
    "evidence",
    "article_id",
    "section",
    "start",
    "end",
]
#: What a report needs to be placed (``events.csv`` columns).
FIELDS = [
    "article_id",
    "section",
    "start",
    "end",
    "expression",
    "date_start",
    "date_end",
    "precision",
    "role",
    "reported",
    "said_by",
    "what",
    "actor1",
    "actor2",
    "actors",
    "kind",
    "says",
    "event_type",
    "sub_event_type",
    "location",
    "evidence",
]
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "season": 3, "half": 4, "range": 5, "year": 6}
#: ACLED's time_precision: 1 the day is known, 2 within a week or so, 3 a month or coarser.
TIME_PRECISION = {"day": 1, "week": 2, "range": 2, "month": 3, "season": 3, "half": 3, "year": 3}
#: Kinds whose reports can be of one event: an agreement is made at a meeting ("talks in Paris" and "the
#: Paris deal"); otherwise a kind is its own family.
FAMILIES = {"agreement": "meeting"}
#: Days two reports may put between one event's dates before they are two events.
DISAGREE_DAYS = 3
#: Days apart that a report of the saying and the day of one happening (kind, ACLED's type and sub-type)
#: at one place may be.
PLACE_DAYS = 1
#: A report that dates only the saying: the happening is in the days up to it.
REPORTED_DAYS = 6


def _ordinal(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def _article_keys(keys: set) -> set:
    return {k for k in keys if k.startswith("article:")}


class _Event:
    """The reports of one event so far."""

    __slots__ = (
        "kinds",
        "says",
        "happenings",
        "lo",
        "hi",
        "members",
        "direct",
        "keys",
        "span",
        "hull",
        "days",
        "day_articles",
    )

    def __init__(self, report: dict):
        self.kinds = {report["kind"]}
        self.says = {report["says"]} - {""}  # the kinds of happening its statements speak of
        self.happenings = {report["happening"]}
        self.lo, self.hi = report["lo"], report["hi"]
        self.members = [report]
        self.keys = set(report["keys"])
        # the reports that date the happening itself, and summaries of their dates, as days: those all of
        # them give (span), those any gives (hull), the first and last of the single days given (days)
        self.direct: list[dict] = []
        self.span, self.hull, self.days = (-math.inf, math.inf), (math.inf, -math.inf), (math.inf, -math.inf)
        self.day_articles: set[str] = set()  # the articles of those single days
        if not report["reported"]:
            self._date(report)

    def _date(self, r: dict) -> None:
        """Count ``r`` among the reports that date the happening."""
        self.direct.append(r)
        self.span = (max(self.span[0], r["start"]), min(self.span[1], r["end"]))
        self.hull = (min(self.hull[0], r["start"]), max(self.hull[1], r["end"]))
        if r["precision"] == "day":
            self.days = (min(self.days[0], r["start"]), max(self.days[1], r["start"]))
            self.day_articles.add(r["row"].article_id)

    def accepts(self, r: dict) -> tuple[int, bool] | None:
        """How well report ``r`` fits (shared keys), and whether it disagrees on the day; None if not. A
        report coarser than a month needs two keys in common; one article never disagrees with itself."""
        common = self.keys & r["keys"]
        shared = len(common)
        if not shared or (shared < 2 and r["end"] - r["start"] > 31):
            return None
        if r["kind"] not in self.kinds:  # a statement joins what its speaker said happened
            linked = any(key.startswith("said:") for key in common) and "statement" in self.kinds | {r["kind"]}
            if not linked and not (common - _article_keys(common) and self._spoken_of(r)):
                return None
        if max(self.lo, r["lo"]) <= min(self.hi, r["hi"]):
            if r["reported"] or not self.direct:
                return shared, False
            first, last = self.span if self.span[0] <= self.span[1] else self.hull  # or the days they give
            if max(first, r["start"]) <= min(last, r["end"]):
                return shared, False
        if r["row"].article_id in self.day_articles:
            return None
        if r["precision"] != "day" or not self.day_articles or "statement" in self.kinds | {r["kind"]}:
            return None
        gap = max(abs(self.days[0] - r["start"]), abs(self.days[1] - r["start"]))
        if len(common - _article_keys(common)) >= 2 and not r["reported"] and gap <= DISAGREE_DAYS:
            return shared, True  # two actors or an actor and the place in common, a few days apart
        place = any(key.startswith("place:") for key in common)
        if place and r["reported"] and r["happening"] in self.happenings and gap <= PLACE_DAYS:
            return shared, True  # a happening at one place, announced a day apart from the day it is given
        return None

    def _spoken_of(self, r: dict) -> bool:
        """A statement and a happening of the kind it speaks of, on one day, that share an actor or the place
        ("Haftar declared zero hour to liberate Derna" and "his troops launched an offensive on Derna" on
        Monday)."""
        if not (r["says"] in self.kinds or r["kind"] in self.says) or r["precision"] != "day":
            return False
        return all(m["precision"] == "day" and m["start"] == r["start"] for m in self.members)

    def add(self, r: dict, disagree: bool) -> None:
        if not disagree:
            self.lo, self.hi = max(self.lo, r["lo"]), min(self.hi, r["hi"])
        self.members.append(r)
        self.kinds.add(r["kind"])
        if r["says"]:
            self.says.add(r["says"])
        self.happenings.add(r["happening"])
        if not r["reported"] or disagree:
            self._date(r)
        self.keys |= r["keys"]


def _reports(events: pd.DataFrame, stories: dict) -> list[dict]:
    """The reports to place, with the keys they can be matched on: their actors (news media, sources of
    reports, are not), their place, and their story and dates (reports that name nothing join those of
    their article, or of its copies, on the same dates)."""
    kb = load_kb()
    days: dict[str, set[int]] = {}  # the single days each story's reports give
    for article_id, first, last in zip(events.article_id, events.date_start, events.date_end, strict=True):
        if first == last:
            days.setdefault(stories.get(article_id, article_id), set()).add(_ordinal(first))
    out = []
    for row in events.itertuples(index=False):
        start, end = _ordinal(row.date_start), _ordinal(row.date_end)
        reported = bool(row.reported)
        actors = {a for a in [row.actor1, row.actor2, *row.actors.split(";")] if a and kb.kind(a) != "media"}
        story = stories.get(row.article_id, row.article_id)  # copies of one story are one text
        keys = {f"actor:{a}" for a in actors} | {f"article:{story}:{start}:{end}"}
        if reported and start == end:  # what its article tells of the days up to the report ("..., he said Friday")
            keys |= {f"article:{story}:{day}:{day}" for day in days[story] if start - REPORTED_DAYS <= day < start}
        if row.location:
            keys.add(f"place:{kb.place_key(row.location)}")
        # a statement and a report of what it said: "X said on Monday that ..." and "X spoke on Monday"
        speaker = row.said_by if reported else row.actor1 if row.kind == "statement" else ""
        said = {f"said:{speaker}"} if speaker and kb.kind(speaker) != "media" else set()
        out.append(
            {
                "row": row,
                "kind": FAMILIES.get(row.kind, row.kind),
                "says": FAMILIES.get(row.says, row.says),
                "happening": (row.kind, row.event_type, row.sub_event_type),
                "precision": row.precision,
                "start": start,
                "end": end,
                "lo": start - REPORTED_DAYS if reported else start,
                "hi": end,
                "reported": reported,
                "keys": keys | said,
                "story": story,
            }
        )
    return out


def _slots(r: dict) -> set[tuple[str, str]]:
    """The blocks a report is found in and looks in: its kind (and the kind a statement speaks of) with each of
    its actors and its place, and whatever their kind, the reports of its article on its dates and the
    statements of its speaker."""
    kinds = (r["kind"], r["says"]) if r["says"] else (r["kind"],)
    return {("", key) if key.startswith(("said:", "article:")) else (kind, key) for key in r["keys"] for kind in kinds}


def _group(reports: list[dict]) -> list[_Event]:
    """Reports finest first, each joined to the best-fitting event within its window, or a new one."""
    reports.sort(key=lambda r: (PRECISION_ORDER[r["precision"]], r["reported"], r["start"], r["end"]))
    events: list[_Event] = []
    index: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (kind, key) -> sorted (first day, event)
    for r in reports:
        best = None
        seen: set[int] = set()
        # the events that start within the report's own dates first; wider (other days, reports of it) if none
        for lo, hi in ((r["start"], r["end"]), (r["lo"] - DISAGREE_DAYS, r["hi"] + REPORTED_DAYS + DISAGREE_DAYS)):
            for kind, key in sorted(_slots(r)):
                bucket = index.get((kind, key), [])
                for _, number in bucket[
                    bisect.bisect_left(bucket, (lo, -1)) : bisect.bisect_right(bucket, (hi, len(events)))
                ]:
                    if number in seen:
                        continue
                    seen.add(number)
                    fit = events[number].accepts(r)
                    if fit is not None:
                        # what happened before who spoke of it, then the keys in common
                        same = r["kind"] in events[number].kinds
                        rank = (not fit[1], same, fit[0], len(events[number].members), -number)
                        if best is None or rank > best[0]:
                            best = (rank, number, fit[1])
            if best is not None:
                break
        if best is None:
            number = len(events)
            events.append(_Event(r))
            anchor = r["start"]
        else:
            _, number, disagree = best
            event = events[number]
            event.add(r, disagree)
            anchor = event.members[0]["start"]
        for slot in _slots(r):
            entry = (anchor, number)
            bucket = index.setdefault(slot, [])
            at = bisect.bisect_left(bucket, entry)
            if at == len(bucket) or bucket[at] != entry:
                bucket.insert(at, entry)
    return events


def _join_unnamed(events: list[_Event]) -> list[_Event]:
    """An event whose reports name no actor or place ("the rival sides signed a ceasefire on Friday") joins the
    one event of its kind that others date to that same day; when there are several, or none, it stays apart."""

    days = [e.span[0] if e.direct and e.span[0] == e.span[1] else None for e in events]  # one day, or None
    names = [bool(e.keys - _article_keys(e.keys)) for e in events]  # an actor or a place
    named: dict[tuple[str, int], list[int]] = {}
    for number, event in enumerate(events):
        if names[number] and days[number] is not None:
            for kind in event.kinds:
                named.setdefault((kind, days[number]), []).append(number)
    gone = set()
    for number, event in enumerate(events):
        if names[number] or days[number] is None:
            continue
        fits = {n for kind in event.kinds for n in named.get((kind, days[number]), [])}
        if len(fits) == 1:
            into = events[fits.pop()]
            for r in event.members:
                into.add(r, False)
            gone.add(id(event))
    return [event for event in events if id(event) not in gone]


def _most(values, first: str = "") -> str:
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    top = max(counts.values())
    return first if counts.get(first) == top else min(v for v, n in counts.items() if n == top)


def _row(event: _Event) -> dict:
    direct = event.direct
    if direct and event.hi - event.lo <= REPORTED_DAYS and min(m["end"] - m["start"] for m in direct) > REPORTED_DAYS:
        direct = []  # reports of the happening date it better than a coarse mention of it ("in October")
    disagreement = ""
    if direct:
        start, end = event.span
        if start > end:  # reports that give different days: the event spans them, and says so
            days = [m for m in direct if m["precision"] == "day"] or direct
            start, end = event.days if event.day_articles else event.hull
            given: dict[str, set] = {}
            for m in days:
                given.setdefault(m["row"].date_start, set()).add(m["row"].article_id)
            disagreement = "; ".join(f"{day} ({', '.join(sorted(ids))})" for day, ids in sorted(given.items()))
        evidence = min(
            [m for m in direct if m["start"] >= start and m["end"] <= end] or direct,
            key=lambda m: (
                m["end"] - m["start"],
                m["row"].kind == "statement",  # what happened before who spoke of it
                PRECISION_ORDER[m["precision"]],
                not m["row"].actor1,  # then the report that names who acted
                -len(m["row"].what),
                m["row"].article_id,
                m["row"].start,
            ),
        )
        precision = "range" if disagreement else "day" if start == end else evidence["precision"]
    else:  # only reports of it: on or before the earliest report
        start = end = event.hi
        evidence = min(
            event.members, key=lambda m: (m["end"], m["row"].kind == "statement", m["row"].article_id, m["row"].start)
        )
        precision = "day"
    time_precision = TIME_PRECISION[precision] if direct else 2
    rows = [m["row"] for m in event.members]
    lead = evidence["row"]
    # the kind of the report quoted, or of what a statement spoke of ("X said on Monday that ...")
    typed = lead if lead.kind != "statement" else next((r for r in rows if r.kind != "statement"), lead)
    what = lead.what if typed is lead else typed.what
    key = f"{lead.article_id}\0{lead.section}\0{lead.start}"
    return {
        "event_id": "ev-" + hashlib.sha256(key.encode()).hexdigest()[:12],
        "date_start": dt.date.fromordinal(start).isoformat(),
        "date_end": dt.date.fromordinal(end).isoformat(),
        "precision": precision,
        "time_precision": time_precision,
        "event_type": typed.event_type,
        "sub_event_type": typed.sub_event_type,
        "kind": typed.kind,
        "actor1": _most((r.actor1 for r in rows), lead.actor1),
        "actor2": _most((r.actor2 for r in rows), lead.actor2),
        "actors": ";".join(sorted({a for r in rows for a in [r.actor1, r.actor2, *r.actors.split(";")] if a})),
        "location": _most((r.location for r in rows), lead.location),
        "what": what,
        "n_stories": len({m["story"] for m in event.members}),
        "n_articles": len({r.article_id for r in rows}),
        "article_ids": ";".join(sorted({r.article_id for r in rows})),
        "disagreement": disagreement,
        "evidence": lead.evidence,
        "article_id": lead.article_id,
        "section": lead.section,
        "start": int(lead.start),
        "end": int(lead.end),
    }


def reconcile(
    events: pd.DataFrame, articles: pd.DataFrame | None = None, year_range: tuple[int, int] | None = None
) -> pd.DataFrame:
    """The chronology of ``events`` (rows of ``events.csv``): one row per real event, with the number of
    independent stories (``story_id`` of ``articles``; each article its own story without them) and
    articles that report it. Only rows whose role is ``event`` take part; ``year_range`` keeps the events
    that touch those years."""
    rows = events[(events.role == "event") & (events.date_start != "")]
    if year_range:
        rows = rows[
            (rows.date_end.str[:4].astype(int) >= year_range[0])
            & (rows.date_start.str[:4].astype(int) <= year_range[1])
        ]
    rows = rows.sort_values(["article_id", "section", "start"], kind="stable")
    stories = dict(zip(articles.article_id, articles.story_id, strict=True)) if articles is not None else {}
    events = _join_unnamed(_group(_reports(rows[FIELDS], stories)))
    # a headline dated only by its publication adds its article to an event a text dates, and makes none alone
    out = [_row(event) for event in events if any(m["row"].expression for m in event.members)]
    frame = pd.DataFrame(out, columns=COLUMNS)
    frame = frame.sort_values(["date_start", "date_end", "kind", "article_id", "start"], kind="stable")
    integers = ("time_precision", "n_stories", "n_articles", "start", "end")
    return frame.reset_index(drop=True).astype({column: "int64" for column in integers})
