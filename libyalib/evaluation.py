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
    return Score(
        table,
        len(want),
        len(got),
        int((merged._merge == "both").sum()),
        merged[merged._merge == "left_only"][keys].reset_index(drop=True),
        merged[merged._merge == "right_only"][keys].reset_index(drop=True),
    )


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
    return Score(
        "mentions",
        int(frame.expected.sum()),
        int(frame.extracted.sum()),
        matched,
        off[off.expected > off.extracted].reset_index(drop=True),
        off[off.extracted > off.expected].reset_index(drop=True),
    )


def seed_score_line(table: str, extracted: pd.DataFrame, corpus_path) -> str:
    """Precision and recall of ``extracted`` against the seeds' expectations, as one line; for another
    corpus, that there are none."""
    from .paths import is_seeds

    if not is_seeds(corpus_path):
        return "no hand-written expectations for this corpus"
    keys = {"backers": BACKER_KEYS, "events": EVENT_KEYS}[table]
    s = score(table, extracted, expected(table), keys)
    return (
        f"precision {s.precision:.2f}, recall {s.recall:.2f} ({s.matched} of {s.expected} expected, "
        f"{s.extracted} extracted)"
    )


def scores_table(scores: list[Score]) -> pd.DataFrame:
    """One row per table: counts, precision and recall."""
    return pd.DataFrame(
        [
            {
                "table": s.table,
                "expected": s.expected,
                "extracted": s.extracted,
                "matched": s.matched,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
            }
            for s in scores
        ]
    )


def evaluate(corpus, folder: Path = EXPECTED) -> list[Score]:
    """Mentions, backers and dated expressions of ``corpus`` scored against the expectations in ``folder``."""
    from .extract import actor_mentions, chronology, foreign_backers

    return [
        score_counts(actor_mentions(corpus), expected("mentions", folder)),
        score("backers", foreign_backers(corpus), expected("backers", folder), BACKER_KEYS),
        score("events", chronology(corpus), expected("events", folder), EVENT_KEYS),
    ]


# ---------------------------------------------------------------------------------------------------------------
# The real-text yardstick: passages of English Wikipedia with ground truth written independently of the code
# (``tests/dev/gold.json``; its ``about`` field gives the conventions). Gold rows believed wrong are listed in
# ``tests/dev/disputed.csv`` with the reason; every score is given with and without them.

DEV = ROOT / "tests" / "dev"
#: The gold's camps and stances in this package's words.
CAMPS = {"LNA": "haftar_camp", "TRIPOLI": "tripoli_camp"}
STANCES = {"asserted": "asserted", "claimed": "claimed by someone", "alleged": "alleged", "denied": "denied"}
DEV_COLUMNS = ["capability", "gold", "extracted", "matched", "precision", "recall", "f1", "score", "measure"]


@dataclass
class DevScores:
    """Scores per capability on the real-text passages, and the rows behind them."""

    table: pd.DataFrame  # one row per capability (DEV_COLUMNS)
    backers: pd.DataFrame  # every gold claim with the row that matched it (or none)
    events: pd.DataFrame  # every gold temporal expression with the row that matched it (or none)
    actors: pd.DataFrame  # gold and extracted mention counts per (file, actor)
    spurious_backers: pd.DataFrame  # extracted claims that match no gold row
    spurious_events: pd.DataFrame  # extracted expressions that overlap no gold expression


def load_gold(folder: Path = DEV) -> dict:
    import json

    return json.loads((folder / "gold.json").read_text(encoding="utf-8"))["files"]


def disputed(folder: Path = DEV) -> pd.DataFrame:
    """Gold rows believed wrong: ``file``, ``table`` (backers/events), ``key`` and ``reason``."""
    path = folder / "disputed.csv"
    if not path.exists():
        return pd.DataFrame(columns=["file", "table", "key", "reason"])
    return pd.read_csv(path, keep_default_na=False, dtype=str)


