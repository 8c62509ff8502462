"""Temporal expressions: find them in a sentence and resolve them to calendar intervals.

Resolution keeps precision ("April 2019" is the whole month) and says what it was anchored on
(:class:`Context`). A date written without its year takes, in this order, a year written earlier in the
same sentence, the publication date at whatever precision it is known (the most recent such date before
it, or the next one in future context), the year of the heading or title that governs the passage, or the
narrative: the first such date after the last date the text gave (before it, in the past perfect).
Expressions that point at the moment of writing ("yesterday", "last week", "on Monday") need the day of
publication and are otherwise left unresolved rather than guessed; expressions that point back at what the
text just dated ("the following day", "that same year", "two days after") read the last date it gave.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from ..ingest.calendar_text import MONTH_RE, WEEKDAY_RE, WEEKDAYS, month_number

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_REL = r"(?:last|this|next|past|coming)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_NTH = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)"
_DAY = r"(?:\d{1,2})(?:st|nd|rd|th)?"
_TO = r"\s?(?:–|—|-|to|until|till|through)\s?"
_UNIT = r"(?:day|week|month|year)"
#: What a text must contain for a pattern to match in it, each tested once per text: most sentences name no
#: date, and most patterns need a digit, a month, a weekday or a unit of time somewhere in the text.
GATES = {
    "digit": re.compile(r"\d"),
    "month": re.compile(MONTH_RE),
    "weekday": re.compile(WEEKDAY_RE),
    "unit": re.compile(_UNIT, re.I),
}
# Order matters: longer, more specific patterns first; matches never overlap. Each pattern names the gates
# it needs: a digit or a year (written with digits), a month or weekday name, a unit of time (cased as the
# pattern is: the unit patterns ignore case).
PATTERNS: list[tuple[str, re.Pattern, tuple[str, ...]]] = [
    (name, re.compile(rx, re.I if flags else 0), needs)
    for name, rx, flags, needs in [
        ("iso_date", rf"\b(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", False, ("digit",)),
        ("numeric_date", rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>{_YEAR})\b", False, ("digit",)),
        (
            "years_after",
            rf"\b(?P<n>{_COUNT}) (?P<unit>year|month)s? (?P<dir>after|before) (?:the )?(?P<year>{_YEAR})\b",
            True,
            ("digit",),
        ),
        (
            "date_range",
            rf"\b(?:from )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR}))?{_TO}"
            rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon2>{MONTH_RE})(?:,? (?P<year2>{_YEAR}))?\b",
            False,
            ("digit", "month"),
        ),
        (
            "date_range",
            rf"\b(?:from )?(?P<mon>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>{_YEAR}))?{_TO}"
            rf"(?P<mon2>{MONTH_RE}) (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year2>{_YEAR}))?\b",
            False,
            ("digit", "month"),
        ),
        (
            "date_range",
            rf"\bbetween (?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR}))? and "
            rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon2>{MONTH_RE})(?:,? (?P<year2>{_YEAR}))?\b",
            False,
            ("digit", "month"),
        ),
        (
            "date_range",
            rf"\bbetween (?P<mon>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>{_YEAR}))? and "
            rf"(?P<mon2>{MONTH_RE}) (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year2>{_YEAR}))?\b",
            False,
            ("digit", "month"),
        ),
        (
            "day_range",
            rf"\bthe (?P<day>\d{{1,2}})(?:st|nd|rd|th) and (?:the )?(?P<day2>\d{{1,2}})(?:st|nd|rd|th) of "
            rf"(?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR}))?",
            False,
            ("digit", "month"),
        ),
        (
            "day_range",
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:{_TO}|\sand\s)(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? "
            rf"(?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR}))?\b",
            False,
            ("digit", "month"),
        ),
        (
            "day_range",
            rf"\b(?P<mon>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:{_TO}|\sand\s)(?P<day2>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?:,? (?P<year>{_YEAR}))?\b",
            False,
            ("digit", "month"),
        ),
        (
            "day_of_month",
            rf"\bthe (?P<day>\d{{1,2}})(?:st|nd|rd|th) of (?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR})|"
            rf"(?P<same>,? (?:that|the) same year))?\b",
            False,
            ("digit", "month"),
        ),
        (
            "month_range",
            rf"\b(?:from )?(?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR}))?{_TO}(?P<mon2>{MONTH_RE})"
            rf"(?:,? (?P<year2>{_YEAR}))?\b",
            False,
            ("month",),
        ),
        (
            "month_range",
            rf"\bbetween (?P<mon>{MONTH_RE})(?:,? (?P<year>{_YEAR}))? and (?P<mon2>{MONTH_RE})"
            rf"(?:,? (?P<year2>{_YEAR}))?\b",
            False,
            ("month",),
        ),
        ("part_of_year", rf"\b(?P<part>early|mid|late)[\s-]+(?P<year>{_YEAR})\b(?![\d%]|[.,-]\d)", True, ("digit",)),
        (
            "vague",
            rf"\b(?:(?P<few>a few|a couple of|several|some) (?P<unit>{_UNIT})s ago|in recent (?P<unit2>{_UNIT})s|"
            rf"(?:in|over|during) the (?:past|last) (?:few |several |couple of )(?P<unit3>{_UNIT})s)\b",
            True,
            ("unit",),
        ),
        (
            "anniversary",  # "signed five years ago on Tuesday": that day of the week, years back
            rf"\b(?P<n>{_COUNT}) years? ago,? (?:on |this )?(?P<wd>today|{WEEKDAY_RE})\b",
            True,
            ("unit",),
        ),
        ("ago", rf"\b(?P<n>{_COUNT}) (?P<unit>{_UNIT})s? ago\b", True, ("unit",)),
        ("offset", rf"\b(?P<n>{_COUNT}) (?P<unit>{_UNIT})s? (?P<dir>after|later|before|earlier)\b", True, ("unit",)),
        ("same", rf"\b(?:that|the) same (?P<unit>{_UNIT})\b", True, ("unit",)),
        (
            "adjacent",
            rf"\bthe (?:(?P<dir>following|next|previous|preceding) (?P<unit>{_UNIT})|"
            rf"(?P<unit2>{_UNIT}) (?P<dir2>after|before)\b)",
            True,
            ("unit",),
        ),
        ("nth_day", rf"\bthe (?P<nth>{_NTH}) day\b", True, ("unit",)),
        ("weekend", r"\b(?:(?P<rel>last|this|next) weekend|the weekend)\b", True, ("unit",)),
        ("half", rf"\bthe (?P<which>first|second) half of (?:(?P<rel>{_REL}) year|(?P<year>{_YEAR}))", True, ()),
        (
            "season",
            rf"\b(?:(?P<rel>{_REL}) )?(?P<season>spring|summer|autumn|fall(?! of (?!{_YEAR}))|winter)(?: of (?P<year>{_YEAR})| (?P<year2>{_YEAR}))?\b",
            True,
            (),
        ),
        ("year_range", rf"\b(?P<year>{_YEAR})\s?[-–]\s?(?P<year_end>{_YEAR}|\d\d)\b(?![-–/.,]?\d)", False, ("digit",)),
        ("month_of_rel_year", rf"\b(?P<mon>{MONTH_RE}) of (?P<rel>last|this|next) year\b", False, ("month",)),
        ("after_month", rf"\b(?P<after>[Aa]fter) (?P<mon>{MONTH_RE}),? (?P<year>{_YEAR})\b", False, ("digit", "month")),
        (
            "day_month_year",
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{MONTH_RE}),? (?P<year>{_YEAR})\b",
            False,
            ("digit", "month"),
        ),
        (
            "month_day_year",
            rf"\b(?P<mon>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>{_YEAR})\b",
            False,
            ("digit", "month"),
        ),
        ("month_year", rf"\b(?P<mon>{MONTH_RE}),? (?:of )?(?P<year>{_YEAR})\b", False, ("digit", "month")),
        (
            "month_day",
            rf"\b(?P<mon>{MONTH_RE}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? ?\d)",
            False,
            ("digit", "month"),
        ),
        ("day_month", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{MONTH_RE})\b", False, ("digit", "month")),
        (
            "relative_unit",
            rf"\b(?:(?P<mod>earlier|later|early|late) )?(?P<rel>{_REL}) (?P<unit>week|month|year)\b",
            True,
            ("unit",),
        ),
        (
            "weekday",
            rf"\b(?:(?P<part>late|early) (?:on )?)?(?:(?P<rel>last|this|next) )?(?P<wd>{WEEKDAY_RE})"
            rf"(?: (?P<dp>morning|afternoon|evening|night))?\b",
            False,
            ("weekday",),
        ),
        (
            "deictic",
            r"\b(?:(?P<mod>early|late|earlier|later) )?(?P<word>today|yesterday|tomorrow|tonight|"
            r"this (?:morning|afternoon|evening)|last night|overnight)(?: (?P<dp>morning|afternoon|evening|night))?\b",
            True,
            (),
        ),
        ("bare_month", rf"\b(?P<mon>{MONTH_RE})\b", False, ("month",)),
        ("year", rf"(?<![\d$£€-])\b(?P<year>{_YEAR})\b(?![\d%]|[.,-]\d)", False, ("digit",)),
    ]
]
#: Words that make a bare month a date ("in June"), not a verb or a name ("May", "March on").
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|to|of|early|late|mid|before|after|during|last|next|this|"
    r"between|and|or)[\s-]+)$",
    re.I,
)
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}
_DEICTIC = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "overnight": -1,  # the night just past: "clashes overnight", "overnight air strikes"
    "tomorrow": 1,
}
#: How far back a vague expression reaches, in its unit ("a few months ago": 2 to 6 months before).
_VAGUE = {"few": (6, 2), "recent": {"day": (7, 0), "week": (6, 0), "month": (6, 0), "year": (5, 0)}}
#: Words that put what follows in the future (schedules, plans, hopes).
_FUTURE = re.compile(
    r"\b(?:will|would|shall|plans?|planned|scheduled|expected|hope[sd]?|hopefully|due|upcoming|"
    r"intends?|aims?|aimed|set to|next|coming|culminating|agreed to)\b",
    re.I,
)
#: Deadlines point ahead only right before the expression ("before Oct. 20", "by spring"), not "by boat on".
_DEADLINE = re.compile(r"\b(?:before|by|until)\s+(?:the\s+)?$", re.I)
#: Rules that name a calendar date or period by themselves (a later yearless date can take their year).
EXPLICIT = (
    "iso_date",
    "numeric_date",
    "day_month_year",
    "month_day_year",
    "month_year",
    "year",
    "year_range",
    "part_of_year",
    "years_after",
    "after_month",
)


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
    vague: bool = False


@dataclass
class Context:
    """What the expressions of one sentence are resolved against."""

    published: tuple[dt.date, dt.date] | None = None  # the publication day, month or year, as an interval
    published_text: str = ""  # as written in articles.csv
    sentence_year: int | None = None  # a year written earlier in the same sentence
    section_year: int | None = None  # the year of the heading or title that governs the passage
    reference: Interval | None = None  # the last date the text gave
    weekdays: dict = field(default_factory=dict)  # weekday -> the date the text names with it
    future: bool = False
    backwards: bool = False  # past perfect: the narrative steps back
    clause_follows: bool = False  # "two days after [Turkey deployed them]", not "after [the attack]"

    @property
    def day(self) -> dt.date | None:
        """The publication day, when it is known to the day."""
        return self.published[0] if self.published and self.published[0] == self.published[1] else None


def find(text: str) -> list[Found]:
    """All temporal expressions in ``text``, leftmost-longest, non-overlapping."""
    text = text.replace("\u00a0", " ")  # no-break spaces in "4 January" (same length: offsets hold)
    taken: list[tuple[int, int]] = []
    found = []
    present: dict[str, bool] = {}

    def has(gate: str) -> bool:
        if gate not in present:
            present[gate] = GATES[gate].search(text) is not None
        return present[gate]

    for rule, pattern, needs in PATTERNS:
        if not all(has(gate) for gate in needs):
            continue  # it cannot match here
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            if rule == "bare_month":
                word = m.group("mon")
                alone = not text[:s].strip() and not text[e:].strip()  # a heading: "March"
                if not word[0].isupper() or (
                    word.lower().strip(".") in ("may", "march", "mar", "jan", "dec", "sep")
                    and not _MONTH_CONTEXT.search(text[max(0, s - 12) : s])
                    and not alone
                ):
                    continue
            if rule == "weekday" and not m.group("wd")[0].isupper():
                continue
            if rule in ("month_range", "date_range") and not (
                m.group("mon")[0].isupper() and m.group("mon2")[0].isupper()
            ):
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
    """The day, week, month or year ``step`` units away from the one holding ``base``."""
    if unit == "day":
        d = base + dt.timedelta(days=step)
        return d, d
    if unit == "week":
        return _week(base + dt.timedelta(weeks=step))
    if unit == "month":
        m = base.year * 12 + base.month - 1 + step
        return _month_range(m // 12, m % 12 + 1)
    return dt.date(base.year + step, 1, 1), dt.date(base.year + step, 12, 31)


def is_future(sentence_before: str) -> bool:
    """Does the text before an expression, in its sentence, put it in the future?"""
    return bool(_FUTURE.search(sentence_before[-80:]) or _DEADLINE.search(sentence_before))


def published_period(value: str) -> tuple[dt.date, dt.date] | None:
    """``"2019-11-25"``, ``"2019-11"`` or ``"2019"`` as the interval of days it covers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d
    if len(parts) == 2:
        return _month_range(*parts)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def resolve(f: Found, ctx: Context) -> Interval:
    """The interval ``f`` denotes in context ``ctx``.

    An expression that names no calendar date ("31 February") is left unresolved with a note.
    """
    try:
        return _resolve(f, ctx)
    except ValueError:
        return Interval(None, None, "day", note="not a calendar date")


