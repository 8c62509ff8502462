"""The chronology: every dated expression in the articles, and the events they reconcile into."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from ..ingest.calendar_text import WEEKDAYS, month_number
from ..ingest.corpus import PARAGRAPH_BREAK
from ..ingest.pubdate import WEEKDAY_DATES, weekday_year, years_in
from ..nlp.kb import PLACE, load_kb, member_of
from ..nlp.model import ents_by_sentence, sentence_ids, sentence_of, sentence_span, sentences, text_of
from .deppath import clause_verb, has_subject
from .happenings import Happening, headline, names_happening, phrase, read
from .lexicon import load_lexicon
from .reference import References
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
    "role",
    "reported",
    "said_by",
    "what",
    "actor1",
    "actor2",
    "evidence",
    "actors",
    "kind",
    "says",
    "event_type",
    "sub_event_type",
    "location",
]
KINDS = ("election", "agreement", "military action", "meeting", "statement", "other")
#: What a dated expression is to the chronology: ``event`` dates a happening its clause reports; the others
#: are kept in events.csv and left out of the chronology.
ROLES = ("event", "background", "duration", "incumbency", "heading", "year alone", "planned", "vague", "undated")
#: A line of a dated list: the date, a dash or colon, then what happened ("4 January – IS seized Bin Jawad").
_LIST_LABEL = re.compile(r"\s*[–—:-]\s*\S")
#: A wire dateline opening a paragraph dates the report, not what it reports: "TRIPOLI, September 12, 2016 –",
#: "BENGHAZI, Libya, July 5 (Reuters) -".
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z'./-]{2,}(?:[ /][A-Z][A-Z'./-]+){0,3}(?:,\s*[A-Z][a-z]+){0,2},?\s*")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{2,40}\))?\s*[-–—:]")
#: What stands between two coordinated dates of one clause ("on Wednesday and Thursday", "in May and June").
_AND = re.compile(r",?\s+and\s+(?:on\s+|in\s+)?")


def _state_as_place(ent) -> bool:
    """A state named as where something happened ("the general was in Tunisia on Monday")."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in ("in", "at") and load_kb().kind(ent.ent_id_) == "state"


def _places(ents) -> list:
    """The entities of a sentence that name where something happened: places, and states named as places."""
    return [e for e in ents if e.ent_id_.startswith(PLACE) or _state_as_place(e)]


def _parties(mentions: list[dict]) -> list[dict]:
    """Mentions that can be a party to a happening: not a demonym, not Libya itself."""
    return [m for m in mentions if m["form"] != "demonym" and m["actor"] != "Libya"]


def _place_name(ent) -> str:
    """A place as written, or as the knowledge base spells it when written in capitals ("GENEVA, Oct 23 -")."""
    return ent.ent_id_[len(PLACE) :] if ent.text.isupper() and ent.ent_id_.startswith(PLACE) else ent.text


def _names_a_thing(span, rule: str) -> bool:
    """ "The February 17 camp", "the November 17 Battalion": a day and month in the name of a thing that is
    no happening, not a date ("the July 25 agreement" is dated)."""
    root, noun = span.root, span.root.head
    if rule not in ("month_day", "day_month") or root.dep_ not in ("nmod", "compound") or noun.i < root.i:
        return False
    if noun.pos_ not in ("NOUN", "PROPN") or names_happening(noun):
        return False
    return any(t.lower_ == "the" for t in noun.lefts)


#: Nouns of time that a month after "of" dates ("the end of February"); after other nouns that name no
#: happening a bare month is a name ("supporters of February and September", of two revolutions).
TIME_NOUNS = {"end", "beginning", "start", "middle", "month", "part", "half", "rest", "course", "week", "days"}


