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
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    if not determiners & {"the", "this", "that", "his", "its", "their"}:
        return None
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
        self._named: dict[str, list[tuple[int, str, str]]] = {}
        counts: Counter = Counter()
        for m in mentions:
            if m["form"] == "demonym" or m["actor"] == "Libya":
                continue
            kind = kb.kind(m["actor"]) or m["kind"]
            self._named.setdefault(m["section"], []).append((m["start"], m["actor"], kind))
            counts[m["actor"], kind] += 1
        for rows in self._named.values():
            rows.sort()
        self._most = {kind: actor for (actor, kind), _ in reversed(counts.most_common())}

    def actor(self, token, section: str) -> str:
        """The actor ``token`` stands for, or ``""`` when it is no reference word or nothing fits."""
        ref = _word(token)
        if ref is None:
            return ""
        if ref.choice == "most":
            return next((self._most[k] for k in sorted(ref.kinds) if k in self._most), "")
        named = self._named.get(section, [])
        at = bisect.bisect_left(named, (token.idx, "", ""))
        for _, actor, kind in reversed(named[:at]):
            if kind in ref.kinds:
                return actor
        return ""
