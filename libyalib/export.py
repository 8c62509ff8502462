"""Write the corpus tables to CSV and Parquet under one folder, validated against their contracts.

Every file is written under a temporary name and renamed when complete, so an interrupted run never leaves
a complete-looking table that is half written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .schema import validate


def _replace(tmp: Path, final: Path) -> None:
    os.replace(tmp, final)


def write_table(frame: pd.DataFrame, name: str, out: Path) -> None:
    """``out/name.csv`` (UTF-8, header row, ``\\n`` line ends) and ``out/name.parquet`` beside it."""
    validate(name, frame)
    out.mkdir(parents=True, exist_ok=True)
    for suffix in ("csv", "parquet"):
        final = out / f"{name}.{suffix}"
        tmp = out / f".{name}.{suffix}.{os.getpid()}.tmp"
        try:
            if suffix == "csv":
                frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
            else:
                frame.to_parquet(tmp, index=False)
            _replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)


def export(corpus, out: Path, strict: bool = False, progress: bool | None = None) -> dict[str, int]:
    """Write every table of ``corpus`` to ``out``; returns the row count of each.

    Articles that could not be analysed leave the articles table for the rejected one, with the reason.
    """
    from .extract import extract
    from .support import support_table

    tables = extract(corpus, strict=strict, progress=progress)
    failed = corpus.failed
    articles = corpus.articles[~corpus.articles.file.isin(list(failed))].drop(columns=["body"])
    rejected = pd.concat(
        [corpus.rejected, pd.DataFrame({"file": list(failed), "reason": list(failed.values())})], ignore_index=True
    )
    ordered = {
        "articles": articles.reset_index(drop=True),
        "rejected": rejected,
        "mentions": tables["mentions"],
        "backers": tables["backers"],
        "support": support_table(tables["backers"]),
        "events": tables["events"],
    }
    for name, frame in ordered.items():
        write_table(frame, name, Path(out))
    return {name: len(frame) for name, frame in ordered.items()}