def _year_of(ctx: Context, month: int, day: int) -> tuple[int | None, str, str]:
    """``(year, anchor_source, anchor)`` for a date written without its year."""
    if ctx.sentence_year:
        return ctx.sentence_year, "narrative", str(ctx.sentence_year)
    if ctx.published:
        first, last = ctx.published
        candidate = dt.date(last.year, month, min(day, calendar.monthrange(last.year, month)[1]))
        if ctx.future and candidate < first:
            return last.year + 1, "publication", ctx.published_text
        if not ctx.future and candidate > last:
            return last.year - 1, "publication", ctx.published_text
        return last.year, "publication", ctx.published_text
    if ctx.section_year:
        return ctx.section_year, "narrative", str(ctx.section_year)
    ref = ctx.reference
    if ref is not None and ref.start is not None:
        if ref.precision == "year" or ref.start.year != ref.end.year:
            return ref.start.year, "narrative", str(ref.start.year)
        year = ref.start.year
        candidate = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if ctx.backwards and candidate > ref.start:
            year -= 1
        elif not ctx.backwards and candidate < ref.start and (ref.start - candidate).days > 31:
            year += 1
        return year, "narrative", ref.start.isoformat()
    return None, "none", ""


def _reference_day(ctx: Context) -> tuple[dt.date | None, str, str]:
    """The day a backward-pointing expression counts from: the last day the text gave, else publication."""
    ref = ctx.reference
    if ref is not None and ref.start is not None and ref.precision == "day":
        return ref.start, "narrative", ref.start.isoformat()
    if ctx.day:
        return ctx.day, "publication", ctx.published_text
    return None, "none", ""