def _month_of_people(span, rule: str) -> bool:
    """ "Supporters of February": a bare month after "of" and a noun that is neither a time nor a happening."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "of February and September"
        root = root.head
    if rule != "bare_month" or root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in TIME_NOUNS and not names_happening(noun)


def _season_in_name(span, rule: str) -> bool:
    """ "The Arab Spring": a capitalised season after a capitalised word inside a sentence is a name."""
    first = span[0]
    return (
        rule == "season"
        and first.text[:1].isupper()
        and first.i > first.sent.start
        and first.nbor(-1).text[:1].isupper()
        and first.nbor(-1).i > first.sent.start
    )


def _in_name(span) -> bool:
    """ "Today" in "USA Today" or "Egypt Today": a word the tagger reads as part of the proper name before it
    (an outlet, a programme), not a day. As a date the word is a common noun, even in a title-case headline."""
    first = span[0]
    return first.tag_ == "NNP" and first.i > first.sent.start and first.nbor(-1).tag_ == "NNP"


def _clause(span):
    """The tokens of the clause an expression belongs to: the subtree of its verb (or of the verb whose
    subject that verb shares: "Haftar launched an offensive to capture Tripoli in April"), without the
    clauses coordinated or embedded in it that have subjects of their own."""
    verb = clause_verb(span.root)
    if verb.pos_ not in ("VERB", "AUX"):
        return {t.i for t in sentence_of(span[0])}
    while not has_subject(verb) and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head.i != verb.i:
        verb = verb.head
    own = {t.i for t in verb.subtree}
    for t in verb.subtree:
        if (
            t.i != verb.i
            and t.pos_ in ("VERB", "AUX")
            and t.dep_ in ("conj", "ccomp", "advcl", "relcl")
            and has_subject(t)
            and span.root.i not in {x.i for x in t.subtree}
        ):
            own -= {x.i for x in t.subtree}
    if verb.dep_ == "relcl":  # "the embargo, which was imposed in 2011": the noun it says something of
        own |= {t.i for t in verb.head.subtree}
    return own


def _pluperfect(span) -> bool:
    """Is the expression's verb in the past perfect ("he had been appointed on 14 March")?"""
    verb = clause_verb(span.root)
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)


def _headline_plan(span) -> bool:
    """A headline's infinitive is what will happen ("Haftar to meet envoy on Friday")."""
    verb = clause_verb(span.root)
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
        found = weekday_year(month, day, weekday, year)
        if found is not None:
            out.setdefault(weekday, dt.date(found, month, day))
    return out


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of ``text`` that holds ``start``..``end``."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def _happening(span, sent, text: str, s_start: int, s_end: int) -> tuple[Happening, int, int]:
    """What the expression dates, and the bounds of its evidence: its sentence or, for the label of a line
    of a dated list ("4 January – The Islamic State seized Bin Jawad"), the whole line, wherever the sentence
    splitter cut it. A line with no verb is a heading, a dateline or a list label: no event."""
    if any(t.pos_ in ("VERB", "AUX") for t in sent):
        return read(span), s_start, s_end
    line_start, line_end = _line(text, span.start_char, span.end_char)
    label = _LIST_LABEL.match(text, span.end_char, line_end)
    if not text[line_start : span.start_char].strip(" *•·-") and label:
        rest = span.doc.char_span(label.end() - 1, line_end, alignment_mode="expand")
        verbs = [t for t in rest or () if t.pos_ in ("VERB", "AUX") and not (rest.start <= t.head.i < rest.end)]
        verbs = verbs or [t for t in rest or () if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"]
        if verbs:
            return read(span, verbs[0]), line_start, line_end
    nominal = read(span)
    if nominal.word is not None:
        return nominal, s_start, s_end
    return Happening(span.root, None, [], [], [], False, span, "heading"), s_start, s_end


def _dateline(text: str, start: int, end: int) -> bool:
    """Is the expression the date of a dateline that opens its line?"""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_BEFORE.fullmatch(text, line_start, start) and _DATELINE_AFTER.match(text, end))


def _depth(token, head) -> int:
    """Steps from ``token`` up to ``head`` in the parse."""
    depth = 0
    while token.i != head.i and token.head.i != token.i and depth < 20:
        token, depth = token.head, depth + 1
    return depth


def _party(heads, mentions: list[dict], doc, refs: References, section: str) -> str:
    """The actor a role of the clause names: the mention nearest the head of its phrase (a demonym names
    its state: "Egyptian jets"; "Haftar's forces" are the body he leads), else the actor a pronoun or
    description there stands for ("his forces": the body he leads). Actors of the knowledge base come before
    names only the statistical NER found; news media, sources of a report, are nobody's actor."""
    kb = load_kb()
    forces = load_lexicon().words("forces")
    for head in heads:
        inside = phrase(head, set(), 100)
        renamed = {t.i for a in head.children if a.dep_ == "appos" for t in a.subtree} - inside  # "X, the envoy"
        found = []
        for m in mentions:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            tokens = [t for t in span or () if t.i in inside | renamed] if span is not None else []
            if not tokens or m["actor"] == "Libya" or kb.kind(m["actor"]) == "media":
                continue
            depth = min(_depth(t, head) for t in tokens)
            led = m["kind"] == "person" and span.root.dep_ == "poss" and span.root.head.lemma_.lower() in forces
            known = kb.kind(m["actor"]) != ""  # the knowledge base's actors before names only the NER found
            actor = (member_of(m["actor"]) if led else "") or m["actor"]
            found.append((not known, tokens[0].i in renamed, depth, m["start"], actor))
        if found:
            return min(found)[4]
        for token in [head, *(c for c in head.children if c.dep_ == "poss")]:
            actor = refs.actor(token, section)
            if actor:
                led = member_of(actor) if token is not head and head.lemma_.lower() in forces else ""
                return led or actor
    return ""


