"""The actor knowledge base (``libyalib/data/*.csv``): canonical actors, aliases, dated aliases, demonyms."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pandas as pd

from ..paths import DATA

FILES = ("actors.csv", "dated_aliases.csv", "dated_sides.csv", "demonyms.csv", "places.csv")
SIDES = ("haftar_camp", "tripoli_camp", "other", "none")
#: spaCy entity labels given to knowledge-base matches, by kind.
LABELS = {"person": "PERSON", "state": "GPE"}
DATED = "dated:"  # entity-id prefix of an alias resolved by date
DEMONYM = "demonym:"  # entity-id prefix of a demonym
PLACE = "place:"  # entity-id prefix of a place (not an actor; a location for the chronology)


@dataclass(frozen=True)
class KnowledgeBase:
    actors: pd.DataFrame  # indexed by canonical name
    dated: pd.DataFrame
    dated_sides: pd.DataFrame
    demonyms: pd.DataFrame
    places: pd.DataFrame
    version: str

    def name_patterns(self) -> list[dict]:
        """EntityRuler patterns of every actor's name and aliases (those resolved by date excepted)."""
        dated = set(self.dated.alias)
        out = []
        for name, row in self.actors.iterrows():
            label = LABELS.get(row.kind, "ORG")
            for alias in dict.fromkeys([name, *row.aliases]):
                if alias and alias not in dated:
                    out.append({"label": label, "pattern": alias, "id": name})
        return out

    def context_patterns(self, make_doc=None) -> list[dict]:
        """Patterns that give way to an overlapping name: dated aliases (any case), demonyms and places.

        "The Tripoli-based Government of National Accord" is the GNA by name, not a dated alias.
        """
        out = []
        for alias in sorted(set(self.dated.alias)):
            tokens = [t.text for t in make_doc(alias)] if make_doc else alias.split()
            out.append({"label": "ORG", "id": DATED + alias, "pattern": [_any_spelling(t) for t in tokens]})
        for row in self.demonyms.itertuples():
            out.append({"label": "NORP", "pattern": row.demonym, "id": DEMONYM + row.state})
            out.append({"label": "NORP", "pattern": row.demonym + "s", "id": DEMONYM + row.state})
        for row in self.places.itertuples():
            for spelling in dict.fromkeys([row.place, row.place.upper()]):  # "TRIPOLI, April 4 (Reuters) -"
                out.append(
                    {
                        "label": "GPE" if row.kind in ("city", "town") else "LOC",
                        "pattern": spelling,
                        "id": PLACE + row.place,
                    }
                )
        return out

    def resolve_dated(self, alias: str, day: str) -> str | None:
        """The actor ``alias`` meant on ``day`` (ISO, ``YYYY-MM`` or ``YYYY``); ``None`` if unknown."""
        if not day:
            return None
        hits = {actor for actor, start, end in self._dated.get(alias.lower(), ()) if _within(day, start, end)}
        return hits.pop() if len(hits) == 1 else None

    def side(self, actor: str, day: str = "") -> str:
        """The actor's camp, on ``day`` (ISO, ``YYYY-MM`` or ``YYYY``) where a dated side applies."""
        if day:
            for side, start, end in self._dated_sides.get(actor, ()):
                if _within(day, start, end):
                    return side
        return self._column("side").get(actor, "")

    def kind(self, actor: str) -> str:
        return self._column("kind").get(actor, "")

    def country(self, actor: str) -> str:
        return self._column("country").get(actor, "")

    def _column(self, name: str) -> dict[str, str]:
        return self._columns[name]

    @cached_property
    def _columns(self) -> dict[str, dict[str, str]]:  # plain dicts: looked up for every token of every article
        return {name: self.actors[name].to_dict() for name in ("side", "kind", "country")}

    @cached_property
    def _dated(self) -> dict[str, list[tuple[str, str, str]]]:
        out: dict[str, list] = {}
        for r in self.dated.itertuples():
            out.setdefault(r.alias.lower(), []).append((r.actor, r.valid_from, r.valid_to))
        return out

    @cached_property
    def _dated_sides(self) -> dict[str, list[tuple[str, str, str]]]:
        out: dict[str, list] = {}
        for r in self.dated_sides.itertuples():
            out.setdefault(r.actor, []).append((r.side, r.valid_from, r.valid_to))
        return out

    def stands_for(self, place: str) -> str:
        """The state a foreign capital stands for as the subject of a verb ("Moscow denies"), else ``""``."""
        return self._capitals.get(place, "")

    @cached_property
    def _capitals(self) -> dict[str, str]:
        return dict(zip(self.places.place, self.places.stands_for, strict=False))

    def place_key(self, location: str) -> str:
        """A place's name for matching: "Al-Watiya", "al Watiya" and "Watiya" are one, and so are the
        spellings ``places.csv`` gives of one place (rows with one source: "Misrata" and "Misurata")."""
        key = _matching_form(location)
        return self._spellings.get(key, key)

    @cached_property
    def _spellings(self) -> dict[str, str]:
        first: dict[str, str] = {}
        for row in self.places.itertuples():
            first.setdefault(row.source or row.place, _matching_form(row.place))
        return {_matching_form(row.place): first[row.source or row.place] for row in self.places.itertuples()}


