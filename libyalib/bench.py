"""Benchmark: annotation throughput against raw spaCy, and peak memory against corpus size.

``python -m libyalib.bench [--articles N] [--sizes A,B,C]`` builds a synthetic corpus of N articles from
shuffled paragraphs of the seeds (fixed seed), then measures in separate processes:

- ``libyalib``: ``load_corpus`` + annotation (empty cache) + ``actor_mentions``, in words per second;
- ``raw spaCy``: ``nlp.pipe`` with the same model, batch size and processes on the same titles and bodies;
- peak resident memory of the ``libyalib`` run at each corpus size (it should stay flat).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS_PER_ARTICLE = (6, 18)


def build_corpus(folder: Path, n: int, seed: int = 2014) -> None:
    """Write ``n`` articles made of shuffled real seed paragraphs (the same for the same ``n`` and seed)."""
    from .corpus import load_corpus

    seeds = load_corpus()
    paragraphs = [p for p in seeds.paragraphs.itertuples() if p.role == "body"]
    titles = seeds.articles.title.tolist()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        chosen = rng.sample(paragraphs, rng.randint(*PARAGRAPHS_PER_ARTICLE))
        text = rng.choice(titles) + "\n\n" + "\n\n".join(p.text for p in chosen) + "\n"
        (folder / f"bench_{i:05d}.txt").write_text(text, encoding="utf-8")


def _peak_rss_mb() -> float:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (self_kb + children_kb) / 1024


def _measure(kind: str, folder: Path, n_process: int) -> dict:
    os.environ["LIBYALIB_CACHE"] = tempfile.mkdtemp(prefix="libyalib-bench-cache-")
    from .corpus import load_corpus
    from .nlp import BATCH_SIZE, pipeline

    nlp = pipeline()
    if kind == "libyalib":
        from .annotations import ensure_annotated
        from .mentions import actor_mentions

        start = time.perf_counter()
        corpus = load_corpus(folder)
        ensure_annotated(corpus, progress=False, n_process=n_process)
        rows = len(actor_mentions(corpus))
    else:
        import spacy

        corpus = load_corpus(folder)
        raw = spacy.load(nlp.meta["libyalib_model"].rsplit("-", 1)[0])
        texts = [t for row in corpus.articles.itertuples() for t in (row.title, row.body)]
        start = time.perf_counter()
        rows = sum(len(doc.ents) for doc in raw.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process))
    seconds = time.perf_counter() - start
    words = int(corpus.articles.n_words.sum() + corpus.articles.title.str.split().str.len().sum())
    return {
        "kind": kind,
        "articles": len(corpus),
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds),
        "peak_rss_mb": round(_peak_rss_mb()),
        "rows": rows,
    }


def _run(kind: str, folder: Path, n_process: int) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "libyalib.bench",
            "--measure",
            kind,
            "--folder",
            str(folder),
            "--processes",
            str(n_process),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--sizes", default="250,500,1000", help="corpus sizes for the memory curve")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--measure", choices=["libyalib", "raw"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(_measure(args.measure, args.folder, args.processes)))
        return 0

    with tempfile.TemporaryDirectory(prefix="libyalib-bench-") as tmp:
        results = []
        for n in sorted({args.articles, *(int(s) for s in args.sizes.split(","))}):
            folder = Path(tmp) / f"corpus-{n}"
            build_corpus(folder, n)
            kinds = ("raw", "libyalib") if n == args.articles else ("libyalib",)
            for kind in kinds:
                result = _run(kind, folder, args.processes)
                results.append(result)
                print(
                    f"{kind:>9}: {result['articles']:5d} articles, {result['words']:8d} words, "
                    f"{result['seconds']:7.1f} s, {result['words_per_second']:6d} words/s, "
                    f"peak {result['peak_rss_mb']} MB",
                    flush=True,
                )
        full = {r["kind"]: r for r in results if r["articles"] == args.articles}
        ratio = full["libyalib"]["words_per_second"] / full["raw"]["words_per_second"]
        print(f"libyalib / raw spaCy throughput at {args.articles} articles: {ratio:.2f} (target >= 0.8)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
