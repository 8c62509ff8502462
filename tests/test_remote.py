"""Sources and outputs at fsspec URLs: the same tables as on a local disk, nothing written when a run fails.
``memory://`` (fsspec's in-process file system) stands for an object store."""

import fsspec
import pytest

from libyalib.cli import main
from libyalib.paths import SEEDS
from libyalib.tables import NAMES as TABLES


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    yield fs
    for top in ("/corpus", "/out", "/bad"):
        if fs.exists(top):
            fs.rm(top, recursive=True)


def test_a_corpus_and_an_output_at_urls_give_the_tables_of_a_local_run(memory, tmp_path, capsys):
    for path in sorted(SEEDS.iterdir()):
        memory.pipe(f"/corpus/{path.name}", path.read_bytes())
    assert main(["export", "--seeds", str(SEEDS), "--out", str(tmp_path)]) == 0
    assert main(["export", "--seeds", "memory://corpus", "--out", "memory://out/tables"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("written to memory://out/tables")
    written = sorted(p.rsplit("/", 1)[-1] for p in memory.find("/out/tables"))
    assert written == sorted(f"{name}.{suffix}" for name in TABLES for suffix in ("csv", "parquet"))
    for name in written:
        assert memory.cat(f"/out/tables/{name}") == (tmp_path / name).read_bytes(), name


def test_a_run_that_stops_writes_nothing_at_the_url(memory, capsys):
    memory.pipe("/bad/good.txt", (SEEDS / "001_75459518e0dbd6f0.txt").read_bytes())
    memory.pipe("/bad/empty.txt", b"")
    assert main(["export", "--seeds", "memory://bad", "--out", "memory://out", "--strict"]) == 1
    assert "empty.txt: empty file (0 bytes)" in capsys.readouterr().err
    assert not memory.exists("/out")
