"""The chronology: every dated expression in the articles, and the events they reconcile into."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from ..ingest.calendar_text import WEEKDAYS, month_number
from ..ingest.corpus import PARAGRAPH_BREAK
from ..ingest.pubdate import WEEKDAY_DATES, years_in
from ..nlp.kb import PLACE, load_kb
from ..nlp.model import by_sentence, ents_by_sentence, sentence_ids, sentence_of, sentence_span, sentences, text_of
from .temporal import EXPLICIT, Context, find, is_future, published_period, resolve

COLUMNS = [
    "article_id",
    "section",
    "sentence_id",
    "start",
    "end",
    "expression",
    "date_start",
    "date_end",
    "precision",
    "anchor",
    "anchor_source",
    "rule",
    "planned",
    "vague",
    "evidence",
    "actors",
    "kind",
    "location",
]
KINDS = ("election", "agreement", "military action", "meeting", "statement", "other")
TRIGGERS = {
    "election": {"election", "elections", "vote", "ballot", "electoral", "poll", "polls"},
    "agreement": {"agreement", "accord", "deal", "agree", "sign", "ceasefire", "roadmap", "plan"},
    "military action": {
        "offensive",
        "attack",
        "strike",
        "fight",
        "fighting",
        "clash",
        "kill",
        "shoot",
        "siege",
        "assault",
        "battle",
        "capture",
        "operation",
        "airstrike",
        "bomb",
        "escalation",
        "war",
        "overrun",
        "expel",
        "drone",
        "launch",
        "deploy",
        "uprising",
        "revolution",
        "overthrow",
        "revolt",
        "coup",
        "intervention",
        "insurgency",
        "raid",
        "shell",
        "shelling",
        "overran",
    },
    "meeting": {
        "meet",
        "meeting",
        "talk",
        "talks",
        "visit",
        "host",
        "summit",
        "conference",
        "delegation",
        "travel",
        "trip",
        "discuss",
    },
    "statement": {
        "say",
        "announce",
        "statement",
        "urge",
        "call",
        "tweet",
        "claim",
        "condemn",
        "pledge",
        "tell",
        "warn",
        "accuse",
        "confirm",
        "deny",
    },
}
_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "season": 3, "half": 4, "range": 5, "year": 6}


def _kind(span) -> str:
    """Kind of event: the first trigger met walking up the parse from the expression, else in the sentence."""
    token = span.root
    for _ in range(8):
        # the word itself, then its modifiers ("electoral losses in June" is about an election)
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and not span.start <= c.i < span.end]
        for word in [token, *modifiers]:
            for kind, words in TRIGGERS.items():
                if word.lemma_.lower() in words or word.lower_ in words:
                    return kind
        if token.head.i == token.i:
            break
        token = token.head
    plain = [t for t in sentence_of(span[0]) if not t.ent_type_]  # not "Accord" in "Government of National Accord"
    lemmas = {t.lemma_.lower() for t in plain} | {t.lower_ for t in plain}
    return next((kind for kind, words in TRIGGERS.items() if lemmas & words), "other")


def _state_as_place(ent) -> bool:
    """A state named as where something happened ("the general was in Tunisia on Monday")."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in ("in", "at") and load_kb().kind(ent.ent_id_) == "state"


def _clause(span):
    """The tokens of the clause an expression belongs to: the subtree of its verb (or of the verb whose
    subject that verb shares: "Haftar launched an offensive to capture Tripoli in April"), without the
    clauses coordinated or embedded in it that have subjects of their own."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return {t.i for t in sentence_of(span[0])}
    while not _has_subject(verb) and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head.i != verb.i:
        verb = verb.head
    own = {t.i for t in verb.subtree}
    for t in verb.subtree:
        if (
            t.i != verb.i
            and t.pos_ in ("VERB", "AUX")
            and t.dep_ in ("conj", "ccomp", "advcl", "relcl")
            and _has_subject(t)
            and span.root.i not in {x.i for x in t.subtree}
        ):
            own -= {x.i for x in t.subtree}
    if verb.dep_ == "relcl":  # "the embargo, which was imposed in 2011": the noun it says something of
        own |= {t.i for t in verb.head.subtree}
    return own


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _pluperfect(span) -> bool:
    """Is the expression's verb in the past perfect ("he had been appointed on 14 March")?"""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)


def _headline_plan(span) -> bool:
    """A headline's infinitive is what will happen ("Haftar to meet envoy on Friday")."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    top = verb.dep_ == "ROOT" or (
        verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
    )  # parsed as "Haftar [to meet ...]"
    return top and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clause_follows(span) -> bool:
    """ "two days after Turkey deployed them": a clause follows the expression's last word."""
    last = span[-1]
    return last.dep_ == "mark" or any(c.pos_ in ("VERB", "AUX") for c in last.children)