def backer_key(row: dict) -> str:
    """How a gold claim is named in ``disputed.csv``: ``backer -> backed (stance)``."""
    return f"{row['backer']} -> {row['backed']} ({row['stance']})"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _locate(body: str, context: str, phrase: str) -> tuple[int, int] | None:
    """Span of ``phrase`` inside the first occurrence of ``context`` in ``body``."""
    at = body.find(context)
    if at < 0 or (inner := context.find(phrase)) < 0:
        return None
    return at + inner, at + inner + len(phrase)


def _score_dev_backers(gold: dict, bodies: dict, backers: pd.DataFrame, skip: set) -> tuple:
    rows = []
    for file, entry in gold.items():
        for claim in entry["backers"]:
            if (file, backer_key(claim)) in skip:
                continue
            span = _locate(bodies.get(file, ""), claim["evidence"], claim["evidence"])
            rows.append(
                {
                    "file": file,
                    "backer": claim["backer"],
                    "backed": claim["backed"],
                    "side": CAMPS[claim["camp"]],
                    "stance": STANCES[claim["stance"]],
                    "evidence": claim["evidence"],
                    "span": span,
                }
            )
    got = backers[(backers.backer_kind == "state") & (backers.stance != "recognition")].reset_index(drop=True)
    used: set[int] = set()
    for row in rows:
        row["matched_row"] = -1
        for i, r in got.iterrows():
            if i in used or (r.article_id, r.backer, r.side, r.stance) != (
                row["file"],
                row["backer"],
                row["side"],
                row["stance"],
            ):
                continue
            if row["span"] is not None and not (r.start < row["span"][1] and row["span"][0] < r.end):
                continue
            used.add(i)
            row["matched_row"] = i
            break
    table = pd.DataFrame(
        rows, columns=["file", "backer", "backed", "side", "stance", "evidence", "span", "matched_row"]
    )
    pairs_gold = {(r["file"], r["backer"], r["side"]) for r in rows if r["stance"] != "denied"}
    kept = got[got.stance != "denied"]
    pairs_got = set(zip(kept.article_id, kept.backer, kept.side, strict=False))
    both = len(pairs_gold & pairs_got)
    p = both / len(pairs_got) if pairs_got else 1.0
    r = both / len(pairs_gold) if pairs_gold else 1.0
    matched = int((table.matched_row >= 0).sum())
    rp = matched / len(got) if len(got) else 1.0
    rr = matched / len(table) if len(table) else 1.0
    spurious = got.drop(index=list(used))
    return (
        [
            (
                "backing claims: (backer, camp) pairs",
                len(pairs_gold),
                len(pairs_got),
                both,
                p,
                r,
                _f1(p, r),
                _f1(p, r),
                "F1 of the (passage, backer, camp) pairs; denials left out",
            ),
            (
                "backing claims: rows",
                len(table),
                len(got),
                matched,
                rp,
                rr,
                _f1(rp, rr),
                rr,
                "recall of the rows: backer, camp, stance and the evidence sentence",
            ),
        ],
        table.drop(columns=["span"]),
        spurious,
    )


def _inside(start: str, end: str, lo: str, hi: str) -> bool:
    return bool(start) and lo <= start <= end <= hi


