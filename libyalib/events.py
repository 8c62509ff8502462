"""The chronology: every dated expression in the articles, and the events they reconcile into."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .kb import PLACE, load_kb
from .mentions import article_mentions
from .nlp import iter_docs, sentence_span
from .temporal import find, is_future, resolve

COLUMNS = ["article_id", "sentence_id", "start", "end", "expression", "date_start", "date_end", "precision", "anchor",
           "anchor_source", "rule", "planned", "evidence", "actors", "kind", "location"]
KINDS = ("election", "agreement", "military action", "meeting", "statement", "other")
TRIGGERS = {
    "election": {"election", "elections", "vote", "ballot", "electoral", "poll", "polls"},
    "agreement": {"agreement", "accord", "deal", "agree", "sign", "ceasefire", "roadmap", "plan"},
    "military action": {"offensive", "attack", "strike", "fight", "fighting", "clash", "kill", "shoot", "siege",
                        "assault", "battle", "capture", "operation", "airstrike", "bomb", "escalation", "war", "overrun",
                        "expel", "drone", "launch", "deploy", "uprising", "revolution", "overthrow", "revolt", "coup",
                        "intervention", "insurgency", "raid", "shell", "shelling", "overran"},
    "meeting": {"meet", "meeting", "talk", "talks", "visit", "host", "summit", "conference", "delegation", "travel",
                "trip", "discuss"},
    "statement": {"say", "announce", "statement", "urge", "call", "tweet", "claim", "condemn", "pledge", "tell", "warn",
                  "accuse", "confirm", "deny"},
}
_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "season": 3, "half": 4, "year": 5}


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
    plain = [t for t in span.sent if not t.ent_type_]  # not "Accord" in "Government of National Accord"
    lemmas = {t.lemma_.lower() for t in plain} | {t.lower_ for t in plain}
    return next((kind for kind, words in TRIGGERS.items() if lemmas & words), "other")


def _state_as_place(ent) -> bool:
    """A state named as where something happened ("the general was in Tunisia on Monday")."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in ("in", "at") and load_kb().kind(ent.ent_id_) == "state"


def _narrative_years(found_all) -> list[tuple[int, int]]:
    """(offset, year) of every explicit year in an article, for texts without a publication date."""
    return [(f.start, int(f.groups["year"])) for f in found_all if "year" in f.groups]


def _nearest_year(years: list[tuple[int, int]], offset: int) -> int | None:
    before = [y for o, y in years if o < offset]
    if before:
        return before[-1]
    after = [y for o, y in years if o > offset]
    return after[0] if after else None


def article_chronology(article, body_doc, mentions: list[dict]) -> list[dict]:
    """Dated expressions of one article's body."""
    published = dt.date.fromisoformat(article.published) if article.published_precision == "day" else None
    body = body_doc.text
    years = _narrative_years(find(body)) if published is None else []
    rows = []
    for sentence_id, sent in enumerate(body_doc.sents):
        s_start, s_end = sentence_span(sent)
        text = body[s_start:s_end]
        actors = sorted({m["actor"] for m in mentions if m["section"] == "body" and m["sentence_id"] == sentence_id
                         and m["form"] != "demonym" and m["actor"] != "Libya"})
        places = [e for e in sent.ents if e.ent_id_.startswith(PLACE) or _state_as_place(e)]
        for f in find(text):
            start, end = s_start + f.start, s_start + f.end
            future = is_future(text[:f.start])
            interval = resolve(f, published, _nearest_year(years, start) if published is None else None, future)
            span = body_doc.char_span(start, end, alignment_mode="expand")
            place = min(places, key=lambda e: abs(e.start_char - start)).text if places else ""
            rows.append({
                "article_id": article.article_id, "sentence_id": sentence_id, "start": start, "end": end,
                "expression": f.text,
                "date_start": interval.start.isoformat() if interval.start else "",
                "date_end": interval.end.isoformat() if interval.end else "",
                "precision": interval.precision, "anchor": interval.anchor, "anchor_source": interval.anchor_source,
                "rule": f.rule + (f" ({interval.note})" if interval.note else ""),
                "planned": bool(interval.planned), "evidence": text, "actors": ";".join(actors),
                "kind": _kind(span) if span is not None else "other", "location": place,
            })
    return rows


def chronology(corpus) -> pd.DataFrame:
    """One row per temporal expression in the bodies of ``corpus``, resolved to an interval."""
    rows = []
    for article, title_doc, body_doc in iter_docs(corpus):
        mentions = article_mentions(article.article_id, article.published, title_doc, body_doc)
        rows.extend(article_chronology(article, body_doc, mentions))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "planned": "bool"})


def _shared(a, b) -> set[str]:
    return set(filter(None, a.actors.split(";"))) & set(filter(None, b.actors.split(";")))


def _close_days(a, b) -> bool:
    """Two days at most a week apart, naming two of the same actors and the same place: one event the
    articles date differently."""
    return (a.precision == b.precision == "day" and a.location == b.location != "" and len(_shared(a, b)) >= 2
            and abs((dt.date.fromisoformat(a.date_start) - dt.date.fromisoformat(b.date_start)).days) <= 7)


def reconcile(events: pd.DataFrame, year_range: tuple[int, int] | None = None) -> pd.DataFrame:
    """Group rows that refer to one event into a reconciled chronology.

    Each event gets the tightest interval consistent with all its rows (their intersection), the articles
    and expressions that report it, and ``disagreement`` when articles give days that cannot all be true
    (the event then spans the days given).
    Planned events and durations are left out; ``year_range`` keeps events that touch those years.
    """
    rows = events[(events.date_start != "") & ~events.planned].reset_index(drop=True)
    if year_range:
        rows = rows[(rows.date_end.str[:4].astype(int) >= year_range[0]) &
                    (rows.date_start.str[:4].astype(int) <= year_range[1])].reset_index(drop=True)
    # Finest rows first; a row joins the first group of its kind that shares an actor (or, in the same
    # article, the same interval) and stays consistent with it, or that it contradicts by a few days.
    order = sorted(rows.itertuples(), key=lambda r: (_PRECISION_ORDER[r.precision], r.date_start, r.Index))
    groups: list[dict] = []
    for r in order:
        for g in groups:
            if g["kind"] != r.kind or r.kind == "other":
                continue
            related = any(_shared(r, m) or (m.article_id == r.article_id and (m.date_start, m.date_end) ==
                                            (r.date_start, r.date_end)) for m in g["members"])
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
            groups.append({"kind": r.kind, "start": r.date_start, "end": r.date_end, "disagreement": False, "members": [r]})
    out = []
    for g in groups:
        members = sorted(g["members"], key=lambda m: (m.article_id, m.start))
        disagreement = g["disagreement"]
        start, end = g["start"], g["end"]
        if disagreement:
            start, end = min(m.date_start for m in members), max(m.date_end for m in members)
        tightest = min(members, key=lambda m: (_PRECISION_ORDER[m.precision],
                                               dt.date.fromisoformat(m.date_end) - dt.date.fromisoformat(m.date_start)))
        out.append({
            "date_start": start, "date_end": end,
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
        })
    frame = pd.DataFrame(out, columns=["date_start", "date_end", "precision", "kind", "actors", "location", "articles",
                                       "n_articles", "expressions", "disagreement", "dates_given", "evidence"])
    return frame.sort_values(["date_start", "date_end", "kind", "articles"], kind="stable").reset_index(drop=True)