def _headings(body: str) -> list[tuple[int, int]]:
    """``(offset, year)`` of every short heading line that names one year ("2015", "Events of 2016")."""
    out, pos = [], 0
    for paragraph in body.split(PARAGRAPH_BREAK):
        words = paragraph.split()
        if 0 < len(words) <= 6 and not paragraph.rstrip().endswith((".", "!", "?", ":")):
            years = set(years_in(paragraph))
            if len(years) == 1:
                out.append((pos, years.pop()))
        pos += len(paragraph) + len(PARAGRAPH_BREAK)
    return out


def _title_year(title: str) -> int | None:
    years = set(years_in(title))
    return years.pop() if len(years) == 1 else None


def _weekday_dates(text: str, published: str) -> dict[int, dt.date]:
    """Weekdays the text names with their date ("Sunday, November 24"): the year is the one nearest the
    publication year (or the latest year written) in which that date falls on that weekday."""
    year = int(published[:4]) if published else max(years_in(text), default=0)
    out = {}
    if not year:
        return out
    for m in (m for pattern in WEEKDAY_DATES for m in pattern.finditer(text)):
        month, day, weekday = month_number(m["mon"]), int(m["d"]), WEEKDAYS[m["wd"].lower()]
        for y in sorted(range(year - 6, year + 7), key=lambda y: abs(y - year)):
            try:
                if dt.date(y, month, day).weekday() == weekday:
                    out.setdefault(weekday, dt.date(y, month, day))
                    break
            except ValueError:
                break
    return out


def _section_rows(article, section: str, doc, mentions: list[dict], base: Context, state: dict) -> list[dict]:
    """Dated expressions of one section (title or body) of an article."""
    text = text_of(doc)
    headings = _headings(text) if section == "body" else []
    sentence_number = sentence_ids(doc)
    ents = ents_by_sentence(doc)
    grouped = by_sentence(mentions, section)
    rows = []
    pos = 0
    found_all = []  # expressions are found paragraph by paragraph, whatever the sentence splitter did
    for paragraph in text.split(PARAGRAPH_BREAK):
        found_all += [(pos, f) for f in find(paragraph)]
        pos += len(paragraph) + len(PARAGRAPH_BREAK)
    for offset, f in found_all:
        start, end = offset + f.start, offset + f.end
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sentence_id = sentence_number[span[0].i]
        sent = sentences(doc)[sentence_id]
        s_start, s_end = sentence_span(sent)
        s_end = max(s_end, end)
        in_sentence = [m for m in grouped.get(sentence_id, []) if m["form"] != "demonym" and m["actor"] != "Libya"]
        places = [e for e in ents[sentence_id] if e.ent_id_.startswith(PLACE) or _state_as_place(e)]
        written = [
            int(x.groups["year"])
            for o, x in found_all
            if x.rule in EXPLICIT and "year" in x.groups and s_start <= o + x.start and o + x.end <= start
        ]
        section_year = next((y for o, y in reversed(headings) if o <= start), base.section_year)
        ctx = replace(
            base,
            sentence_year=written[-1] if written else None,
            section_year=section_year,
            reference=state.get("reference"),
            future=is_future(text[s_start:start]) or (section == "title" and _headline_plan(span)),
            backwards=_pluperfect(span),
            clause_follows=_clause_follows(span),
        )
        interval = resolve(f, ctx)
        if interval.start is not None and not interval.vague:
            state["reference"] = interval
        clause = _clause(span)
        actors = sorted(
            {
                m["actor"]
                for m in in_sentence
                if doc.char_span(m["start"], m["end"], alignment_mode="expand").root.i in clause
            }
        )
        near = [e for e in places if e.root.i in clause] or places
        place = min(near, key=lambda e: abs(e.start_char - start)).text if near else ""
        rows.append(
            {
                "article_id": article.article_id,
                "section": section,
                "sentence_id": sentence_id,
                "start": start,
                "end": end,
                "expression": text[start:end],
                "date_start": interval.start.isoformat() if interval.start else "",
                "date_end": interval.end.isoformat() if interval.end else "",
                "precision": interval.precision,
                "anchor": interval.anchor,
                "anchor_source": interval.anchor_source,
                "rule": f.rule + (f" ({interval.note})" if interval.note else ""),
                "planned": bool(interval.planned),
                "vague": bool(interval.vague),
                "evidence": text[s_start:s_end],
                "actors": ";".join(actors),
                "kind": _kind(span),
                "location": place,
            }
        )
    return rows