def _score_dev_events(gold: dict, bodies: dict, events: pd.DataFrame, skip: set) -> tuple:
    rows = []
    got = events[events.section == "body"].reset_index(drop=True)  # the gold leaves the title line out
    hit: set[int] = set()
    for file, entry in gold.items():
        mine = got[got.article_id == file]
        for event in entry["events"]:
            if (file, event["expression"]) in skip:
                continue
            span = _locate(bodies.get(file, ""), event["context"], event["expression"])
            row = {
                "file": file,
                "expression": event["expression"],
                "gold_start": event["start"],
                "gold_end": event["end"],
                "lenient": event["lenient"],
                "found": "",
                "date_start": "",
                "date_end": "",
                "right": False,
                "wrong_day": False,
            }
            if span is not None:
                over = mine[(mine.start < span[1]) & (span[0] < mine.end)]
                if len(over):
                    best = max(over.itertuples(), key=lambda r: min(r.end, span[1]) - max(r.start, span[0]))
                    hit.update(over.index)
                    right = (best.date_start, best.date_end) == (event["start"], event["end"]) or (
                        event["lenient"] and _inside(best.date_start, best.date_end, event["start"], event["end"])
                    )
                    wrong_day = (
                        best.precision == "day"
                        and best.date_start != ""
                        and not right
                        and not _inside(best.date_start, best.date_end, event["start"], event["end"])
                    )
                    row.update(
                        found=best.expression,
                        date_start=best.date_start,
                        date_end=best.date_end,
                        right=right,
                        wrong_day=wrong_day,
                    )
            rows.append(row)
    table = pd.DataFrame(rows)
    in_gold = got[got.article_id.isin(list(gold))]
    spurious = in_gold.drop(index=[i for i in hit if i in in_gold.index])
    right = int(table.right.sum())
    p = right / len(in_gold) if len(in_gold) else 1.0
    r = right / len(table) if len(table) else 1.0
    wrong = int(table.wrong_day.sum()) if len(table) else 0
    return (
        [
            (
                "temporal expressions resolved right",
                len(table),
                len(in_gold),
                right,
                p,
                r,
                _f1(p, r),
                r,
                f"share of the expressions found with their interval right ({wrong} with a wrong day)",
            )
        ],
        table,
        spurious,
    )


def _score_dev_actors(gold: dict, mentions: pd.DataFrame) -> tuple:
    from .nlp.kb import load_kb

    kb = load_kb()
    alias_of = {alias: name for name, row in kb.actors.iterrows() for alias in [name, *row.aliases]}
    kept = mentions[(mentions.form != "demonym") & (mentions.actor != "Libya")]  # the gold counts neither
    rows = []
    for file, entry in gold.items():
        mine = kept[kept.article_id == file].actor.value_counts()
        claimed: set[str] = set()
        for actor in entry["actors"]:
            names = {alias_of.get(a) for a in [actor["name"], *actor["aliases_counted"]]} - {None}
            names = names or {actor["name"], *actor["aliases_counted"]}
            names -= claimed
            claimed |= names
            rows.append(
                {
                    "file": file,
                    "actor": actor["name"],
                    "gold": actor["count"],
                    "extracted": int(sum(mine.get(n, 0) for n in names)),
                }
            )
        for name, n in mine.items():
            if name not in claimed:
                rows.append({"file": file, "actor": name, "gold": 0, "extracted": int(n)})
    table = pd.DataFrame(rows, columns=["file", "actor", "gold", "extracted"])
    low = table[["gold", "extracted"]].min(axis=1).sum()
    counted = table[table.gold > 0]
    found = int((counted.extracted > 0).sum())
    p = low / table.extracted.sum() if table.extracted.sum() else 1.0
    r = low / table.gold.sum() if table.gold.sum() else 1.0
    agreement = counted[["gold", "extracted"]].min(axis=1).sum() / counted[["gold", "extracted"]].max(axis=1).sum()
    return (
        [
            (
                "actor mentions: counts",
                int(table.gold.sum()),
                int(table.extracted.sum()),
                int(low),
                p,
                r,
                _f1(p, r),
                agreement,
                "count agreement: sum of min / sum of max of the counts of the actors in the gold",
            ),
            (
                "actor mentions: actors found",
                len(counted),
                int((table.extracted > 0).sum()),
                found,
                found / int((table.extracted > 0).sum() or 1),
                found / len(counted),
                _f1(found / int((table.extracted > 0).sum() or 1), found / len(counted)),
                found / len(counted),
                "share of the actors in the gold found at least once",
            ),
        ],
        table,
    )


def dev_scores(corpus, folder: Path = DEV, without_disputed: bool = False) -> DevScores:
    """Precision and recall per capability on the real-text passages in ``folder``."""
    from .extract import actor_mentions, chronology, foreign_backers

    gold = load_gold(folder)
    bodies = dict(zip(corpus.articles.article_id, corpus.articles.body, strict=False))
    skip = set()
    if without_disputed:
        skip = set(zip(disputed(folder).file, disputed(folder).key, strict=False))
    backer_rows, backers, spurious_backers = _score_dev_backers(gold, bodies, foreign_backers(corpus), skip)
    event_rows, events, spurious_events = _score_dev_events(gold, bodies, chronology(corpus), skip)
    actor_rows, actors = _score_dev_actors(gold, actor_mentions(corpus))
    table = pd.DataFrame(backer_rows + event_rows + actor_rows, columns=DEV_COLUMNS)
    table = table.round({"precision": 3, "recall": 3, "f1": 3, "score": 3})
    return DevScores(table, backers, events, actors, spurious_backers, spurious_events)


