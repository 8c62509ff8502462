"""Rows -> files, and back.

In: a corpus and the rows extracted from it. Out: the tables (``articles``, ``rejected``, ``mentions``,
``backers``, ``support``, ``events``, ``chronology``) as CSV and Parquet files validated by their schemas, written by the
in-process or the Dask engine; and, for the notebooks, a table read back with only the columns charted.
"""

from .engines import export
from .read import NAMES, read_table

__all__ = ["NAMES", "export", "read_table"]