def _matching_form(location: str) -> str:
    """Letters only, lower case, without an article prefix ("Al-Watiya" -> "watiya")."""
    name = re.sub(r"[^a-z]", "", location.lower())
    return re.sub(r"^(?:al|el|ad|as|az|ar)(?=[a-z]{4})", "", name)


def _within(day: str, start: str, end: str) -> bool:
    """Is ``day`` (at its own precision) inside the inclusive interval ``start``..``end`` (empty = open)?"""
    return (not start or start[: len(day)] <= day) and (not end or day <= end[: len(day)])


def _any_spelling(token: str) -> dict:
    """Token pattern matching ``token`` in any case and in British or American spelling."""
    lower = token.lower()
    if "recognised" in lower or "recognized" in lower:
        return {"LOWER": {"IN": [lower.replace("recognized", "recognised"), lower.replace("recognised", "recognized")]}}
    return {"LOWER": lower}


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """Read and check the knowledge base; ``version`` is a hash of its files."""
    digest = hashlib.sha256()
    for name in FILES:
        digest.update((DATA / name).read_bytes())
    actors = pd.read_csv(DATA / "actors.csv", keep_default_na=False, dtype=str)
    actors["aliases"] = actors.aliases.map(lambda s: [a.strip() for a in s.split(";") if a.strip()])
    if actors.name.duplicated().any():
        raise ValueError(f"actors.csv: duplicate names {sorted(actors.name[actors.name.duplicated()])}")
    bad = actors[~actors.side.isin(SIDES)]
    if len(bad):
        raise ValueError(f"actors.csv: unknown side for {bad.name.tolist()}")
    dated = pd.read_csv(DATA / "dated_aliases.csv", keep_default_na=False, dtype=str)
    dated_sides = pd.read_csv(DATA / "dated_sides.csv", keep_default_na=False, dtype=str)
    demonyms = pd.read_csv(DATA / "demonyms.csv", keep_default_na=False, dtype=str)
    places = pd.read_csv(DATA / "places.csv", keep_default_na=False, dtype=str)
    if not dated_sides.side.isin(SIDES).all():
        raise ValueError("dated_sides.csv: unknown side")
    for frame, column, file in (
        (dated, "actor", "dated_aliases.csv"),
        (dated_sides, "actor", "dated_sides.csv"),
        (demonyms, "state", "demonyms.csv"),
        (places[places.stands_for != ""], "stands_for", "places.csv"),
    ):
        missing = set(frame[column]) - set(actors.name)
        if missing:
            raise ValueError(f"{file}: not in actors.csv: {sorted(missing)}")
    return KnowledgeBase(actors.set_index("name"), dated, dated_sides, demonyms, places, digest.hexdigest()[:16])


def member_of(actor: str) -> str:
    """The body ``actor`` leads or serves (``""`` if none is recorded)."""
    return load_kb().actors.member_of.get(actor, "")