def _named(what: str, happening: Happening, actor1: str) -> str:
    """What happened, with a subject pronoun replaced by the actor it stands for ("it condemns" ->
    "UNSMIL condemns")."""
    subject = happening.subjects[0] if happening.subjects else None
    if actor1 and subject is not None and subject.tag_ == "PRP" and what.startswith(subject.text + " "):
        return actor1 + what[len(subject.text) :]
    return what


def _roles(happening: Happening, mentions: list[dict], doc, refs: References, section: str) -> dict[str, str]:
    """Who acted, on or with whom, who reported it, what happened and its ACLED types; all empty when the
    clause reports no happening."""
    word = happening.word
    if word is None:
        return dict.fromkeys(("actor1", "actor2", "said_by", "what", "event_type", "sub_event_type"), "")
    actor1 = _party(happening.subjects, mentions, doc, refs, section)
    return {
        "actor1": actor1,
        "actor2": _party(happening.objects, mentions, doc, refs, section),
        "said_by": _party(happening.speakers, mentions, doc, refs, section),
        "what": _named(happening.what(), happening, actor1),
        "event_type": word.event_type,
        "sub_event_type": word.sub_event_type,
    }


def _role(happening: Happening, interval, rule: str, actor1: str) -> str:
    if interval.start is None:
        return "undated"
    if interval.planned:
        return "planned"
    if interval.vague:
        return "vague"
    if happening.role == "event" and rule == "year":
        return "year alone"  # a bare year ("in 2011"): background, too coarse for the chronology
    if happening.role == "event" and happening.kind == "statement" and not actor1:
        return "background"  # what a source said ("medics said", "Reuters reported"): no party spoke
    return happening.role


def _section_rows(
    article, section: str, doc, mentions: list[dict], base: Context, state: dict, refs: References
) -> list[dict]:
    """Dated expressions of one section (title or body) of an article."""
    text = text_of(doc)
    headings = _headings(text) if section == "body" else []
    sentence_number = sentence_ids(doc)
    ents = ents_by_sentence(doc)
    own = sorted((m for m in mentions if m["section"] == section), key=lambda m: m["start"])
    starts = [m["start"] for m in own]
    rows = []
    pos = 0
    found_all = []  # expressions are found paragraph by paragraph, whatever the sentence splitter did
    for paragraph in text.split(PARAGRAPH_BREAK):
        found_all += [(pos, f) for f in find(paragraph)]
        pos += len(paragraph) + len(PARAGRAPH_BREAK)
    for offset, f in found_all:
        start, end = offset + f.start, offset + f.end
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (f.rule == "deictic" and _in_name(span)) or _names_a_thing(span, f.rule):
            continue
        if _month_of_people(span, f.rule) or _season_in_name(span, f.rule):
            continue
        sentence_id = sentence_number[span[0].i]
        sent = sentences(doc)[sentence_id]
        happening, s_start, s_end = _happening(span, sent, text, *sentence_span(sent))
        if happening.word is not None and not happening.reported and _dateline(text, start, end):
            happening = replace(happening, reported=True)
        s_end = max(s_end, end)
        in_line = own[bisect.bisect_left(starts, s_start) : bisect.bisect_left(starts, s_end)]
        in_sentence = _parties(in_line)
        places = _places(ents[sentence_id])
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
        if interval.planned and happening.aim is not None:
            happening = happening.aim  # "agreed to hold elections next spring": the date is the elections'
        if interval.start is not None and not interval.vague and happening.role not in ("duration", "incumbency"):
            state["reference"] = interval  # the story's time; not the start of a period up to now ("since August 1")
        clause = _clause(span) | ({t.i for t in happening.predicate.subtree} if happening.word else set())
        roles = _roles(happening, in_line, doc, refs, section)
        actors = sorted(
            {
                m["actor"]
                for m in in_sentence
                if doc.char_span(m["start"], m["end"], alignment_mode="expand").root.i in clause
            }
        )
        near = [e for e in places if e.root.i in clause] or places
        place = _place_name(min(near, key=lambda e: abs(e.start_char - start))) if near else ""
        dates = {
            "expression": text[start:end],
            "date_start": interval.start.isoformat() if interval.start else "",
            "date_end": interval.end.isoformat() if interval.end else "",
            "precision": interval.precision,
            "anchor": interval.anchor,
            "anchor_source": interval.anchor_source,
            "rule": f.rule + (f" ({interval.note})" if interval.note else ""),
            "planned": bool(interval.planned),
            "vague": bool(interval.vague),
        }
        role = _role(happening, interval, f.rule, roles["actor1"])
        where = (sentence_id, start, end)
        rows.append(_row(article, section, where, dates, role, happening, roles, text[s_start:s_end], actors, place))
    return _coordinated(rows, text)


