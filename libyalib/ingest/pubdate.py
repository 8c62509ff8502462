"""Publication dates: read from a dateline, or inferred only as far as the text supports."""

from __future__ import annotations

import datetime as dt
import re

from .calendar_text import MONTH_RE, WEEKDAY_RE, WEEKDAYS, YEAR_RE, month_number

_TIME = r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|Z|[+-]\d{2}:?\d{2}))?)?"
_PREFIX = r"(?:(?:Published|Updated|Posted|Last updated|Date)\s*:?\s*)?(?:" + WEEKDAY_RE + r",?\s+)?"
_DATELINES = [
    (re.compile(rf"^{_PREFIX}(?P<y>{YEAR_RE})-(?P<m>\d\d)-(?P<d>\d\d){_TIME}$", re.I), "day"),
    (
        re.compile(
            rf"^{_PREFIX}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{MONTH_RE}),?\s+(?P<y>{YEAR_RE}){_TIME}$", re.I
        ),
        "day",
    ),
    (
        re.compile(
            rf"^{_PREFIX}(?P<mon>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR_RE}){_TIME}$", re.I
        ),
        "day",
    ),
    (re.compile(rf"^{_PREFIX}(?P<mon>{MONTH_RE}),?\s+(?P<y>{YEAR_RE})$", re.I), "month"),
]
# "November 24 [Sunday]", "Sunday, November 24", "Sunday 24 November": a date with its weekday, no year.
WEEKDAY_DATES = [
    re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*[\[(,]?\s*(?P<wd>{WEEKDAY_RE})\b"),
    re.compile(rf"\b(?P<wd>{WEEKDAY_RE}),?\s+(?P<mon>{MONTH_RE})\s+(?P<d>\d{{1,2}})\b(?!,?\s*{YEAR_RE})"),
    re.compile(
        rf"\b(?P<wd>{WEEKDAY_RE}),?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{MONTH_RE})\b(?!,?\s*{YEAR_RE})"
    ),
]
_YEAR = re.compile(rf"(?<![\d/-]){YEAR_RE}(?![\d/-])")


_LABEL = re.compile(r"^(?:published|updated|posted|last updated|first published|date)\s*(?:on|at)?\s*:?\s*", re.I)
_AMBIGUOUS = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-]\d{4}\b")
_DATE_WORDS = re.compile(
    rf"^(?:{MONTH_RE}|{WEEKDAY_RE}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|at|on|of|"
    r"gmt|utc|bst|cet|cest|est|edt|am|pm|a\.m\.|p\.m\.|st|nd|rd|th)[.,]?$",
    re.I,
)


def _dateparser_day(text: str) -> str | None:
    """A full date (year, month and day) on a line that holds nothing else, read by dateparser."""
    text = _LABEL.sub("", text).strip()
    words = text.split()
    if not words or len(words) > 10 or not re.search(r"\b(?:19|20)\d\d\b", text):
        return None
    if any(re.search(r"[A-Za-z]", w) and not _DATE_WORDS.match(w) and not re.match(r"^\d", w) for w in words):
        return None  # prose, not a date line
    ambiguous = _AMBIGUOUS.match(text)
    if ambiguous and int(ambiguous[1]) <= 12 and int(ambiguous[2]) <= 12:
        return None  # 05/08/2017: May or August?
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["year", "month", "day"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    return parsed.date().isoformat() if parsed else None


def parse_dateline(line: str) -> tuple[str, str] | None:
    """If ``line`` is nothing but a date, return ``(iso, precision)``: ``("2017-08-25", "day")``.

    Common forms are read by the patterns above; other full dates ("Mon, 25 Nov 2019 07:00:00 +0400",
    "25.08.2017") by dateparser, which is not asked about ambiguous day/month orders.
    """
    text = line.strip()
    for pattern, precision in _DATELINES:
        m = pattern.match(text)
        if not m:
            continue
        year = int(m["y"])
        month = int(m["m"]) if m.groupdict().get("m") else month_number(m["mon"])
        if precision == "month":
            return f"{year:04d}-{month:02d}", "month"
        try:
            return dt.date(year, month, int(m["d"])).isoformat(), "day"
        except ValueError:
            return None
    day = _dateparser_day(text)
    return (day, "day") if day else None


#: A date inside a longer line: a byline and a date ("By Jane Doe | 05 Apr 2019"), a date and a place or
#: outlet ("April 5, 2019 | Tripoli"), with a time of day after it.
_DATE_IN_LINE = re.compile(
    rf"(?:(?:{WEEKDAY_RE}|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)?"
    rf"(?:(?P<y>{YEAR_RE})-(?P<m>\d\d)-(?P<d1>\d\d)|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH_RE}),?\s+(?P<y2>{YEAR_RE})|"
    rf"(?P<mon3>{MONTH_RE})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>{YEAR_RE}))"
    rf"(?:[ T,]+\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|BST|CET|CEST|EST|EDT|Z|[+-]\d{{2}}:?\d{{2}}))?)?",
    re.I,
)
_SEPARATORS = r"[\s|·•,;:/–—-]*"
#: A wire dateline opening the first paragraph: "TRIPOLI, April 5, 2019 (Reuters) -", "Tripoli (AFP) - 5 April 2019 -".
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'.-]+(?:[ ,]+[A-Z][A-Za-z'.-]+){0,3})(?:,\s*(?P<date1>[^()]{6,40}?))?\s*"
    r"\((?P<agency>[A-Za-z. ]{2,30})\)\s*[-–—]+\s*(?:(?P<date2>[^-–—]{6,40}?)\s*[-–—]+\s*)?"
)


