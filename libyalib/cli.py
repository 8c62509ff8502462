"""Command line: ``python -m libyalib run SRC --out DIR`` and ``python -m libyalib export --seeds SRC --out DIR``.

A mistake on the command line (a missing or unknown argument, a source that does not exist or cannot be
read, an ``--out`` that is a file or cannot be written) is one line on stderr and exit status 2. Sources and
``--out`` may be fsspec URLs (:mod:`libyalib.ingest.remote`).
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import ExitStack
from pathlib import Path

from .ingest.remote import RemoteError, fetched, is_remote, local_path, published
from .paths import SEEDS


class UsageError(Exception):
    """A mistake on the command line: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not the usage block
        raise UsageError(message)


def _source(path: Path) -> Path:
    from .ingest.article_tables import TABLE_SUFFIXES
    from .ingest.corpus import HTML_SUFFIXES, TEXT_SUFFIXES

    if not path.exists():
        raise UsageError(f"no such file or folder: {path}")
    if path.is_dir():
        if not os.access(path, os.R_OK | os.X_OK):
            raise UsageError(f"cannot read the folder: {path}")
    elif path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES:
        raise UsageError(
            f"unknown format '{path.suffix or path.name}': {path} (reads folders, .txt, .html, .csv, .jsonl and .parquet)"
        )
    elif not os.access(path, os.R_OK):
        raise UsageError(f"cannot read the file: {path}")
    return path


def _out(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise UsageError(f"--out is a file, not a folder: {path}")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out cannot be created: {path}: {exc.strerror or exc}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"--out is not writable: {path}")
    return path


def _not_the_repository(source: Path, out: Path) -> None:
    from .paths import ROOT, is_seeds

    if out.resolve() == ROOT.resolve() and not is_seeds(source):
        raise UsageError(
            f"--out {out} would write into the repository's figures/ and notebooks/: choose another folder"
        )


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="libyalib", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    exp = sub.add_parser("export", help="write the corpus tables as CSV and Parquet")
    exp.add_argument("--seeds", default=str(SEEDS), help="folder or file of articles (default: the seeds)")
    exp.add_argument("--out", required=True, help="folder to write the tables to")
    exp.add_argument("--strict", action="store_true", help="stop at the first file or article that fails")
    run = sub.add_parser("run", help="tables, figures, notebooks and an HTML report for a corpus")
    run.add_argument("source", help="folder, file or table of articles")
    run.add_argument("--out", required=True, help="folder to write tables/, figures/, notebooks/, report/")
    for command in (exp, run):
        command.add_argument(
            "--engine",
            choices=("local", "dask"),
            default="local",
            help="local: in this process (spaCy's n_process); dask: Dask workers",
        )
        command.add_argument(
            "--scheduler",
            help="address of an existing Dask scheduler (default: a LocalCluster of two workers on this machine)",
        )
    try:
        with ExitStack() as stack:
            try:
                args = parser.parse_args(argv)
                where = args.source if args.command == "run" else args.seeds
                source = _source(stack.enter_context(fetched(where)) if is_remote(where) else local_path(where))
                out = stack.enter_context(published(args.out)) if is_remote(args.out) else _out(local_path(args.out))
                if args.command == "run":
                    _not_the_repository(source, out)
            except (UsageError, RemoteError) as exc:
                print(f"libyalib: error: {exc}", file=sys.stderr)
                return 2
            status, line = _command(args, source, out)
    except RemoteError as exc:  # the outputs could not be copied to their URL
        print(f"libyalib: error: {exc}", file=sys.stderr)
        return 1
    if line:
        print(line.replace(str(out), args.out.rstrip("/")) if is_remote(args.out) else line)
    return status


def _command(args, source: Path, out: Path) -> tuple[int, str]:
    """Run the command; its exit status and summary line."""
    if args.command == "run":
        from .run import timed_run

        return 0, timed_run(source, out, args.engine, args.scheduler)
    from .ingest.corpus import CorpusError, Reading
    from .tables.engines import export

    try:
        counts = export(
            Reading(source, strict=args.strict, paragraphs=False),
            out,
            strict=args.strict,
            engine=args.engine,
            scheduler=args.scheduler,
        )
    except (CorpusError, RuntimeError) as exc:
        if not args.strict:
            raise
        print(f"libyalib: stopped (--strict): {exc}", file=sys.stderr)
        return 1, ""
    return 0, ", ".join(f"{n} {name}" for name, n in counts.items()) + f" written to {out}"
