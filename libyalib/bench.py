"""Benchmark: throughput and peak memory of the engines against raw spaCy, at two corpus sizes.

``python -m libyalib.bench [--sizes 1000,8000]`` builds synthetic corpora of shuffled real seed paragraphs
(fixed seed) and measures, each run in a separate process with an empty annotation cache:

- ``raw``: ``nlp.pipe`` of the same model on the same titles and bodies, one process, the same batch size;
- ``local``: the in-process engine, ``python -m libyalib export`` (load, annotate with spaCy's
  ``n_process=2``, extract, stream the tables to disk);
- ``dask``: the same with ``--engine dask`` on a ``LocalCluster`` of two workers;
- ``warm``: the in-process engine again on the same cache (nothing to annotate).

``--reconcile 10000,1000000`` times the chronology's reconciliation alone on synthetic event rows: reports
of made-up events (actors and places of the knowledge base, days of 2014-2019) at mixed precisions, some
dating only the report, some a day or two off.

Words per second count the words of titles and bodies; peak memory is the largest proportional set size
(PSS: pages shared by forked workers counted once, not once per process) of the whole process tree (the
run and every process it started), sampled every 0.25 s with psutil.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PARAGRAPHS_PER_ARTICLE = (6, 18)


def build_corpus(folder: Path, n: int, seed: int = 2014) -> None:
    """Write ``n`` articles made of shuffled real seed paragraphs (the same for the same ``n`` and seed)."""
    from .ingest.corpus import load_corpus

    seeds = load_corpus()
    paragraphs = [p for p in seeds.paragraphs.itertuples() if p.role == "body"]
    titles = seeds.articles.title.tolist()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        chosen = rng.sample(paragraphs, rng.randint(*PARAGRAPHS_PER_ARTICLE))
        text = rng.choice(titles) + "\n\n" + "\n\n".join(p.text for p in chosen) + "\n"
        (folder / f"bench_{i:05d}.txt").write_text(text, encoding="utf-8")


def _memory(process) -> int:
    """Proportional set size where the system gives it (Linux), else resident set size."""
    try:
        return process.memory_full_info().pss
    except (AttributeError, OSError):
        return process.memory_info().rss


class TreePeak:
    """Largest summed memory of a process and all its descendants while running."""

    def __init__(self, pid: int):
        import psutil

        self.process, self.peak, self._stop = psutil.Process(pid), 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                for p in [self.process, *self.process.children(recursive=True)]:
                    try:
                        total += _memory(p)
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak = max(self.peak, total)
            time.sleep(0.25)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _words(folder: Path) -> int:
    from .ingest.corpus import load_corpus

    articles = load_corpus(folder).articles
    return int(articles.n_words.sum() + articles.title.str.split().str.len().sum())


def _raw(folder: Path) -> None:
    """The baseline, run in its own process: raw ``nlp.pipe`` on the titles and bodies."""
    import spacy

    from .ingest.corpus import load_corpus
    from .nlp.model import BATCH_SIZE, MODELS

    texts = [t for row in load_corpus(folder).articles.itertuples() for t in (row.title, row.body)]
    nlp = spacy.load(os.environ.get("LIBYALIB_SPACY_MODEL") or MODELS[-1])
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=1):
        pass
    print(json.dumps({"seconds": time.perf_counter() - start}))


def _timed(command: list[str], env: dict) -> tuple[float, int, str]:
    """Wall time, peak memory of the process tree, and the last line printed."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    with TreePeak(proc.pid) as peak:
        out, _ = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed with status {proc.returncode}")
    return time.perf_counter() - start, peak.peak, out.strip().splitlines()[-1]


