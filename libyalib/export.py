"""Write the corpus tables to CSV and Parquet under one folder, validated against their contracts."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .schema import validate


def write_table(frame: pd.DataFrame, name: str, out: Path) -> None:
    """``out/name.csv`` (UTF-8, header row, ``\\n`` line ends) and ``out/name.parquet`` beside it."""
    validate(name, frame)
    out.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
    frame.to_parquet(out / f"{name}.parquet", index=False)


def export(corpus, out: Path) -> dict[str, int]:
    """Write every table of ``corpus`` to ``out``; returns the row count of each."""
    from .backers import foreign_backers
    from .events import chronology
    from .mentions import actor_mentions
    from .support import support_table

    backers = foreign_backers(corpus)
    tables = {"articles": corpus.articles.drop(columns=["body"]), "rejected": corpus.rejected,
              "mentions": actor_mentions(corpus), "backers": backers, "support": support_table(backers),
              "events": chronology(corpus)}
    for name, frame in tables.items():
        write_table(frame, name, Path(out))
    return {name: len(frame) for name, frame in tables.items()}
