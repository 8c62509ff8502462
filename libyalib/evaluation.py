"""Precision and recall of extracted rows against the hand-written expectations in ``tests/expected/``."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .paths import ROOT

EXPECTED = ROOT / "tests" / "expected"
#: Articles written for the tests in the styles of other outlets, with their own expectations.
FURTHER = ROOT / "tests" / "further"
#: The columns that identify a claim and a dated expression when rows are matched.
BACKER_KEYS = ["article_id", "backer", "backed", "stance", "claimed_by"]
EVENT_KEYS = ["article_id", "expression", "date_start", "date_end"]


@dataclass
class Score:
    """How extracted rows compare with the expected ones, on the given key columns."""

    table: str
    expected: int
    extracted: int
    matched: int
    missed: pd.DataFrame  # expected rows not extracted
    spurious: pd.DataFrame  # extracted rows not expected

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def expected(name: str, folder: Path = EXPECTED) -> pd.DataFrame:
    """The hand-written expectations ``<name>.csv`` (for the seeds unless another folder is given)."""
    return pd.read_csv(folder / f"{name}.csv", keep_default_na=False, dtype=str)


def score(table: str, extracted: pd.DataFrame, wanted: pd.DataFrame, keys: list[str]) -> Score:
    """Match rows on ``keys`` as multisets (a claim made twice must be found twice)."""
    def keyed(frame):
        frame = frame[keys].astype(str).copy()
        frame["_n"] = frame.groupby(keys).cumcount()
        return frame

    got, want = keyed(extracted), keyed(wanted)
    merged = want.merge(got, on=keys + ["_n"], how="outer", indicator=True)
    return Score(table, len(want), len(got), int((merged._merge == "both").sum()),
                 merged[merged._merge == "left_only"][keys].reset_index(drop=True),
                 merged[merged._merge == "right_only"][keys].reset_index(drop=True))


def score_counts(mentions: pd.DataFrame, wanted: pd.DataFrame) -> Score:
    """Hand-counted mentions per (article, actor) against the extracted ones (demonyms not counted).

    Only the actors that were counted by hand are compared; a mention is matched while the extracted count
    does not exceed the hand count.
    """
    kept = mentions[mentions.form != "demonym"]
    got = kept.groupby(["article_id", "actor"]).size()
    rows = []
    for w in wanted.itertuples():
        n_got = int(got.get((w.article_id, w.actor), 0))
        rows.append((w.article_id, w.actor, int(w.count), n_got))
    frame = pd.DataFrame(rows, columns=["article_id", "actor", "expected", "extracted"])
    matched = int(frame[["expected", "extracted"]].min(axis=1).sum())
    off = frame[frame.expected != frame.extracted]
    return Score("mentions", int(frame.expected.sum()), int(frame.extracted.sum()), matched,
                 off[off.expected > off.extracted].reset_index(drop=True),
                 off[off.extracted > off.expected].reset_index(drop=True))


def scores_table(scores: list[Score]) -> pd.DataFrame:
    """One row per table: counts, precision and recall."""
    return pd.DataFrame([{"table": s.table, "expected": s.expected, "extracted": s.extracted, "matched": s.matched,
                          "precision": round(s.precision, 3), "recall": round(s.recall, 3)} for s in scores])


def evaluate(corpus, folder: Path = EXPECTED) -> list[Score]:
    """Mentions, backers and dated expressions of ``corpus`` scored against the expectations in ``folder``."""
    from .backers import foreign_backers
    from .events import chronology
    from .mentions import actor_mentions

    return [
        score_counts(actor_mentions(corpus), expected("mentions", folder)),
        score("backers", foreign_backers(corpus), expected("backers", folder), BACKER_KEYS),
        score("events", chronology(corpus), expected("events", folder), EVENT_KEYS),
    ]
