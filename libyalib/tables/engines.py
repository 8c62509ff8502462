"""Write the corpus tables to CSV and Parquet under one folder, validated against their contracts.

The row tables are streamed to disk as the articles are read (:mod:`libyalib.tables.writer`), by the in-process
engine or, with ``engine="dask"``, by Dask workers over partitions of the corpus (a ``LocalCluster`` of two
workers, or the cluster at ``scheduler``); the files are the same, byte for byte, whichever engine ran and
however the work was split. Every file is written under a temporary name and renamed when complete, so an
interrupted run never leaves a complete-looking table that is half written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .schema import validate

#: Articles per chunk handed to the writers, and per Dask partition.
CHUNK = 64
#: What the Dask engine changes in Dask's configuration while it runs (the workers of the local cluster are
#: started with it; those of a cluster given by address keep their own). Measured at 4,000 articles:
#: - every connection keeps its last ``low-level-log-length`` messages for debugging (1,000 by default), and
#:   a partition's texts and rows are such messages: the driver held every partition it had sent (about
#:   20 KB an article), so only the last 16 are kept;
#: - workers sample their threads' stacks every 10 ms for the dashboard, which is off: each worker grew by
#:   about 40 MB over the run;
#: - workers start with ``MALLOC_TRIM_THRESHOLD_=65536``, so that glibc hands memory back to the system at
#:   almost every free: spaCy then runs about a tenth slower (158 s and 948 MB at the peak with it, 144 s
#:   and 1,013 MB without), so glibc's own threshold is kept.
DASK_CONFIG = {
    "distributed.admin.low-level-log-length": 16,
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
SUPPORT_FIELDS = ["article_id", "published", "backer", "backer_kind", "side", "stance", "support_type"]


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
            os.replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)


def _remove_stale(out: Path) -> None:
    """Temporary files left by a run that was killed (their process is gone) are removed."""
    for tmp in out.glob(".*.tmp"):
        pid = tmp.name.rsplit(".", 2)[-2]
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except (ValueError, PermissionError):
            pass


def _empty() -> dict[str, list[dict]]:
    from ..extract.rows import TABLES

    return {name: [] for name in TABLES}


def _chunks_local(corpus, strict: bool, progress: bool | None):
    from ..extract.rows import iter_rows

    rows, n = _empty(), 0
    for _, found in iter_rows(corpus, strict, progress):
        for name, found_rows in found.items():
            rows[name].extend(found_rows)
        n += 1
        if n % CHUNK == 0:
            yield rows
            rows = _empty()
    yield rows


def _chunks_dask(corpus, scheduler: str | None, progress: bool | None):
    """The same rows, computed by Dask workers partition by partition and collected in corpus order. A few
    partitions are sent ahead of the one written, each read (bodies and all) only when it is sent, so that
    neither the finished rows on the workers nor the texts waiting here pile up."""
    from collections import deque

    import dask
    from distributed import Client, LocalCluster
    from tqdm.auto import tqdm

    from ..extract.rows import partition_rows
    from ..ingest.corpus import Corpus

    parts = corpus.parts(CHUNK)  # a Reading's parts are read as they are sent
    cluster = None
    with dask.config.set(DASK_CONFIG):
        if not scheduler:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        try:
            with Client(scheduler or cluster) as client:

                def send():
                    part = next(parts, None)
                    if part is not None:
                        futures.append(client.submit(partition_rows, part.articles, pure=False))

                total = -(-len(corpus.articles) // CHUNK) if isinstance(corpus, Corpus) else None  # not read yet
                shown = bool(progress or (progress is None and (total or 0) > 1))
                with tqdm(total=total, desc="partitions", unit="partition", disable=not shown) as bar:
                    futures: deque = deque()
                    for _ in range(2 * max(len(client.scheduler_info()["workers"]), 1)):
                        send()
                    while futures:
                        future = futures.popleft()
                        send()
                        rows, failed = future.result()  # in corpus order
                        corpus.failed.update(failed)
                        yield rows
                        future.release()
                        bar.update(1)
        finally:
            if cluster is not None:
                cluster.close()


def export(
    corpus,
    out: Path,
    strict: bool = False,
    progress: bool | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> dict[str, int]:
    """Write every table of ``corpus`` to ``out``; returns the row count of each.

    ``corpus`` is a :class:`~libyalib.ingest.Corpus`, or a :class:`~libyalib.ingest.Reading` of files not
    yet read: the Dask engine then sends the articles to its workers as they are read, the in-process
    engine reads them all first (their bodies kept on disk). Articles that could not be analysed leave the
    articles table for the rejected one, with the reason.
    """
    from ..extract.event_groups import FIELDS as EVENT_FIELDS
    from ..extract.event_groups import reconcile
    from ..extract.rows import DTYPES, TABLES
    from ..extract.support import support_table
    from ..ingest.corpus import Reading
    from .writer import TableWriter

    out = Path(out)
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if isinstance(corpus, Reading) and engine == "local":
        corpus = corpus.load(bodies_on_disk=True)
    writers: dict = {}
    try:
        for name, columns in TABLES.items():
            writers[name] = TableWriter(name, out, columns, DTYPES[name])
        chunks = (
            _chunks_local(corpus, strict, progress) if engine == "local" else _chunks_dask(corpus, scheduler, progress)
        )
        for rows in chunks:
            for name, writer in writers.items():
                writer.write(rows[name])
        counts = {name: writer.close() for name, writer in writers.items()}
        if isinstance(corpus, Reading):
            corpus = corpus.corpus()
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    failed = corpus.failed
    articles = corpus.articles[~corpus.articles.file.isin(list(failed))].drop(columns=["body"], errors="ignore")
    articles = articles.reset_index(drop=True)
    rejected = pd.concat(
        [corpus.rejected, pd.DataFrame({"file": list(failed), "reason": list(failed.values())})], ignore_index=True
    )
    support = support_table(pd.read_parquet(out / "backers.parquet", columns=SUPPORT_FIELDS))  # read back
    chronology = reconcile(
        pd.read_parquet(out / "events.parquet", columns=EVENT_FIELDS, filters=[("role", "==", "event")]),
        articles[["article_id", "story_id"]],
    )
    tables = (("articles", articles), ("rejected", rejected), ("support", support), ("chronology", chronology))
    for name, frame in tables:
        write_table(frame, name, out)
    counts.update({name: len(frame) for name, frame in tables})
    _remove_stale(out)
    order = ("articles", "rejected", "mentions", "backers", "support", "events", "chronology")
    return {name: counts[name] for name in order}
