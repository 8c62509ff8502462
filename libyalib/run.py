"""One command for a corpus: ``python -m libyalib run SRC --out DIR``.

Loads SRC (a folder, a file or a table of articles), annotates it with a progress bar, and writes into DIR
the tables (``tables/``, CSV and Parquet, as ``export`` does), every figure (``figures/``, PNG and SVG), the
executed notebooks (``notebooks/``) and the HTML report (``report/index.html``). The notebooks read the
tables just written, only the columns each needs (``LIBYALIB_TABLES``, :mod:`libyalib.tables.read`), and the
corpus SRC (``LIBYALIB_CORPUS``), and save their figures under DIR (``LIBYALIB_FIGURES``); the repository's
``figures/`` and ``notebooks/`` are never written.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from .paths import ROOT

NOTEBOOKS = ROOT / "notebooks"


def run(
    source: Path, out: Path, progress: bool | None = None, engine: str = "local", scheduler: str | None = None
) -> tuple[dict[str, int], Path]:
    """Tables, figures, notebooks and report of ``source`` under ``out``; returns the row counts and the
    report's index page."""
    from . import notebooks as executor
    from . import report
    from .ingest.corpus import Reading
    from .tables.engines import export

    out = out.resolve()
    counts = export(
        Reading(source, paragraphs=False),
        out / "tables",
        progress=progress,
        engine=engine,
        scheduler=scheduler,
    )
    env = {
        "LIBYALIB_CORPUS": str(Path(source).resolve()),
        "LIBYALIB_TABLES": str(out / "tables"),
        "LIBYALIB_FIGURES": str(out / "figures"),
    }
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)  # the notebook kernels inherit them
    try:
        for script in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.py")):
            executor.execute(script.with_suffix(".ipynb"), to=out / "notebooks" / f"{script.stem}.ipynb")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    index = report.build(
        out / "report",
        out / "notebooks",
        out / "figures",
        title=f"libyalib: {Path(source).name}",
        tables=out / "tables",
    )
    return counts, index


def summary(counts: dict[str, int], seconds: float) -> str:
    return ", ".join(f"{n} {name}" for name, n in counts.items()) + f" in {seconds:.0f} s"


def timed_run(source: Path, out: Path, engine: str = "local", scheduler: str | None = None) -> str:
    start = time.perf_counter()
    counts, index = run(source, out, progress=True, engine=engine, scheduler=scheduler)
    return f"{summary(counts, time.perf_counter() - start)}; report: {index}"