def measure(folder: Path, work: Path) -> list[dict]:
    words = _words(folder)
    python = [sys.executable, "-m"]
    rows = []
    for kind in ("raw", "local", "warm", "dask"):
        cache = work / ("cache-local" if kind == "warm" else f"cache-{kind}")  # warm: the local run's cache
        env = {**os.environ, "LIBYALIB_CACHE": str(cache)}
        if kind == "raw":
            seconds, peak, line = _timed([*python, "libyalib.bench", "--raw", str(folder)], env)
            seconds = json.loads(line)["seconds"]  # the pipe alone, without loading the model
        else:
            engine = ["--engine", "dask"] if kind == "dask" else []
            out = work / f"out-{kind}"
            seconds, peak, _ = _timed(
                [*python, "libyalib", "export", "--seeds", str(folder), "--out", str(out), *engine], env
            )
        rows.append(
            {
                "run": kind,
                "articles": len(list(folder.glob("*.txt"))),
                "words": words,
                "seconds": round(seconds, 1),
                "words_per_second": round(words / seconds),
                "peak_memory_mb": round(peak / 2**20),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def synthetic_events(n: int, seed: int = 2014):
    """``n`` rows shaped like ``events.csv``'s events: about four reports per made-up event, each from its own
    article, at the precision of a day (most), a week, a month or a year, some dating the report only and
    some a day or two off."""
    import datetime as dt

    import pandas as pd

    from .nlp.kb import load_kb

    kb = load_kb()
    actors = sorted(kb.actors.index)
    places = sorted(kb.places.drop_duplicates("source").place)  # one spelling of each place
    kinds = ["military action"] * 5 + ["meeting", "agreement", "statement", "statement", "election"]
    rng = random.Random(seed)
    first = dt.date(2014, 1, 1).toordinal()
    truths = [
        (first + rng.randrange(6 * 365), rng.choice(kinds), rng.sample(actors, 2), rng.choice(places))
        for _ in range(max(1, n // 4))
    ]
    rows = []
    for i in range(n):
        day, kind, (a1, a2), place = truths[rng.randrange(len(truths))]
        precision = rng.choices(["day", "week", "month", "year"], [75, 10, 10, 5])[0]
        when = dt.date.fromordinal(day + (rng.choice([-2, -1, 1, 2]) if rng.random() < 0.05 else 0))
        if precision == "day":
            start = end = when
        elif precision == "week":
            start = when - dt.timedelta(days=when.weekday())
            end = start + dt.timedelta(days=6)
        elif precision == "month":
            start = when.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        else:
            start, end = dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
        rows.append(
            {
                "article_id": f"a{i // 8:07d}",
                "section": "body",
                "start": i % 8 * 100,
                "end": i % 8 * 100 + 10,
                "expression": when.isoformat(),
                "date_start": start.isoformat(),
                "date_end": end.isoformat(),
                "precision": precision,
                "role": "event",
                "reported": precision == "day" and rng.random() < 0.3,
                "said_by": a1 if kind == "statement" else "",
                "what": f"{a1} and {a2} in {place}",
                "actor1": a1 if rng.random() < 0.8 else "",
                "actor2": a2 if rng.random() < 0.5 else "",
                "actors": ";".join(sorted({a1, a2})),
                "kind": kind,
                "says": "",
                "event_type": kind,
                "sub_event_type": "",
                "location": place if rng.random() < 0.7 else "",
                "evidence": f"{a1} and {a2} in {place}.",
            }
        )
    return pd.DataFrame(rows)


def time_reconcile(sizes: list[int]) -> list[dict]:
    """Seconds of :func:`libyalib.extract.event_groups.reconcile` on synthetic rows (the rows made
    beforehand), and the peak resident memory of the process by then."""
    import resource

    from .extract.event_groups import reconcile

    out = []
    for n in sorted(sizes):
        events = synthetic_events(n)
        start = time.perf_counter()
        chronology = reconcile(events)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out.append({"rows": n, "events": len(chronology), "seconds": round(seconds, 1), "peak_rss_mb": round(peak)})
        print(json.dumps({"run": "reconcile", **out[-1]}), flush=True)
        del events, chronology
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,8000", help="corpus sizes, articles")
    parser.add_argument("--reconcile", default="10000,1000000", help="event rows to reconcile (empty: none)")
    parser.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.raw:
        _raw(args.raw)
        return 0
    if args.reconcile:
        time_reconcile([int(s) for s in args.reconcile.split(",")])
    if not args.sizes:
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="libyalib-bench-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / f"corpus-{n}"
            build_corpus(folder, n)
            results += measure(folder, Path(tmp) / f"work-{n}")
    by = {(r["articles"], r["run"]): r for r in results}
    for n in (int(s) for s in args.sizes.split(",")):
        raw = by[(n, "raw")]["words_per_second"]
        print(
            f"{n} articles: local {by[(n, 'local')]['words_per_second'] / raw:.2f}x raw (target 1.0), "
            f"dask {by[(n, 'dask')]['words_per_second'] / raw:.2f}x raw (target 1.7), warm run "
            f"{by[(n, 'local')]['seconds'] / by[(n, 'warm')]['seconds']:.1f}x faster (target 20)"
        )
    sizes = sorted(int(s) for s in args.sizes.split(","))
    for run in ("local", "dask"):
        small, large = by[(sizes[0], run)]["peak_memory_mb"], by[(sizes[-1], run)]["peak_memory_mb"]
        print(f"{run}: peak memory {small} MB at {sizes[0]}, {large} MB at {sizes[-1]} ({large / small - 1:+.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