def date_in_line(line: str) -> tuple[str, str, str] | None:
    """A full date inside a header line: ``(iso, "day", the rest of the line)`` or ``None``.

    The rest is what stands beside the date ("By Jane Doe", "Tripoli"), without the separators.
    """
    m = _DATE_IN_LINE.search(line)
    if not m:
        return None
    year = int(m["y"] or m["y2"] or m["y3"])
    month = int(m["m"]) if m["m"] else month_number(m["mon2"] or m["mon3"])
    try:
        day = dt.date(year, month, int(m["d1"] or m["d2"] or m["d3"])).isoformat()
    except ValueError:
        return None
    rest = re.sub(rf"^{_SEPARATORS}|{_SEPARATORS}$", "", line[: m.start()] + " " + line[m.end() :]).strip()
    rest = re.sub(r"\s{2,}", " ", re.sub(r"\s*(?:\||·|•)\s*$", "", rest))
    return day, "day", rest


def agency_dateline(paragraph: str) -> tuple[str, str] | None:
    """The date of a wire dateline that opens a paragraph ("TRIPOLI, April 5, 2019 (Reuters) - ...")."""
    m = _AGENCY_DATELINE.match(paragraph)
    if not m:
        return None
    for part in (m["date1"], m["date2"]):
        if part and (found := date_in_line(part)) and not found[2]:
            return found[0], found[1]
    return None


def years_in(text: str) -> list[int]:
    """Four-digit years 1900-2099 written in ``text`` (not parts of numbers or codes)."""
    return [int(y) for y in _YEAR.findall(text)]


def infer_published(text: str) -> tuple[str, str, str] | None:
    """Infer a publication date from the text alone: ``(value, precision, why)`` or ``None``.

    A date written with its weekday ("November 24 [Sunday]") fixes the year: the year nearest the latest
    year the text mentions (on or after it first, then before: a text may name a year still to come, "elections
    in spring 2018") in which that day falls on that weekday. The article is published on or after that day
    but the text does not say when, so the result has year precision.
    """
    latest = max(years_in(text), default=None)
    if latest is None:
        return None
    for pattern in WEEKDAY_DATES:
        for m in pattern.finditer(text):
            year = weekday_year(month_number(m["mon"]), int(m["d"]), WEEKDAYS[m["wd"].lower()], latest, later=True)
            if year is not None:
                return str(year), "year", f"'{m.group(0)}' falls on a {m['wd']} in {year}"
    return None


def weekday_year(month: int, day: int, weekday: int, near: int, later: bool = False) -> int | None:
    """The year nearest ``near`` (six either side) in which ``day`` of ``month`` falls on ``weekday``; of
    two as near, the earlier (the later with ``later``); ``None`` if there is none."""
    for year in sorted(range(near - 6, near + 7), key=lambda y: (abs(y - near), (y < near) if later else (y > near))):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                return year
        except ValueError:  # February 29 of a common year
            continue
    return None


_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}


def sidecar_date(value: str) -> tuple[str, str]:
    """A publication date as a person or a scraper wrote it in ``SOURCES.csv``: ``(YYYY[-MM[-DD]],
    precision)``; raises ``ValueError`` with the reason when it is not a date, or when day and month could
    be either ("03/04/2017"). A numeric date whose day is above 12 is read either way round ("27/09/2017",
    "09/27/2017")."""
    value = value.strip()
    if not value:
        return "", "unknown"
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value).isoformat(), "day"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            dt.date(int(value[:4]), int(value[5:]), 1)
            return value, "month"
        if re.fullmatch(r"\d{4}", value):
            return value, "year"
        if m := _NUMERIC.match(value):
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if a <= 12 and b <= 12 and a != b:
                raise ValueError("day and month could be either way round")
            day, month = (a, b) if a > 12 or a == b else (b, a)
            return dt.date(year, month, day).isoformat(), "day"
    except ValueError as exc:
        raise ValueError(str(exc) if "either way" in str(exc) else "not a calendar date") from None
    found = parse_dateline(value)
    if found is None:
        raise ValueError("not a date")
    return found
