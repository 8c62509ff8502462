"""Tables written while their rows are produced: no table ever has to fit in memory.

Each table is a CSV file, appended after one header row, and a Parquet file written in row
groups of exactly :data:`ROW_GROUP` rows (the last one shorter), so that the bytes depend only on the rows
and their order, never on how the work was split. Every row group is validated against the table's contract
before it is written; both files live under temporary names until :meth:`TableWriter.close` renames them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import validate

ROW_GROUP = 10_000


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


class TableWriter:
    """One table, CSV and Parquet, written chunk by chunk."""

    def __init__(self, name: str, out: Path, columns: list[str], dtypes: dict[str, str]):
        self.name, self.columns, self.dtypes = name, columns, dtypes
        out.mkdir(parents=True, exist_ok=True)
        self.final = (out / f"{name}.csv", out / f"{name}.parquet")
        self.csv, self.parquet = _tmp(self.final[0]), _tmp(self.final[1])
        types = {"int64": pa.int64(), "bool": pa.bool_()}
        self.schema = pa.schema([(c, types.get(str(dtypes.get(c)), pa.string())) for c in columns])
        self.parquet_writer = None
        try:
            self._frame([]).to_csv(self.csv, index=False, encoding="utf-8", lineterminator="\n")
            self.parquet_writer = pq.ParquetWriter(self.parquet, self.schema)
        except BaseException:
            self.abort()
            raise
        self.pending: list[dict] = []
        self.rows = 0

    def _frame(self, rows: list[dict]) -> pd.DataFrame:
        return pd.DataFrame(rows, columns=self.columns).astype(self.dtypes)

    def write(self, rows: list[dict]) -> None:
        """Add rows; every :data:`ROW_GROUP` of them are validated and written."""
        self.pending.extend(rows)
        while len(self.pending) >= ROW_GROUP:
            self._write_group(self.pending[:ROW_GROUP])
            del self.pending[:ROW_GROUP]

    def _write_group(self, rows: list[dict]) -> None:
        frame = self._frame(rows)
        validate(self.name, frame)  # the contract, once per row group
        frame.to_csv(self.csv, index=False, header=False, mode="a", encoding="utf-8", lineterminator="\n")
        self.parquet_writer.write_table(pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False))
        self.rows += len(frame)

    def close(self) -> int:
        """Write what is left and put both files under their names; returns the number of rows."""
        if self.pending:
            self._write_group(self.pending)
            self.pending = []
        self.parquet_writer.close()
        for tmp, final in zip((self.csv, self.parquet), self.final, strict=True):
            os.replace(tmp, final)
        return self.rows

    def abort(self) -> None:
        """Remove the temporary files (the run failed): nothing is left under the table's name."""
        try:
            if self.parquet_writer is not None:
                self.parquet_writer.close()
        finally:
            for tmp in (self.csv, self.parquet):
                tmp.unlink(missing_ok=True)