def _row(
    article,
    section: str,
    where: tuple,
    dates: dict,
    role: str,
    happening,
    roles: dict,
    evidence: str,
    actors,
    place: str,
) -> dict:
    """One row of events.csv: where its expression is (``where``: sentence, start, end), its dates
    (``dates``: expression to vague), its role, and what the happening it dates gives."""
    sentence_id, start, end = where
    return {
        "article_id": article.article_id,
        "section": section,
        "sentence_id": sentence_id,
        "start": start,
        "end": end,
        **dates,
        "role": role,
        "reported": happening.reported,
        "said_by": roles["said_by"],
        "what": roles["what"],
        "actor1": roles["actor1"],
        "actor2": roles["actor2"],
        "evidence": evidence,
        "actors": ";".join(actors),
        "kind": happening.kind,
        "says": happening.says,
        "event_type": roles["event_type"],
        "sub_event_type": roles["sub_event_type"],
        "location": place,
    }


def _coordinated(rows: list[dict], text: str) -> list[dict]:
    """Two dates of one happening that follow each other, coordinated in one clause ("IS struck the
    checkpoints on Wednesday and Thursday"), are one report over both days: one row whose expression
    spans them. Dates apart ("on Monday and Thursday") stay two rows."""
    out: list[dict] = []
    for row in rows:
        last = out[-1] if out else None
        if (
            last is not None
            and last["role"] == row["role"] == "event"
            and last["sentence_id"] == row["sentence_id"]
            and last["precision"] == row["precision"]
            and (last["what"], last["kind"]) == (row["what"], row["kind"])
            and _AND.fullmatch(text, last["end"], row["start"])
            and dt.date.fromisoformat(last["date_end"]) + dt.timedelta(days=1)
            == dt.date.fromisoformat(row["date_start"])
        ):
            out[-1] = {
                **last,
                "end": row["end"],
                "expression": text[last["start"] : row["end"]],
                "date_end": row["date_end"],
                "precision": "range",
                "rule": f"{last['rule']} and {row['rule']}",
            }
            continue
        out.append(row)
    return out


def _headline_row(article, doc, section: str, mentions: list[dict], refs: References, day: str) -> dict | None:
    """The happening a headline (or the lede, ``section`` body) reports with no date of its own, dated by the
    publication day as a report (it happened on or in the days before): news is of the day it is published.
    ``expression`` is empty."""
    happening = headline(doc)
    if happening is None:
        return None
    happening = replace(happening, reported=True)  # dated by its publication: it happened on or before
    sent = sentence_of(happening.predicate)
    sentence_id = sentence_ids(doc)[sent.start]
    s_start, s_end = sentence_span(sent)
    own = [m for m in mentions if m["section"] == section and s_start <= m["start"] < s_end]
    roles = _roles(happening, own, doc, refs, section)
    if happening.kind == "statement" and not roles["actor1"]:
        return None  # "Report", "Officials say ...": no party spoke
    places = _places(ents_by_sentence(doc)[sentence_id])
    actors = sorted({m["actor"] for m in _parties(own)})
    dates = {
        "expression": "",
        "date_start": day,
        "date_end": day,
        "precision": "day",
        "anchor": day,
        "anchor_source": "publication",
        "rule": "headline (the publication day)",
        "planned": False,
        "vague": False,
    }
    where = (sentence_id, s_start, s_end)
    place = _place_name(places[0]) if places else ""
    return _row(article, section, where, dates, "event", happening, roles, text_of(doc)[s_start:s_end], actors, place)


def article_chronology(article, body_doc, mentions: list[dict], title_doc=None) -> list[dict]:
    """Dated expressions of one article's title and body."""
    base = Context(
        published=published_period(article.published),
        published_text=article.published,
        section_year=_title_year(article.title),
        weekdays=_weekday_dates(text_of(body_doc), article.published),
    )
    state: dict = {}
    refs = References(mentions)
    rows = _section_rows(article, "title", title_doc, mentions, base, {}, refs) if title_doc is not None else []
    rows += _section_rows(article, "body", body_doc, mentions, base, state, refs)
    day = base.day
    if title_doc is not None and day is not None and not any(r["role"] == "event" for r in rows):
        # an article that dates no happening of its own: its headline is the news of its day
        row = _headline_row(article, title_doc, "title", mentions, refs, day.isoformat())
        if row is None and not rows:  # an unread headline ("Haftar Held A Video Call") of a dateless text: the lede
            row = _headline_row(article, body_doc, "body", mentions, refs, day.isoformat())
        rows = ([row] if row is not None else []) + rows
    return rows
