"""Tell article text from page furniture, line by line, without knowing the site in advance.

Each non-blank line gets one role:

``title``, ``repeated_title``, ``standfirst``, ``byline``, ``dateline``, ``body``, ``subheading``
(kept in the body), ``caption``, ``credit``, ``related`` (links to other stories) and ``chrome`` (site
navigation, reading times, login and profile prompts). A line's ``rule`` says why it got its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .calendar_text import MONTH_RE, YEAR_RE
from .pubdate import date_in_line, parse_dateline

ROLES = (
    "title",
    "repeated_title",
    "standfirst",
    "byline",
    "dateline",
    "body",
    "subheading",
    "caption",
    "credit",
    "related",
    "chrome",
)
#: Roles whose lines make up the article text.
ARTICLE_ROLES = ("body", "subheading")

_AGENCY = r"(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|GETTY|Anadolu(?: Agency)?|ANADOLU|Xinhua|XINHUA|SIPA|AA|dpa|DPA)"
_CREDIT = re.compile(rf"(?:^|[\s(])/?{_AGENCY}\s*/\s*[A-Z][\w.'\- ]*(?:/[\w.'\- ]+)*\)?\s*$")
_CREDIT_ONLY = re.compile(
    rf"^\(?/?{_AGENCY}(?:\s*/\s*[\w.'\- ]+)*\)?$"
    rf"|^(?:Photo|Image|Picture)s?(?:\s*:|\s+(?:credit|copyright|source)\b:?)\s*.{{2,60}}$",
    re.I,
)
_CAPTION_PREFIX = re.compile(
    r"^(?:FILE PHOTO|FILE PICTURE|(?:PHOTO|IMAGE|PICTURE)(?:\s+CAPTION)?|CAPTION|FILE)\s*:", re.I
)
_BRACKET_SOURCE = re.compile(r"\[(?:[A-Z][\w.&' -]{1,38}|[a-z]+\.[a-z]{2,})\]\s*$")
_PHOTO_SUFFIX = re.compile(r"\((?:Photo|Image|Picture)(?: by| credit)?\s*:?[^)]{2,60}\)\s*$", re.I)
_READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minute|minutes)\.?\s*read$", re.I)
_RELATED = re.compile(
    r"^(?:(?:read more|read also|also read|related(?: stories| articles| news| content)?|see also|"
    r"more on this|recommended|more from|you may also like|most read|trending)\b"
    r"|(?:watch|listen|video|audio|podcast|gallery)\s*:)\s*(?:on)?\s*[:|\-–]?",
    re.I,
)
_CHROME = re.compile(
    r"\b(?:log ?in|logged in|sign ?in|sign ?up|register now|subscribe|newsletter|username|password|"
    r"your profile|create profile|click here|cookie|privacy policy|terms of (?:use|service)|"
    r"all rights reserved|follow us|share (?:this|on)|send us your|post a comment|leave a comment|"
    r"comments? (?:are|is) closed|advertisement|homepage|user galleries|skip to (?:main )?content|"
    r"powered by automated translation|print this|email this|whatsapp|download (?:the|our) app|"
    r"originally (?:published|appeared)|trust principles)\b",
    re.I,
)
#: Lines that open with a copyright sign, a tag list or the site's standards.
_CHROME_START = re.compile(r"^(?:©|\(c\)\s|copyright\b|topics\s*:|tags\s*:|filed under\s*:|our standards\b)", re.I)
#: Wire-service credits at the end of a story: "Reporting by ...; Editing by ...".
_CREDITS = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written|translated)\s+by\s", re.I
)
_NAV_SEPARATORS = re.compile(r"\s[·|•»]\s")
_BYLINE = re.compile(
    r"^\(?\s*(?:by|author\s*:|authors?\s*:|written by|words by|reporting by|report by)\s+(?P<who>[^()]{2,80}?)\s*\)?$"
    r"|^(?P<special>special to\s+\S.{0,60})$"
    r"|^(?P<staff>(?:[\w.]+\s+){0,4}(?:staff(?: writer)?|correspondent|editorial staff|news desk|wires?))$",
    re.I,
)
_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)]*\s*$|["”’]\s*$""")


@dataclass
class Line:
    """One non-blank line of an article file."""

    line_no: int  # 1-based line number in the decoded file
    text: str
    role: str = ""
    rule: str = ""


#: A white-space separated token from its first letter or digit on: one match per token that has one.
_WORDY_TOKEN = re.compile(r"\w\S*")


def n_words(text: str) -> int:
    """Words in ``text``: white-space separated tokens with a letter or digit in them."""
    return len(_WORDY_TOKEN.findall(text))


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


_INNER_SENTENCE = re.compile(r"[a-z]{2}[.!?][\"'”’)]*\s+\S")


def sentence_like(text: str) -> bool:
    """A line that reads as prose: it ends like a sentence, holds a whole sentence, or is long."""
    return (
        bool(_TERMINAL.search(text))
        or n_words(text) >= 20
        or (n_words(text) >= 6 and bool(_INNER_SENTENCE.search(text)))
    )


