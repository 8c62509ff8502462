"""Command line: ``python -m libyalib export --seeds DIR --out DIR``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .paths import SEEDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="libyalib", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("export", help="write the corpus tables as CSV and Parquet")
    exp.add_argument("--seeds", type=Path, default=SEEDS, help="folder of articles (default: the seeds)")
    exp.add_argument("--out", type=Path, required=True, help="folder to write the tables to")
    args = parser.parse_args(argv)

    if not args.seeds.is_dir():
        print(f"libyalib export: no such folder: {args.seeds}", file=sys.stderr)
        return 2
    from .corpus import load_corpus
    from .export import export

    counts = export(load_corpus(args.seeds), args.out)
    print(", ".join(f"{n} {name}" for name, n in counts.items()) + f" written to {args.out}")
    return 0
