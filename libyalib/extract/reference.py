"""Who a pronoun or a description stands for: "he", "his forces", "the general", "the government".

A pronoun or a definite description stands for the last actor of a compatible kind named before it in the
same section of the article; a title used as a name ("the commander", "the field marshal") for the person
the article names most. The words, the kinds of actor they can stand for and the choice are data
(``data/references.csv``). This is the rule-based resolution of the classic syntactic approaches (Hobbs,
1978; Lappin & Leass, 1994) cut to what news about the conflict needs: the last compatible named actor.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..nlp.kb import load_kb
from ..paths import DATA
from .deppath import clause_verb

PLURAL = {"they", "them", "their"}


def _root(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _coordinated(doc, named: list, n: int, kinds) -> list[str]:
    """The actor named at ``named[n]`` and those coordinated with it ("Egypt and Sudan")."""
    root = _root(doc, named[n][0], named[n][1])
    if root is None:
        return [named[n][2]]
    group = {root.i, *(t.i for t in root.conjuncts)}
    out = [a for s, e, a, k in named if k in kinds and (r := _root(doc, s, e)) is not None and r.i in group]
    return list(dict.fromkeys(out)) or [named[n][2]]


@dataclass(frozen=True)
class Reference:
    word: str
    pos: str  # pronoun or noun
    kinds: frozenset
    choice: str  # last (named before it) or most (named most in the article)


@lru_cache(maxsize=1)
def references() -> dict[str, Reference]:
    table = pd.read_csv(DATA / "references.csv", keep_default_na=False, dtype=str)
    return {r.word: Reference(r.word, r.pos, frozenset(r.refers_to.split(";")), r.choice) for r in table.itertuples()}


def _word(token) -> Reference | None:
    """The reference word a token is: a pronoun, or the head of a definite description ("the general",
    "the field marshal"; not "a general", not "Gen. Haftar")."""
    refs = references()
    lower = token.lower_
    if token.tag_ in ("PRP", "PRP$"):
        ref = refs.get(lower)
        return ref if ref is not None and ref.pos == "pronoun" else None
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_:
        return None
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    if not determiners & {"the", "this", "that"} or any(c.dep_ == "poss" for c in token.children):
        return None  # "the general", not "a general"; "its militias" are what "its" stands for
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
    for key in [f"{m} {token.lemma_.lower()}" for m in modifiers] + [token.lemma_.lower(), lower]:
        ref = refs.get(key)
        if ref is not None and ref.pos == "noun":
            return ref
    return None


class References:
    """The actors an article names, in order, to resolve its pronouns and descriptions against."""

    def __init__(self, mentions: list[dict]):
        kb = load_kb()
        self._named: dict[str, list[tuple[int, int, str, str]]] = {}
        counts: Counter = Counter()
        for m in mentions:
            if m["form"] == "demonym" or m["actor"] == "Libya":
                continue
            kind = kb.kind(m["actor"]) or m["kind"]
            self._named.setdefault(m["section"], []).append((m["start"], m["end"], m["actor"], kind))
            counts[m["actor"], kind] += 1
        for rows in self._named.values():
            rows.sort()
        self._most = {kind: actor for (actor, kind), _ in reversed(counts.most_common())}

    def actor(self, token, section: str) -> str:
        """The actor ``token`` stands for, or ``""`` when it is no reference word or nothing fits."""
        found = self.actors(token, section)
        return found[0] if found else ""

    def actors(self, token, section: str) -> list[str]:
        """The actors ``token`` stands for: one, or, for a plural pronoun whose antecedent is a coordination
        ("Egypt and Sudan ... their"), each actor of it."""
        ref = _word(token)
        if ref is None:
            return []
        if ref.choice == "most":
            return [self._most[k] for k in sorted(ref.kinds) if k in self._most][:1]
        named = self._named.get(section, [])
        if ref.pos == "pronoun" and token.lower_ not in ("he", "she", "they", "it"):
            bound = self._subject(token, named, ref.kinds)
            if bound:
                return [bound]  # "Haftar, a former ally of Gaddafi, draws his backing from ...": Haftar's
        at = bisect.bisect_left(named, (token.idx,))
        for n in range(at - 1, -1, -1):
            if named[n][3] in ref.kinds:
                return _coordinated(token.doc, named, n, ref.kinds) if token.lower_ in PLURAL else [named[n][2]]
        return []

    def _subject(self, token, named: list, kinds) -> str:
        """The actor a possessive or object pronoun is bound to: the subject of its clause, when that names a
        compatible actor (through a relative pronoun to the noun it stands for)."""
        verb = clause_verb(token)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i == token.i:
            return ""
        if subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            subject = verb.head
        for start, end, actor, kind in named:
            if start <= subject.idx < end and kind in kinds:
                return actor
        return ""