def _furniture(text: str) -> tuple[str, str] | None:
    """Role and rule for a line that is furniture wherever it stands, else ``None``."""
    words = n_words(text)
    if _READING_TIME.match(text):
        return "chrome", "reading time"
    if len(_NAV_SEPARATORS.findall(f" {text} ")) >= 2:
        return "chrome", "navigation links"
    if _RELATED.match(text) and words <= 25:
        return "related", "related-story link"
    if words <= 30 and (_CHROME.search(text) or _CHROME_START.match(text)):
        return "chrome", "site prompt"
    if _CREDITS.match(text) and words <= 40:
        return "byline", "reporting credits"
    if _CAPTION_PREFIX.match(text):
        return "caption", "photo caption prefix"
    if _CREDIT_ONLY.match(text) and words <= 10:
        return "credit", "photo credit"
    if _CREDIT.search(text):
        return "caption", "caption ending in a photo credit"
    if _BRACKET_SOURCE.search(text) and words <= 40:
        return "caption", "caption ending in [source]"
    if _PHOTO_SUFFIX.search(text):
        return "caption", "caption ending in (Photo: ...)"
    return None


def byline_author(text: str) -> str | None:
    """The author named by a byline line, or ``None`` if ``text`` is not a byline.

    In wire credits ("Additional reporting by A; Writing by B; Editing by C") the writer is B, or else the
    reporter; additional reporters and editors are not authors.
    """
    if _CREDITS.match(text):
        credits = dict(re.findall(r"(?:^|;|\()\s*((?:additional\s+)?\w+)\s+by\s+([^;()]+)", text, re.I))
        credits = {k.lower(): v.strip() for k, v in credits.items()}
        return credits.get("writing") or credits.get("written") or credits.get("reporting") or None
    if n_words(text) > 12 or re.search(r"[.!?]\s*$", text) and not text.rstrip().endswith((".com", ".)")):
        if not _BYLINE.match(text.strip()):
            return None
    m = _BYLINE.match(text.strip())
    if not m:
        return None
    who = (m["who"] or m["special"] or m["staff"]).strip()
    found = date_in_line(who)  # "By Jane Doe | 05 Apr 2019": the date is not part of the name
    return found[2] if found and found[2] else who


_CALENDAR_HEADING = re.compile(
    rf"^(?:{MONTH_RE}|{YEAR_RE})(?:\s?(?:–|—|-|to|until)\s?(?:{MONTH_RE}|{YEAR_RE}))?"
    rf"(?: {YEAR_RE})?$",
    re.I,
)


def _calendar_heading(text: str) -> bool:
    """A line that names only a period ("2015", "April to June", "May–December"): a timeline heading."""
    return bool(_CALENDAR_HEADING.match(text.strip()))


def classify(raw_lines: list[str], title: str | None = None) -> list[Line]:
    """Classify the non-blank lines of one article.

    ``title`` is the known title (from HTML metadata); when ``None`` the first line is the title.
    """
    lines = [Line(i + 1, t.strip()) for i, t in enumerate(raw_lines) if t.strip()]
    if not lines:
        return lines
    start = 0
    if title is None and n_words(lines[0].text) > 30:
        title = ""  # a file that opens with a paragraph has no title line
    elif title is None:
        title = lines[0].text
        lines[0].role, lines[0].rule = "title", "first line"
        start = 1
    title_key = _norm(title) or None

    # Roles any line can have, wherever it stands.
    for line in lines[start:]:
        if _norm(line.text) == title_key:
            line.role, line.rule = "repeated_title", "same text as the title"
        elif found := _furniture(line.text):
            line.role, line.rule = found

    # Header: title, then metadata (datelines, bylines, repeats) and at most two lines of standfirst.
    seen: dict[str, Line] = {}
    header_end, free = start - 1, 0
    for i in range(start, min(len(lines), start + 14)):
        line = lines[i]
        key = _norm(line.text)
        if line.role == "repeated_title" or (line.role == "chrome" and free <= 1):
            header_end = i  # chrome after two paragraphs (an advertisement) is inside the article, not its header
        elif line.role:
            pass  # captions and credits neither open nor close the header
        elif parse_dateline(line.text):
            line.role, line.rule, header_end = "dateline", "a date on its own line", i
        elif byline_author(line.text):
            line.role, line.rule, header_end = "byline", "byline", i
        elif key in seen:
            line.role, line.rule, header_end = seen[key].role or "standfirst", "repeated header line", i
        else:
            free += 1
            if free > 2:
                break
        seen.setdefault(key, line)
    for line in lines[start : header_end + 1]:
        if not line.role:
            standfirst = sentence_like(line.text) or n_words(line.text) >= 8
            line.role, line.rule = (
                ("standfirst", "text between title and header metadata")
                if standfirst
                else ("chrome", "short line in the header")
            )

    # Body: from the first prose line to the last; short unpunctuated lines between are subheadings.
    rest = [i for i in range(header_end + 1, len(lines)) if not lines[i].role]
    prose = [i for i in rest if sentence_like(lines[i].text)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    for i in rest:
        line = lines[i]
        if i < first and _calendar_heading(line.text):
            line.role, line.rule = "subheading", "a period as a heading before the first paragraph"
        elif i < first:
            line.role, line.rule = "chrome", "short line before the first paragraph"
        elif i > last:
            titled = sum(w[:1].isupper() for w in line.text.split()) >= 0.6 * len(line.text.split())
            line.role, line.rule = (
                ("related", "headline after the last paragraph")
                if titled and n_words(line.text) >= 4
                else ("chrome", "short line after the last paragraph")
            )
        elif sentence_like(line.text):
            line.role, line.rule = "body", "paragraph"
        else:
            line.role, line.rule = "subheading", "short line between paragraphs"
    return lines