# News collections scored against readers' ground truth kept outside the repository (the texts are other
# publishers' work): ``backers_*.json`` (the (state, camp) pairs each file asserts, reports or attributes)
# and ``key_events_*.json`` (key events with their true dates and the files that report them).
NEWS_COLUMNS = ["capability", "gold", "extracted", "matched", "precision", "recall", "f1", "measure"]


def _stem(file: str) -> str:
    return file.rsplit(".", 1)[0]


def _news_json(folder: Path, prefix: str) -> list[dict]:
    import json

    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(Path(folder).glob(f"{prefix}_*.json"))]


def news_backer_scores(backers: pd.DataFrame, folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(state, camp) pairs per file against ``backers_*.json`` in ``folder``: a one-row score table and every
    pair, gold or extracted, with ``gold``/``found`` flags and the first evidence of each side. Files the gold
    does not cover are left out; denials and recognition are not backing."""
    gold: dict[str, dict] = {}
    for part in _news_json(folder, "backers"):
        gold.update({_stem(file): entry for file, entry in part["files"].items()})
    kept = backers[
        backers.article_id.isin(list(gold))
        & (backers.backer_kind == "state")
        & ~backers.stance.isin(["denied", "recognition"])
        & backers.side.isin(list(CAMPS.values()))
    ]
    found = {}
    for row in kept.itertuples():
        found.setdefault((row.article_id, row.backer, row.side), row.evidence)
    wanted = {}
    for file, entry in gold.items():
        for backer, camp in entry["backers"]:
            quote = next((c["evidence"] for c in entry["claims"] if (c["backer"], c["camp"]) == (backer, camp)), "")
            wanted[(file, backer, CAMPS[camp])] = quote
    pairs = pd.DataFrame(
        [
            {
                "file": key[0],
                "backer": key[1],
                "side": key[2],
                "gold": key in wanted,
                "found": key in found,
                "gold_evidence": wanted.get(key, ""),
                "found_evidence": found.get(key, ""),
            }
            for key in sorted(set(wanted) | set(found))
        ],
        columns=["file", "backer", "side", "gold", "found", "gold_evidence", "found_evidence"],
    )
    both = int((pairs.gold & pairs.found).sum()) if len(pairs) else 0
    p = both / len(found) if found else 1.0
    r = both / len(wanted) if wanted else 1.0
    table = pd.DataFrame(
        [("backing claims: (state, camp) pairs", len(wanted), len(found), both, p, r, _f1(p, r), "pairs F1")],
        columns=NEWS_COLUMNS,
    )
    return table.round({"precision": 3, "recall": 3, "f1": 3}), pairs


def key_event_scores(chronology: pd.DataFrame, folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How the chronology holds the key events of ``key_events_*.json`` in ``folder``.

    A key event is *held* when one chronology row groups at least two of the files that report it and is
    dated within its true interval. Its *rows* are the chronology rows that hold at least one of its files
    and are dated, to a month or finer, over its true interval: one when the reports were reconciled into
    one event, more when they were split."""
    events = [event for part in _news_json(folder, "key_events") for event in part["events"]]
    table = chronology.assign(
        _files=chronology.article_ids.str.split(";").map(set),
        _days=(pd.to_datetime(chronology.date_end) - pd.to_datetime(chronology.date_start)).dt.days,
    )
    rows = []
    for event in events:
        files = {_stem(f) for f in event["files"]}
        lo, hi = event["date_start"], event["date_end"]
        shared = table._files.map(lambda ids, files=files: len(ids & files))
        within = (table.date_start >= lo) & (table.date_end <= hi)
        over = (table.date_start <= hi) & (table.date_end >= lo) & (table._days <= 31)
        holding = table[(shared >= 2) & within]
        best = holding.loc[shared[holding.index].idxmax()] if len(holding) else None
        rows.append(
            {
                "key_event": event["id"],
                "true_start": lo,
                "true_end": hi,
                "files": len(files),
                "held": best is not None,
                "files_grouped": int(shared[best.name])
                if best is not None
                else int(shared.max() if len(shared) else 0),
                "rows": int(((shared >= 1) & over).sum()),
                "date_start": best.date_start if best is not None else "",
                "date_end": best.date_end if best is not None else "",
                "what": best.what if best is not None else "",
            }
        )
    detail = pd.DataFrame(rows)
    held = int(detail.held.sum())
    summary = pd.DataFrame(
        [
            (
                "key events held as one dated row",
                len(detail),
                int(detail.rows.sum()),
                held,
                float("nan"),
                held / len(detail) if len(detail) else 1.0,
                float("nan"),
                f"{detail.rows.mean():.2f} rows per key event",
            )
        ],
        columns=NEWS_COLUMNS,
    )
    return summary.round({"recall": 3}), detail


def sources_from_index(folder: Path, into: Path) -> None:
    """Write ``into/SOURCES.csv`` from a collection's ``INDEX_*.tsv`` (file, outlet, url, published as a
    scraper gives it), as a user with a scraper's export would."""
    import csv

    from .ingest.pubdate import PRECISION_OF_LENGTH

    rows = []
    for index in sorted(Path(folder).glob("INDEX_*.tsv")):
        with index.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                published = row.get("published", "")
                precision = PRECISION_OF_LENGTH.get(len(published), "unknown")
                rows.append([row["file"], row.get("outlet", ""), row.get("url", ""), published, precision])
    with (Path(into) / "SOURCES.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "outlet", "url", "published", "published_precision"])
        writer.writerows(rows)


def news_scores(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Score the kit on a news collection with readers' ground truth (``backers_*.json``,
    ``key_events_*.json``, ``INDEX_*.tsv`` beside the ``.txt`` files): its texts are copied to a temporary
    folder with a ``SOURCES.csv`` made from the index, exported, and scored. Returns the score table, every
    backing pair and every key event."""
    import shutil
    import tempfile

    from .ingest.corpus import load_corpus
    from .tables.engines import export

    with tempfile.TemporaryDirectory(prefix="libyalib-news-") as tmp:
        corpus_dir, out = Path(tmp) / "corpus", Path(tmp) / "tables"
        corpus_dir.mkdir()
        for path in sorted(Path(folder).glob("*.txt")):
            shutil.copyfile(path, corpus_dir / path.name)
        sources_from_index(folder, corpus_dir)
        export(load_corpus(corpus_dir), out, progress=False)
        backers = pd.read_csv(out / "backers.csv", keep_default_na=False)
        chronology = pd.read_csv(out / "chronology.csv", keep_default_na=False)
    backer_table, pairs = news_backer_scores(backers, folder)
    event_table, key_events = key_event_scores(chronology, folder)
    return pd.concat([backer_table, event_table], ignore_index=True), pairs, key_events


def main(argv: list[str] | None = None) -> int:
    """``python -m libyalib.evaluation news FOLDER [--out CSV]``: the scores on a news collection."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m libyalib.evaluation", description=main.__doc__)
    parser.add_argument("what", choices=["news"])
    parser.add_argument("folder", type=Path, help="a news collection with readers' ground truth")
    parser.add_argument("--out", type=Path, help="write the score table here (CSV)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"no such folder: {args.folder}")
    table, pairs, key_events = news_scores(args.folder)
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_colwidth", 60):
        print(table.to_string(index=False))
        print(key_events.drop(columns=["what"]).to_string(index=False))
        missed = pairs[pairs.gold & ~pairs.found]
        print(f"{len(missed)} pairs missed, {int((pairs.found & ~pairs.gold).sum())} found that are not in the gold")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(args.out, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
