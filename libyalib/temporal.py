"""Temporal expressions: find them in a sentence and resolve them to calendar intervals.

Resolution keeps precision ("April 2019" is the whole month) and says what it was anchored on. News
text is read against its publication date; text without one is read against the nearest explicit year
(narrative anchor), and weekday-only expressions are then left unresolved rather than guessed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .calendar_text import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS, month_number

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_REL = r"(?:last|this|next|past|coming)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
# Order matters: longer, more specific patterns first; matches never overlap.
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.I if flags else 0)) for name, rx, flags in [
    ("iso_date", rf"\b(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", False),
    ("numeric_date", rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>{_YEAR})\b", False),
    ("day_of_month", rf"\bthe (?P<day>\d{{1,2}})(?:st|nd|rd|th) of (?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR}))?\b", False),
    ("part_of_year", rf"\b(?P<part>early|mid|late)[\s-]+(?P<year>{_YEAR})\b(?![\d%]|[.,-]\d)", True),
    ("ago", rf"\b(?P<n>{_COUNT}) (?P<unit>day|week|month|year)s? ago\b", True),
    ("weekend", r"\b(?:(?P<rel>last|this|next) weekend|the weekend)\b", True),
    ("half", rf"\bthe (?P<which>first|second) half of (?:(?P<rel>{_REL}) year|(?P<year>{_YEAR}))", True),
    ("season", rf"\b(?:(?P<rel>{_REL}) )?(?P<season>spring|summer|autumn|fall|winter)(?: of (?P<year>{_YEAR})| (?P<year2>{_YEAR}))?\b", True),
    ("year_range", rf"\b(?P<year>{_YEAR})\s?[-–]\s?(?P<year_end>{_YEAR}|\d\d)\b(?![-–/.,]?\d)", False),
    ("month_of_rel_year", rf"\b(?P<mon>{MONTH_RE}) of (?P<rel>last|this|next) year\b", False),
    ("day_month_year", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{MONTH_RE}),? (?P<year>{_YEAR})\b", False),
    ("month_day_year", rf"\b(?P<mon>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>{_YEAR})\b", False),
    ("month_year", rf"\b(?P<mon>{MONTH_RE}),? (?:of )?(?P<year>{_YEAR})\b", False),
    ("month_day", rf"\b(?P<mon>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? ?\d)", False),
    ("day_month", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{MONTH_RE})\b", False),
    ("relative_unit", rf"\b(?:(?P<mod>earlier|later|early|late) )?(?P<rel>{_REL}) (?P<unit>week|month|year)\b", True),
    ("weekday", rf"\b(?:(?P<rel>last|this|next) )?(?P<wd>{WEEKDAY_RE})\b", False),
    ("deictic", r"\b(?P<word>today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night)\b", True),
    ("bare_month", rf"\b(?P<mon>{MONTH_RE})\b", False),
    ("year", rf"(?<![\d$£€-])\b(?P<year>{_YEAR})\b(?![\d%]|[.,-]\d)", False),
]]
#: Words that make a bare month a date ("in June"), not a verb or a name ("May", "March on").
_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|since|until|till|by|from|to|of|early|late|mid|before|after|during|last|next|this|"
                            r"between|and|or)[\s-]+)$", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_DEICTIC = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
            "last night": -1, "tomorrow": 1}
#: Words that put what follows in the future (schedules, plans, hopes).
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?|planned|scheduled|expected|hope[sd]?|hopefully|due|upcoming|"
                     r"intends?|aims?|aimed|set to|next|coming|culminating|agreed to)\b", re.I)
#: Deadlines point ahead only right before the expression ("before Oct. 20", "by spring"), not "by boat on".
_DEADLINE = re.compile(r"\b(?:before|by|until)\s+(?:the\s+)?$", re.I)


@dataclass
class Found:
    """A temporal expression found in a text (offsets into that text)."""

    start: int
    end: int
    text: str
    rule: str
    groups: dict


@dataclass
class Interval:
    """What an expression denotes."""

    start: dt.date | None
    end: dt.date | None
    precision: str
    anchor: str = ""
    anchor_source: str = "none"
    planned: bool = False
    note: str = ""


def find(text: str) -> list[Found]:
    """All temporal expressions in ``text``, leftmost-longest, non-overlapping."""
    taken: list[tuple[int, int]] = []
    found = []
    for rule, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            if rule == "bare_month":
                word = m.group("mon")
                if not word[0].isupper() or (word.lower().strip(".") in ("may", "march", "mar", "jan", "dec", "sep")
                                             and not _MONTH_CONTEXT.search(text[max(0, s - 12):s])):
                    continue
            if rule == "weekday" and not m.group("wd")[0].isupper():
                continue
            taken.append((s, e))
            found.append(Found(s, e, m.group(0), rule, {k: v for k, v in m.groupdict().items() if v}))
    return sorted(found, key=lambda f: f.start)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _season_range(year: int, season: str) -> tuple[dt.date, dt.date]:
    first, last = SEASONS[season]
    if season == "winter":
        return dt.date(year, 12, 1), _month_range(year + 1, 2)[1]
    return dt.date(year, first, 1), _month_range(year, last)[1]


def _week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _unit(base: dt.date, unit: str, step: int) -> tuple[dt.date, dt.date]:
    """The week, month or year ``step`` units away from the one holding ``base``."""
    if unit == "week":
        return _week(base + dt.timedelta(weeks=step))
    if unit == "month":
        m = base.year * 12 + base.month - 1 + step
        return _month_range(m // 12, m % 12 + 1)
    return dt.date(base.year + step, 1, 1), dt.date(base.year + step, 12, 31)


def is_future(sentence_before: str) -> bool:
    """Does the text before an expression, in its sentence, put it in the future?"""
    return bool(_FUTURE.search(sentence_before[-80:]) or _DEADLINE.search(sentence_before))


def resolve(f: Found, published: dt.date | None, narrative_year: int | None, future: bool) -> Interval:
    """The interval ``f`` denotes, against the publication date or, failing that, a narrative year.

    An expression that names no calendar date ("31 February") is left unresolved with a note.
    """
    try:
        return _resolve(f, published, narrative_year, future)
    except ValueError:
        return Interval(None, None, "day", note="not a calendar date")


def _resolve(f: Found, published: dt.date | None, narrative_year: int | None, future: bool) -> Interval:
    g, rule = f.groups, f.rule
    if rule == "day_of_month":  # "the 4th of April (2019)"
        rule = "day_month_year" if g.get("year") else "day_month"
    base = published
    src = "publication" if published else "none"
    anchor = published.isoformat() if published else ""

    def year_of(month: int, day: int = 1) -> tuple[int | None, str, str]:
        """Year of a month (and day) written without one."""
        if base:
            candidate = dt.date(base.year, month, min(day, calendar.monthrange(base.year, month)[1]))
            if future and candidate < base:
                return base.year + 1, "publication", anchor
            if not future and candidate > base:
                return base.year - 1, "publication", anchor
            return base.year, "publication", anchor
        if narrative_year:
            return narrative_year, "narrative", str(narrative_year)
        return None, "none", ""

    def explicit(start: dt.date, end: dt.date, precision: str) -> Interval:
        """A date written in full: no anchor; planned when it lies ahead in future context."""
        return Interval(start, end, precision, "", "none", future and bool(base) and start > base)

    if rule == "iso_date":
        d = dt.date(int(g["year"]), int(g["month"]), int(g["day"]))
        return explicit(d, d, "day")
    if rule == "numeric_date":
        a, b = int(g["a"]), int(g["b"])
        if a <= 12 and b <= 12 and a != b:
            return Interval(None, None, "day", note="day/month order is ambiguous")
        day, month = (a, b) if a > 12 or a == b else (b, a)
        d = dt.date(int(g["year"]), month, day)
        return explicit(d, d, "day")
    if rule == "year_range":
        first, last = int(g["year"]), g["year_end"]
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if last <= first:
            raise ValueError(f"year range {first}-{last}")
        return explicit(dt.date(first, 1, 1), dt.date(last, 12, 31), "year")
    if rule == "part_of_year":  # "mid-2014": the year; the text says no more precisely which months
        rule = "year"
    if rule in ("day_month_year", "month_day_year"):
        d = dt.date(int(g["year"]), month_number(g["mon"]), int(g["day"]))
        return explicit(d, d, "day")
    if rule == "month_year":
        return explicit(*_month_range(int(g["year"]), month_number(g["mon"])), "month")
    if rule == "year":
        y = int(g["year"])
        return explicit(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if rule in ("month_day", "day_month"):
        month, day = month_number(g["mon"]), int(g["day"])
        year, src, anchor = year_of(month, day)
        if year is None:
            return Interval(None, None, "day", note="no year to anchor on")
        d = dt.date(year, month, day)
        return Interval(d, d, "day", anchor, src, future)
    if rule == "bare_month":
        month = month_number(g["mon"])
        year, src, anchor = year_of(month, 1 if future else 28)
        if year is None:
            return Interval(None, None, "month", note="no year to anchor on")
        s, e = _month_range(year, month)
        return Interval(s, e, "month", anchor, src, future)
    if rule == "month_of_rel_year":
        if not base:
            return Interval(None, None, "month", note="relative to an unknown date")
        year = base.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        s, e = _month_range(year, month_number(g["mon"]))
        return Interval(s, e, "month", anchor, src, e > base)
    if rule == "half":
        if g.get("year"):
            year, src, anchor = int(g["year"]), "none", ""
        elif base:
            year = base.year + {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[g["rel"].lower()]
        else:
            return Interval(None, None, "half", note="relative to an unknown date")
        first = g["which"].lower() == "first"
        s, e = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if first else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        return Interval(s, e, "half", anchor, src, bool(base) and s > base)
    if rule == "season":
        season = g["season"].lower()
        explicit = g.get("year") or g.get("year2")
        if explicit:
            year, src, anchor = int(explicit), "none", ""
        elif base:
            rel = (g.get("rel") or "").lower()
            year = base.year + {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
            if not rel:  # "in the summer": the most recent (or, in future context, the coming) one
                s, e = _season_range(year, season)
                if future and e < base:
                    year += 1
                elif not future and s > base:
                    year -= 1
        elif narrative_year:
            year, src, anchor = narrative_year, "narrative", str(narrative_year)
        else:
            return Interval(None, None, "season", note="no year to anchor on")
        s, e = _season_range(year, season)
        return Interval(s, e, "season", anchor, src, (future or g.get("rel", "").lower() == "next") and bool(base) and e >= base)
    if rule == "relative_unit":
        if not base:
            return Interval(None, None, g["unit"].lower(), note="relative to an unknown date")
        rel, unit, mod = g["rel"].lower(), g["unit"].lower(), (g.get("mod") or "").lower()
        step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[rel]
        s, e = _unit(base, unit, step)
        if mod == "earlier" and step == 0:
            e = base - dt.timedelta(days=1)
        elif mod == "later" and step == 0:
            s = base + dt.timedelta(days=1)
        return Interval(s, e, unit, anchor, src, s > base)
    if rule == "weekday":
        if not base:
            return Interval(None, None, "day", note="a weekday without a publication date is not resolved")
        target = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        back = (base.weekday() - target) % 7
        if rel == "last":
            back = back or 7
            d = base - dt.timedelta(days=back)
        elif rel == "next" or (future and rel != "last"):
            ahead = (target - base.weekday()) % 7
            d = base + dt.timedelta(days=ahead or (7 if rel == "next" else 0))
        else:
            d = base - dt.timedelta(days=back)
        return Interval(d, d, "day", anchor, src, d > base)
    if rule == "deictic":
        if not base:
            return Interval(None, None, "day", note="relative to an unknown date")
        d = base + dt.timedelta(days=_DEICTIC[" ".join(g["word"].lower().split())])
        return Interval(d, d, "day", anchor, src, d > base)
    if rule == "ago":
        unit = g["unit"].lower()
        if not base:
            return Interval(None, None, unit, note="relative to an unknown date")
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        if unit == "day":
            d = base - dt.timedelta(days=n)
            return Interval(d, d, "day", anchor, src)
        return Interval(*_unit(base, unit, -n), unit, anchor, src)
    if rule == "weekend":
        if not base:
            return Interval(None, None, "week", note="relative to an unknown date")
        rel = (g.get("rel") or "").lower()
        if rel == "next" or (future and rel != "last"):
            saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7 + (7 if rel == "next" else 0))
        else:
            saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
            if rel == "last" and base.weekday() >= 5:
                saturday -= dt.timedelta(days=7)
        return Interval(saturday, saturday + dt.timedelta(days=1), "week", anchor, src, saturday > base)
    raise ValueError(rule)
