"""The lexicon of backing: cue words and the path shapes that give the parties their roles (data files).

``data/cues.csv`` lists words by class (cues of backing, verbs of saying and denying, nouns that stand for
the party modifying them, support types); ``data/roles.csv`` lists, per cue class, the shapes of the
dependency path from the cue to a party (see :mod:`libyalib.extract.deppath`) and the role they give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..paths import DATA

#: The support types of the UCDP External Support Dataset (Uppsala Conflict Data Program), in its order.
SUPPORT_TYPES = (
    "troops as a secondary warring party",
    "access to territory",
    "access to military or intelligence infrastructure",
    "weapons",
    "materiel and logistics",
    "training and expertise",
    "funding and economic support",
    "intelligence",
    "other",
    "unknown",
)
#: Classes of cue words, each with its own path shapes in ``roles.csv``.
CUE_CLASSES = (
    "support",
    "invest",
    "recognise",
    "provide",
    "fight",
    "joint",
    "agent",
    "aid",
    "in_support",
    "nominal",
    "behalf",
    "goods",
    "depend",
)
ROLES = ("backer", "backed", "partner")


@dataclass(frozen=True, eq=False)
class Lexicon:
    cues: pd.DataFrame
    roles: pd.DataFrame
    by_class: dict  # class -> frozenset of lemmas
    cue_index: dict  # (lemma, pos, governing preposition) -> cue class
    type_index: dict  # (lemma, pos) -> support type
    patterns: dict  # cue class -> [(compiled shape, role)]

    def words(self, cls: str) -> frozenset[str]:
        """Lemmas of one class (any part of speech)."""
        return self.by_class.get(cls, frozenset())

    def cue_class(self, token) -> str:
        """The class of ``token`` as a cue of backing, or ``""``; a noun governed by a preposition may
        have a class of its own ("in support of")."""
        lemma, pos = token.lemma_.lower(), _pos(token)
        governed = token.head.lower_ if token.dep_ == "pobj" else ""
        return self.cue_index.get((lemma, pos, governed)) or self.cue_index.get((lemma, pos, ""), "")

    def support_type(self, token) -> str:
        """The support type a word names (``""`` for none)."""
        return self.type_index.get((token.lemma_.lower(), _pos(token)), "")

    def role(self, cls: str, shape: str) -> str:
        """The role a path shape gives in a cue class (``""`` for none): the shape with verb classes
        (``^dobj[receive]>nsubj``) is tried first, then without them."""
        for text in dict.fromkeys((shape, re.sub(r"\[\w+\]", "", shape))):
            for pattern, role in self.patterns.get(cls, ()):
                if pattern.fullmatch(text):
                    return role
        if shape.endswith(">poss") and self.role(cls, shape[: -len(">poss")]) == "backed":
            return "backed"  # the possessor of what is backed: "support for Haftar's war"
        return ""


def _pos(token) -> str:
    pos = token.pos_
    if pos == "PROPN":
        return "NOUN"
    if pos == "AUX":
        return "VERB"
    if token.tag_ == "VBN" and pos == "ADJ":  # "armed", "backed" tagged as adjectives
        return "VERB"
    if pos in ("ADV", "ADP", "ADJ", "NOUN") and {"nsubj", "dobj"} <= {c.dep_ for c in token.children}:
        return "VERB"  # it has a subject and an object, whatever its tag: "Turkey and Russia back the GNA"
    return pos


def _compile(shape: str) -> re.Pattern:
    """``^*`` stands for any number of up steps; everything else is literal."""
    parts = re.split(r"(\^\*)", shape)
    return re.compile("".join(r"(?:\^[^>^]+)*" if p == "^*" else re.escape(p) for p in parts))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and check ``cues.csv`` and ``roles.csv``."""
    cues = pd.read_csv(DATA / "cues.csv", keep_default_na=False, dtype=str)
    roles = pd.read_csv(DATA / "roles.csv", keep_default_na=False, dtype=str)
    bad = sorted(set(cues.support_type) - set(SUPPORT_TYPES) - {""})
    if bad:
        raise ValueError(f"cues.csv: unknown support types {bad}")
    if not roles["class"].isin(CUE_CLASSES).all() or not roles.role.isin(ROLES).all():
        raise ValueError("roles.csv: unknown class or role")
    missing = set(CUE_CLASSES) - set(roles["class"])
    if missing:
        raise ValueError(f"roles.csv: no shapes for {sorted(missing)}")
    by_class = {cls: frozenset(group.word) for cls, group in cues.groupby("class")}
    cue_index: dict = {}
    for r in cues[cues["class"].isin(CUE_CLASSES)].itertuples():  # the first class listed for a word wins
        cue_index.setdefault((r.word, r.pos, r.governed_by), r._3)
    type_index: dict = {}
    for r in cues[cues.support_type != ""].itertuples():
        type_index.setdefault((r.word, r.pos), r.support_type)
    patterns: dict = {}
    for r in roles.itertuples():
        patterns.setdefault(r._1, []).append((_compile(r.shape), r.role))
    return Lexicon(cues, roles, by_class, cue_index, type_index, patterns)