def _explicit(ctx: Context, start: dt.date, end: dt.date, precision: str) -> Interval:
    """A date written in full: no anchor; planned when it lies ahead in future context."""
    return Interval(start, end, precision, "", "none", ctx.future and bool(ctx.day) and start > ctx.day)


def _resolve(f: Found, ctx: Context) -> Interval:
    g, rule = f.groups, f.rule
    if rule == "anniversary":
        day = g["wd"].lower()
        then = _deictic("deictic", {"word": "today"}, ctx) if day == "today" else _deictic("weekday", {"wd": day}, ctx)
        if then.start is None:
            return then
        years = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        d = then.start.replace(
            year=then.start.year - years, day=min(then.start.day, 28 if then.start.month == 2 else 31)
        )
        return Interval(d, d, "day", then.anchor, then.anchor_source)
    if rule == "day_of_month":  # "the 4th of April (2019)", "the 16th of February that same year"
        if g.get("same") and ctx.reference is not None and ctx.reference.start is not None:
            g = {**g, "year": str(ctx.reference.start.year)}
        rule = "day_month_year" if g.get("year") else "day_month"
    if rule == "iso_date":
        d = dt.date(int(g["year"]), int(g["month"]), int(g["day"]))
        return _explicit(ctx, d, d, "day")
    if rule == "numeric_date":
        a, b = int(g["a"]), int(g["b"])
        if a <= 12 and b <= 12 and a != b:
            return Interval(None, None, "day", note="day/month order is ambiguous")
        day, month = (a, b) if a > 12 or a == b else (b, a)
        d = dt.date(int(g["year"]), month, day)
        return _explicit(ctx, d, d, "day")
    if rule == "year_range":
        first, last = int(g["year"]), g["year_end"]
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if last <= first:
            raise ValueError(f"year range {first}-{last}")
        return _explicit(ctx, dt.date(first, 1, 1), dt.date(last, 12, 31), "year")
    if rule == "years_after":  # "two years after the 2011 uprising"
        step = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        step = step if g["dir"].lower() == "after" else -step
        if g["unit"].lower() == "year":
            y = int(g["year"]) + step
            return _explicit(ctx, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        return _explicit(ctx, *_unit(dt.date(int(g["year"]), 1 if step > 0 else 12, 1), "month", step), "month")
    if rule in ("part_of_year", "year"):  # "mid-2014": the year; the text says no more precisely which months
        y = int(g["year"])
        return _explicit(ctx, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if rule == "after_month":  # "After March 2016": the rest of that year
        start = _month_range(int(g["year"]), month_number(g["mon"]))[1] + dt.timedelta(days=1)
        if start.year != int(g["year"]):
            return _explicit(ctx, start, _month_range(start.year, 1)[1], "month")
        return Interval(
            start, dt.date(start.year, 12, 31), "range", note="open end: clipped to the end of the year", vague=True
        )
    if rule in ("day_month_year", "month_day_year"):
        d = dt.date(int(g["year"]), month_number(g["mon"]), int(g["day"]))
        return _explicit(ctx, d, d, "day")
    if rule == "month_year":
        return _explicit(ctx, *_month_range(int(g["year"]), month_number(g["mon"])), "month")
    if rule in ("month_day", "day_month"):
        month, day = month_number(g["mon"]), int(g["day"])
        year, src, anchor = _year_of(ctx, month, day)
        if year is None:
            return Interval(None, None, "day", note="no year to anchor on")
        d = dt.date(year, month, day)
        return Interval(d, d, "day", anchor, src, ctx.future and src == "publication")
    if rule == "day_range":
        month, first, last = month_number(g["mon"]), int(g["day"]), int(g["day2"])
        year, src, anchor = (int(g["year"]), "none", "") if g.get("year") else _year_of(ctx, month, first)
        if year is None:
            return Interval(None, None, "range", note="no year to anchor on")
        if last <= first:
            raise ValueError("day range")
        return Interval(dt.date(year, month, first), dt.date(year, month, last), "range", anchor, src)
    if rule in ("month_range", "date_range"):
        days = rule == "date_range"
        first = (month_number(g["mon"]), int(g["day"]) if days else 1)
        last = (month_number(g["mon2"]), int(g["day2"]) if days else 1)
        year2 = int(g["year2"]) if g.get("year2") else None
        year1 = int(g["year"]) if g.get("year") else None
        src, anchor = "none", ""
        if year1 is None and year2 is None:
            year1, src, anchor = _year_of(ctx, *first)
            if year1 is None:
                return Interval(None, None, "range", note="no year to anchor on")
        # a range that runs over the new year ("November to February", "30 December – 2 January")
        year1 = year1 if year1 is not None else (year2 if first <= last else year2 - 1)
        year2 = year2 if year2 is not None else (year1 if last >= first else year1 + 1)
        if days:
            start, end = dt.date(year1, *first), dt.date(year2, *last)
        else:
            start, end = _month_range(year1, first[0])[0], _month_range(year2, last[0])[1]
        if end <= start:
            raise ValueError(rule)
        return Interval(start, end, "range", anchor, src)
    if rule == "bare_month":
        month = month_number(g["mon"])
        year, src, anchor = _year_of(ctx, month, 1)
        if year is None:
            return Interval(None, None, "month", note="no year to anchor on")
        s, e = _month_range(year, month)
        return Interval(s, e, "month", anchor, src, ctx.future and src == "publication")
    if rule == "month_of_rel_year":
        if not ctx.published:
            return Interval(None, None, "month", note="relative to an unknown date")
        base = ctx.published[1]
        year = base.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        s, e = _month_range(year, month_number(g["mon"]))
        return Interval(s, e, "month", ctx.published_text, "publication", e > base)
    if rule == "half":
        src, anchor = "none", ""
        if g.get("year"):
            year = int(g["year"])
        elif ctx.published:
            year = ctx.published[1].year + {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[g["rel"].lower()]
            src, anchor = "publication", ctx.published_text
        else:
            return Interval(None, None, "half", note="relative to an unknown date")
        first = g["which"].lower() == "first"
        s, e = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if first else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        return Interval(s, e, "half", anchor, src, bool(ctx.day) and s > ctx.day)
    if rule == "season":
        return _season(g, ctx)
    if rule in ("same", "adjacent", "nth_day", "offset"):
        return _anaphoric(rule, g, ctx)
    return _deictic(rule, g, ctx)


def _season(g: dict, ctx: Context) -> Interval:
    season = g["season"].lower()
    written = g.get("year") or g.get("year2")
    rel = (g.get("rel") or "").lower()
    src, anchor = "none", ""
    if written:
        year = int(written)
    elif ctx.day:
        base = ctx.day
        year, src, anchor = (
            base.year + {"last": -1, "next": 1, "coming": 1}.get(rel, 0),
            "publication",
            ctx.published_text,
        )
        if not rel:  # "in the summer": the most recent (or, in future context, the coming) one
            s, e = _season_range(year, season)
            if ctx.future and e < base:
                year += 1
            elif not ctx.future and s > base:
                year -= 1
    else:
        first = SEASONS[season][0]
        year, src, anchor = _year_of(ctx, first, 1) if not rel else (None, "none", "")
        if year is None:
            return Interval(None, None, "season", note="no year to anchor on")
    s, e = _season_range(year, season)
    planned = (ctx.future or rel == "next") and bool(ctx.day) and e >= ctx.day
    return Interval(s, e, "season", anchor, src, planned)


def _anaphoric(rule: str, g: dict, ctx: Context) -> Interval:
    """Expressions that count from the last date the text gave: "that same day", "the following day",
    "the first day", "two days after"."""
    unit = (g.get("unit") or g.get("unit2") or "day").lower()
    if unit == "day" or rule in ("nth_day", "offset"):
        base, src, anchor = _reference_day(ctx)
    else:  # "that same year", "the following month": the last date the text gave, at any precision
        ref = ctx.reference
        base, src, anchor = (
            (ref.start, "narrative", ref.start.isoformat())
            if ref and ref.start
            else (ctx.day, "publication", ctx.published_text)
            if ctx.day
            else (None, "none", "")
        )
    if base is None:
        return Interval(None, None, unit, note="nothing earlier in the text to count from")
    if rule == "same":
        step = 0
    elif rule == "adjacent":
        word = (g.get("dir") or g.get("dir2")).lower()
        step = 1 if word in ("following", "next", "after") else -1
    elif rule == "nth_day":
        step = _ORDINALS[g["nth"].lower()] - 1
    else:  # "two days later"; "two days after [a clause]" dates that clause, before the reference
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        later = g["dir"].lower() in ("after", "later")
        step = n if later != ctx.clause_follows else -n
    s, e = _unit(base, unit, step)
    return Interval(s, e, unit, anchor, src, bool(ctx.day) and s > ctx.day)


def _deictic(rule: str, g: dict, ctx: Context) -> Interval:
    """Expressions that point at the moment of writing: they need the day of publication."""
    base, src, anchor = ctx.day, "publication", ctx.published_text
    if rule == "weekday" and base is None and ctx.weekdays.get(WEEKDAYS[g["wd"].lower()]) and not g.get("rel"):
        d = ctx.weekdays[WEEKDAYS[g["wd"].lower()]]  # "on Sunday" where the text says "Sunday, November 24"
        return Interval(d, d, "day", d.isoformat(), "narrative")
    if rule == "vague":
        unit = (g.get("unit") or g.get("unit2") or g.get("unit3")).lower()
        if base is None:
            return Interval(None, None, unit, note="relative to an unknown date", vague=True)
        far, near = _VAGUE["few"] if g.get("few") else _VAGUE["recent"][unit]
        s = _unit(base, unit, -far)[0]
        e = base if near == 0 else _unit(base, unit, -near)[1]
        return Interval(s, e, unit, anchor, src, vague=True)
    unit = {"relative_unit": g.get("unit", ""), "ago": g.get("unit", ""), "weekend": "week"}.get(rule, "day").lower()
    if base is None:
        note = (
            "a weekday without a publication date is not resolved"
            if rule == "weekday"
            else "relative to an unknown date"
        )
        return Interval(None, None, unit, note=note)
    if rule == "relative_unit":
        rel, mod = g["rel"].lower(), (g.get("mod") or "").lower()
        step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[rel]
        s, e = _unit(base, unit, step)
        if mod == "earlier" and step == 0:
            e = base - dt.timedelta(days=1)
        elif mod == "later" and step == 0:
            s = base + dt.timedelta(days=1)
        return Interval(s, e, unit, anchor, src, s > base)
    if rule == "weekday":
        target = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        back = (base.weekday() - target) % 7
        if rel == "last":
            d = base - dt.timedelta(days=back or 7)
        elif rel == "next" or (ctx.future and rel != "last"):
            ahead = (target - base.weekday()) % 7
            d = base + dt.timedelta(days=ahead or (7 if rel == "next" else 0))
        else:
            d = base - dt.timedelta(days=back)
        return Interval(d, d, "day", anchor, src, d > base)
    if rule == "deictic":
        d = base + dt.timedelta(days=_DEICTIC[" ".join(g["word"].lower().split())])
        return Interval(d, d, "day", anchor, src, d > base)
    if rule == "ago":
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        return Interval(*_unit(base, unit, -n), unit, anchor, src)
    if rule == "weekend":
        rel = (g.get("rel") or "").lower()
        if rel == "next" or (ctx.future and rel != "last"):
            saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7 + (7 if rel == "next" else 0))
        else:
            saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
            if rel == "last" and base.weekday() >= 5:
                saturday -= dt.timedelta(days=7)
        return Interval(saturday, saturday + dt.timedelta(days=1), "week", anchor, src, saturday > base)
    raise ValueError(rule)
