"""Benchmark: throughput and peak memory of the engines against raw spaCy, at two corpus sizes.

``python -m libyalib.bench [--sizes 1000,8000]`` builds synthetic corpora of shuffled real seed paragraphs
(fixed seed) and measures, each run in a separate process with an empty annotation cache:

- ``raw``: ``nlp.pipe`` of the same model on the same titles and bodies, one process, the same batch size;
- ``local``: the in-process engine, ``python -m libyalib export`` (load, annotate with spaCy's
  ``n_process=2``, extract, stream the tables to disk);
- ``dask``: the same with ``--engine dask`` on a ``LocalCluster`` of two workers;
- ``warm``: the in-process engine again on the same cache (nothing to annotate).

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,8000", help="corpus sizes, articles")
    parser.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.raw:
        _raw(args.raw)
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
