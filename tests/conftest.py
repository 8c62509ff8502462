import pytest

from libyalib.ingest.corpus import load_corpus
from libyalib.paths import SEEDS


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles, loaded once for the whole test run."""
    return load_corpus(SEEDS)


def one_article(folder, text: str, published: str | None = None, title: str = "Report"):
    """A corpus of one article ``a.txt`` (title, then ``text``), dated by a sidecar when ``published``."""
    (folder / "a.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    if published:
        (folder / "SOURCES.csv").write_text(f"file,outlet,url,published,published_precision\na.txt,,,{published},day\n")
    return load_corpus(folder)


def lock(monkeypatch, name: str) -> None:
    """Make the file called ``name`` unreadable (tests run as root, for whom permissions do not bite)."""
    from pathlib import Path

    real = Path.read_bytes

    def read_bytes(path):
        if path.name == name:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