def article_chronology(article, body_doc, mentions: list[dict], title_doc=None) -> list[dict]:
    """Dated expressions of one article's title and body."""
    base = Context(
        published=published_period(article.published),
        published_text=article.published,
        section_year=_title_year(article.title),
        weekdays=_weekday_dates(text_of(body_doc), article.published),
    )
    state: dict = {}
    rows = _section_rows(article, "title", title_doc, mentions, base, {}) if title_doc is not None else []
    return rows + _section_rows(article, "body", body_doc, mentions, base, state)


def _shared(a, b) -> set[str]:
    return set(filter(None, a.actors.split(";"))) & set(filter(None, b.actors.split(";")))


def _close_days(a, b) -> bool:
    """Two days at most a week apart, naming two of the same actors and the same place: one event the
    articles date differently."""
    return (
        a.precision == b.precision == "day"
        and a.location == b.location != ""
        and len(_shared(a, b)) >= 2
        and abs((dt.date.fromisoformat(a.date_start) - dt.date.fromisoformat(b.date_start)).days) <= 7
    )


def reconcile(events: pd.DataFrame, year_range: tuple[int, int] | None = None) -> pd.DataFrame:
    """Group rows that refer to one event into a reconciled chronology.

    Each event gets the tightest interval consistent with all its rows (their intersection), the articles
    and expressions that report it, and ``disagreement`` when articles give days that cannot all be true
    (the event then spans the days given).
    Planned events, vague intervals ("in recent weeks") and durations are left out; ``year_range`` keeps
    events that touch those years.
    """
    rows = events[(events.date_start != "") & ~events.planned & ~events.vague].reset_index(drop=True)
    if year_range:
        rows = rows[
            (rows.date_end.str[:4].astype(int) >= year_range[0])
            & (rows.date_start.str[:4].astype(int) <= year_range[1])
        ].reset_index(drop=True)
    # Finest rows first; a row joins the first group of its kind that shares an actor (or, in the same
    # article, the same interval) and stays consistent with it, or that it contradicts by a few days.
    order = sorted(rows.itertuples(), key=lambda r: (_PRECISION_ORDER[r.precision], r.date_start, r.Index))
    groups: list[dict] = []
    for r in order:
        for g in groups:
            if g["kind"] != r.kind or r.kind == "other":
                continue
            related = any(
                _shared(r, m)
                or (m.article_id == r.article_id and (m.date_start, m.date_end) == (r.date_start, r.date_end))
                for m in g["members"]
            )
            if not related:
                continue
            start, end = max(g["start"], r.date_start), min(g["end"], r.date_end)
            if start <= end and not g["disagreement"]:
                g["start"], g["end"] = start, end
            elif any(_close_days(r, m) for m in g["members"]):
                g["disagreement"] = True
            else:
                continue
            g["members"].append(r)
            break
        else:
            groups.append(
                {"kind": r.kind, "start": r.date_start, "end": r.date_end, "disagreement": False, "members": [r]}
            )
    out = []
    for g in groups:
        members = sorted(g["members"], key=lambda m: (m.article_id, m.start))
        disagreement = g["disagreement"]
        start, end = g["start"], g["end"]
        if disagreement:
            start, end = min(m.date_start for m in members), max(m.date_end for m in members)
        tightest = min(
            members,
            key=lambda m: (
                _PRECISION_ORDER[m.precision],
                dt.date.fromisoformat(m.date_end) - dt.date.fromisoformat(m.date_start),
            ),
        )
        out.append(
            {
                "date_start": start,
                "date_end": end,
                "precision": "day" if start == end else tightest.precision if not disagreement else "range",
                "kind": members[0].kind,
                "actors": ";".join(sorted({a for m in members for a in m.actors.split(";") if a})),
                "location": next((m.location for m in members if m.location), ""),
                "articles": ";".join(sorted({m.article_id for m in members})),
                "n_articles": len({m.article_id for m in members}),
                "expressions": " | ".join(f"{m.article_id[:3]}: {m.expression}" for m in members),
                "disagreement": disagreement,
                "dates_given": "; ".join(sorted({f"{m.article_id[:3]} {m.date_start}..{m.date_end}" for m in members})),
                "evidence": members[0].evidence,
            }
        )
    frame = pd.DataFrame(
        out,
        columns=[
            "date_start",
            "date_end",
            "precision",
            "kind",
            "actors",
            "location",
            "articles",
            "n_articles",
            "expressions",
            "disagreement",
            "dates_given",
            "evidence",
        ],
    )
    return frame.sort_values(["date_start", "date_end", "kind", "articles"], kind="stable").reset_index(drop=True)
