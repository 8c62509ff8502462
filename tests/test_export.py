"""``python -m libyalib export``: the tables, their contract, the exit code and the summary line."""

import subprocess
import sys

import pandas as pd
import pytest

from libyalib.paths import SEEDS
from libyalib.tables.schema import ARTICLES


def _export(*args):
    return subprocess.run([sys.executable, "-m", "libyalib", "export", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return _export("--seeds", str(SEEDS), "--out", str(out)), out


def test_export_writes_csv_and_parquet(exported):
    result, out = exported
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 articles, 2 rejected, ")
    for name in ("articles", "rejected"):
        assert (out / f"{name}.parquet").exists()
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert list(articles.columns) == list(ARTICLES.columns)
    assert "body" not in articles.columns
    assert articles.published.tolist() == ["2017-08-25", "2017-09-27", "2019-11-25", "2016-11-29", "2015-09-22"]
    assert pd.read_parquet(out / "articles.parquet").n_words.tolist() == articles.n_words.tolist()
    assert list(pd.read_csv(out / "rejected.csv").columns) == ["file", "reason"]
    assert len(pd.read_csv(out / "backers.csv")) == 19
    assert len(pd.read_csv(out / "events.csv")) == 41
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    assert list(mentions.columns[:10]) == [
        "article_id",
        "section",
        "sentence_id",
        "start",
        "end",
        "text",
        "actor",
        "kind",
        "side",
        "source",
    ]


def test_export_is_byte_identical_run_to_run(exported, tmp_path):
    _, first = exported
    assert _export("--seeds", str(SEEDS), "--out", str(tmp_path)).returncode == 0
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (tmp_path / path.name).read_bytes(), path.name


def test_missing_folder_exits_non_zero_naming_it(tmp_path):
    result = _export("--seeds", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "nowhere" in result.stderr


def test_a_folder_of_bad_files_still_exports(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = _export("--seeds", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.returncode == 0
    assert result.stdout.startswith("0 articles, 1 rejected, 0 mentions, 0 backers, 0 support, 0 events")
    assert pd.read_csv(tmp_path / "out" / "rejected.csv").reason.tolist() == ["empty file (0 bytes)"]
