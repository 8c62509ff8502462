"""Faults, interruptions and hostile input: every file and article is accounted for and no run stops.

Faults injected here: a text longer than spaCy takes at once and one beyond the ceiling; damaged cache
entries (truncated, zeroed, garbage, another article's, an older format); an article whose annotation or
analysis fails; a table write that breaks half way; SIGKILL during annotation and during writing; two runs
at once on one cache; command-line mistakes; odd, unreadable and linked file names; stray HTML in text
files; folder trees of odd names and long files. The slow cases are marked ``slow`` (run by ``.ci/run``).
"""

import os
import shutil
import signal
import string
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import lock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import libyalib.nlp.annotations as annotations
from libyalib.extract.rows import extract
from libyalib.ingest import corpus as corpus_module
from libyalib.ingest.corpus import load_corpus
from libyalib.tables.engines import export

PARAGRAPH = (
    "Khalifa Haftar's forces advanced on Tripoli on 4 April 2019, and the GNA, which is backed by "
    "Turkey, called for help. Egypt and the United Arab Emirates support Haftar."
)


def _article(folder: Path, name: str, paragraphs: int = 1, title: str = "Report", published="2019-04-10"):
    (folder / name).write_text(title + "\n\n" + "\n\n".join([PARAGRAPH] * paragraphs) + "\n", encoding="utf-8")
    sidecar = folder / "SOURCES.csv"
    if not sidecar.exists():
        sidecar.write_text("file,outlet,url,published,published_precision\n", encoding="utf-8")
    with sidecar.open("a", encoding="utf-8") as f:
        f.write(f"{name},,,{published},day\n")


def _tables(corpus, cache: Path, monkeypatch) -> dict:
    monkeypatch.setattr(annotations, "CACHE", cache)
    corpus._cache.clear()
    return extract(corpus)


# --- long texts -------------------------------------------------------------------------------------------


def test_a_long_text_is_annotated_in_pieces_with_the_same_rows(tmp_path, monkeypatch):
    _article(tmp_path, "long.txt", paragraphs=40)
    corpus = load_corpus(tmp_path)
    whole = _tables(corpus, tmp_path / "cache-whole", monkeypatch)
    monkeypatch.setattr(annotations, "PIECE", 700)  # about three paragraphs a piece
    assert len(annotations.pieces(corpus.articles.body[0], 700)) == 7
    pieced = _tables(corpus, tmp_path / "cache-pieces", monkeypatch)
    for name in ("mentions", "backers", "events"):
        pd.testing.assert_frame_equal(pieced[name], whole[name])
    body = corpus.articles.body[0]
    for row in pieced["mentions"][pieced["mentions"].section == "body"].itertuples():
        assert body[row.start : row.end] == row.text


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=string.ascii_letters + " .!?\n\"'", max_size=3000), size=st.integers(20, 500))
def test_pieces_join_back_to_the_text(text, size):
    parts = annotations.pieces(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)


def test_a_text_beyond_the_ceiling_is_rejected_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "MAX_CHARS", 1000)
    _article(tmp_path, "digest.txt", paragraphs=20)
    _article(tmp_path, "short.txt")
    corpus = load_corpus(tmp_path)
    assert corpus.articles.file.tolist() == ["short.txt"]
    reason = corpus.rejected.set_index("file").reason["digest.txt"]
    assert reason.startswith("too long to analyse:") and "1,000" in reason


@pytest.mark.slow
def test_a_wire_digest_of_1_3_mb_is_read_with_the_others(tmp_path, monkeypatch):
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    paragraphs = 1_300_000 // (len(PARAGRAPH) + 2)
    _article(tmp_path, "digest.txt", paragraphs=paragraphs)
    _article(tmp_path, "story.txt")
    counts = export(load_corpus(tmp_path), tmp_path / "out")
    assert counts["articles"] == 2
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv")
    assert (mentions.article_id == "digest").sum() > 100_000 // 20


# --- the annotation cache ---------------------------------------------------------------------------------

DAMAGE = {
    "truncated": lambda data, other: data[: len(data) // 2],
    "zeroed": lambda data, other: bytes(len(data)),
    "garbage": lambda data, other: os.urandom(64),
    "another article's entry": lambda data, other: other,
    "an older format": lambda data, other: data.split(b"\n", 1)[1],
    "empty": lambda data, other: b"",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_entry_heals_with_one_warning_naming_it(tmp_path, monkeypatch, damage):
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    _article(tmp_path, "a.txt")
    _article(tmp_path, "b.txt", title="Another report")
    clean = extract(load_corpus(tmp_path))
    corpus = load_corpus(tmp_path)
    a, b = (annotations.cache_path(row) for row in corpus.articles.itertuples())
    a.write_bytes(DAMAGE[damage](a.read_bytes(), b.read_bytes()))
    shutil.rmtree(tmp_path / "cache" / "rows")  # so that the annotations are read again
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        healed = extract(corpus)
    messages = [str(w.message) for w in caught if "annotation cache" in str(w.message)]
    assert len(messages) == 1 and a.name in messages[0], messages
    for name in clean:
        pd.testing.assert_frame_equal(healed[name], clean[name])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # healed for good: no warning on the next run
        extract(load_corpus(tmp_path))


def test_a_damaged_rows_entry_is_analysed_again_with_one_warning(tmp_path, monkeypatch):
    from libyalib.extract.rows import rows_path

    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    _article(tmp_path, "a.txt")
    clean = extract(load_corpus(tmp_path))
    corpus = load_corpus(tmp_path)
    path = rows_path(next(corpus.articles.itertuples()))
    path.write_text(path.read_text()[:100])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        healed = extract(corpus)
    assert [str(w.message) for w in caught if "rows cache" in str(w.message)][0].startswith(f"rows cache entry {path}")
    for name in clean:
        pd.testing.assert_frame_equal(healed[name], clean[name])


# --- one article fails, the others go on ------------------------------------------------------------------


def test_an_article_whose_analysis_fails_is_rejected_and_the_rest_exported(tmp_path, monkeypatch):
    import libyalib.extract.rows as extract_module

    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    _article(tmp_path, "a.txt")
    _article(tmp_path, "b.txt", title="Another report")
    real = extract_module.article_rows

    def fails_on_b(article, *args, **kwargs):
        if article.article_id == "b":
            raise ValueError("an error inside one article")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(extract_module, "article_rows", fails_on_b)
    counts = export(load_corpus(tmp_path), tmp_path / "out")
    assert counts["articles"] == 1
    rejected = pd.read_csv(tmp_path / "out" / "rejected.csv").set_index("file").reason
    assert rejected["b.txt"].startswith("could not be analysed: ValueError: an error inside one article")
    assert set(pd.read_csv(tmp_path / "out" / "mentions.csv").article_id) == {"a"}


def test_an_article_whose_annotation_fails_is_rejected_and_the_rest_annotated(tmp_path, monkeypatch):
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    _article(tmp_path, "a.txt")
    _article(tmp_path, "b.txt", title="Poisoned report")
    real = annotations._annotate

    def poisoned(nlp, rows, n_process):
        rows = list(rows)
        if any(row.title == "Poisoned report" for row in rows):
            raise MemoryError("the parser gave up")
        return real(nlp, rows, n_process)

    monkeypatch.setattr(annotations, "_annotate", poisoned)
    counts = export(load_corpus(tmp_path), tmp_path / "out")
    assert counts["articles"] == 1
    reason = pd.read_csv(tmp_path / "out" / "rejected.csv").set_index("file").reason["b.txt"]
    assert reason == "could not be annotated: MemoryError: the parser gave up"


def test_strict_stops_at_the_first_failure_naming_it(tmp_path):
    _article(tmp_path, "a.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = _cli("export", "--seeds", str(tmp_path), "--out", str(tmp_path / "out"), "--strict")
    assert result.returncode == 1
    assert result.stderr.strip() == "libyalib: stopped (--strict): empty.txt: empty file (0 bytes)"


# --- writing ----------------------------------------------------------------------------------------------


def test_a_table_broken_off_half_way_leaves_no_table_under_its_name(tmp_path, monkeypatch):
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    _article(tmp_path, "a.txt")
    real = pd.DataFrame.to_csv

    def half_then_fail(frame, path, *args, **kwargs):
        if "mentions" in str(path):
            Path(path).write_text("article_id,section\na,bo", encoding="utf-8")
            raise OSError(28, "No space left on device")
        return real(frame, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(OSError):
        export(load_corpus(tmp_path), tmp_path / "out")
    left = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "mentions.csv" not in left and not [n for n in left if n.endswith(".tmp")], left


def _cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "libyalib", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def _corpus_of(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        _article(folder, f"story{i:03d}.txt", paragraphs=1 + i % 3, title=f"Report number {i}")
    return folder


def _same_tables(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.slow
def test_runs_killed_during_annotation_and_writing_then_rerun_give_the_same_tables(tmp_path):
    src = _corpus_of(tmp_path / "src", 60)
    assert (
        _cli(
            "export",
            "--seeds",
            str(src),
            "--out",
            str(tmp_path / "clean"),
            env={"LIBYALIB_CACHE": str(tmp_path / "clean-cache")},
        ).returncode
        == 0
    )
    cache = tmp_path / "cache"
    env = {**os.environ, "LIBYALIB_CACHE": str(cache)}
    for kill_after in (None, 0.5, 1.0, 2.0):  # once the first entries exist, then at times along the run
        proc = subprocess.Popen(
            [sys.executable, "-m", "libyalib", "export", "--seeds", str(src), "--out", str(tmp_path / "out")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = time.monotonic()
        while kill_after is None and not list(cache.rglob("*.spacy")) and time.monotonic() - started < 120:
            time.sleep(0.05)
        time.sleep(kill_after or 0)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert (
        _cli(
            "export", "--seeds", str(src), "--out", str(tmp_path / "out"), env={"LIBYALIB_CACHE": str(cache)}
        ).returncode
        == 0
    )
    _same_tables(tmp_path / "clean", tmp_path / "out")


@pytest.mark.slow
def test_two_runs_at_once_on_one_cache_both_finish_with_the_same_tables(tmp_path):
    src = _corpus_of(tmp_path / "src", 40)
    env = {**os.environ, "LIBYALIB_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "libyalib", "export", "--seeds", str(src), "--out", str(tmp_path / out)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for out in ("one", "two")
    ]
    assert [run.wait() for run in runs] == [0, 0]
    _same_tables(tmp_path / "one", tmp_path / "two")


# --- the command line -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["export"], "the following arguments are required: --out"),
        (["export", "--out", "OUT", "--colour"], "unrecognized arguments: --colour"),
        (["export", "--seeds", "NOWHERE", "--out", "OUT"], "no such file or folder: NOWHERE"),
        (
            ["export", "--seeds", "FILE", "--out", "OUT"],
            "unknown format '.pdf': FILE (reads folders, .txt, .html, .csv, .jsonl and .parquet)",
        ),
        (["export", "--out", "FILE"], "--out is a file, not a folder: FILE"),
        (["export", "--out", "FILE/tables"], "--out cannot be created: FILE/tables: Not a directory"),
        (
            ["export", "--seeds", "s3://bucket/news", "--out", "OUT"],
            "cannot open s3:// URLs: Install s3fs to access S3",  # the backend is the user's to install
        ),
        (["export", "--seeds", "memory://nowhere", "--out", "OUT"], "no such file or folder: memory://nowhere"),
        (["run", "file://NOWHERE", "--out", "OUT"], "no such file or folder: NOWHERE"),
    ],
)
def test_command_line_mistakes_are_one_line_and_exit_2(tmp_path, args, message):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    paths = {"OUT": str(tmp_path / "out"), "NOWHERE": str(tmp_path / "nowhere"), "FILE": str(tmp_path / "report.pdf")}
    for key, value in paths.items():
        args = [a.replace(key, value) for a in args]
    for key, value in paths.items():
        message = message.replace(key, value)
    result = _cli(*args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"libyalib: error: {message}"]


# --- what the loader is handed ----------------------------------------------------------------------------


def test_odd_names_links_and_unreadable_files_are_each_an_article_or_a_rejected_row(tmp_path, monkeypatch):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("Outside\n\n" + PARAGRAPH + "\n")
    names = ["new\nline.txt", "tab\there.txt", "émoji 🇱🇾.txt", "-dash.txt", " spaced .txt", "sub/same.txt"]
    for name in names:
        (src / name).write_text(f"{name}\n\n{PARAGRAPH}\n", encoding="utf-8")
    os.symlink("same.txt", src / "sub" / "link-inside.txt")
    with open(os.fsencode(src) + b"/caf\xe9.txt", "wb") as f:  # a name that is not UTF-8
        f.write(b"Cafe\n\n" + PARAGRAPH.encode() + b"\n")
    os.symlink(outside, src / "link-outside.txt")
    os.symlink(src, src / "sub" / "loop")
    os.symlink(src / "nowhere.txt", src / "broken.txt")
    (src / "locked.txt").write_text("Locked\n\n" + PARAGRAPH + "\n")
    real = Path.read_bytes
    lock(monkeypatch, "locked.txt")
    corpus = load_corpus(src)
    listed = sorted(corpus.articles.file.tolist() + corpus.rejected.file.tolist())
    entries = len(names) + 6  # the non-UTF-8 name, four links and the locked file
    assert len(listed) == entries and len(set(listed)) == entries
    reasons = dict(zip(corpus.rejected.file, corpus.rejected.reason, strict=False))
    assert reasons["link-outside.txt"] == "symbolic link to a file outside the corpus folder, not followed"
    assert reasons["sub/loop"] == (
        "symbolic link to a folder inside the corpus folder (its files are read where they are), not followed"
    )
    assert reasons["broken.txt"] == "broken symbolic link"
    assert reasons["locked.txt"] == "unreadable: Permission denied"
    assert reasons["sub/link-inside.txt"] == "duplicate of sub/same.txt"
    assert "caf\\xe9.txt" in corpus.articles.file.tolist()
    monkeypatch.setattr(Path, "read_bytes", real)
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    export(corpus, tmp_path / "out")  # every name can be written to the tables
    assert len(pd.read_csv(tmp_path / "out" / "articles.csv")) == len(corpus.articles)


@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path, monkeypatch):
    monkeypatch.setattr(annotations, "CACHE", tmp_path / "cache")
    src = tmp_path / "src"
    src.mkdir()
    for i in range(10_000):
        (src / f"n{i:05d}.txt").write_text(f"Note {i}\n\nThe GNA met envoys from Italy on day {i}.\n")
    counts = export(load_corpus(src), tmp_path / "out")
    assert counts["articles"] + counts["rejected"] == 10_000


def test_stray_html_in_a_text_file_is_markup_to_strip_not_page_furniture(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Haftar&#8217;s advance\n\nForces loyal to Haftar &amp; their allies advanced "
        "on Tripoli, residents said on <b>Friday</b>.<br>Fighting went on.\n"
    )
    (tmp_path / "b.txt").write_text("Short\n\nThe GNA said it would respond. <b>bold</b>\n")
    corpus = load_corpus(tmp_path).articles.set_index("article_id")
    assert corpus.loc["a", "title"] == "Haftar’s advance"
    assert corpus.loc["a", "body"] == (
        "Forces loyal to Haftar & their allies advanced on Tripoli, residents said on Friday.\n\nFighting went on."
    )
    assert corpus.loc["b", "body"] == "The GNA said it would respond. bold"


def test_escaped_markup_in_a_text_file_stays_text(tmp_path):
    (tmp_path / "a.txt").write_text("Title with &lt;script&gt;alert(1)&lt;/script&gt;\n\n" + PARAGRAPH + "\n")
    assert load_corpus(tmp_path).articles.title[0] == "Title with <script>alert(1)</script>"


odd_names = st.text(alphabet=string.ascii_letters + string.digits + " -_.'\t\n&<>é🇱", min_size=1, max_size=10).filter(
    lambda s: s not in (".", "..") and "/" not in s
)


FOLDERS = ["", "a", "a/b", "ç"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    tree=st.dictionaries(
        st.tuples(st.sampled_from(FOLDERS), odd_names, st.sampled_from([".txt", ".html", ".csv", ""])).filter(
            lambda key: f"{key[0]}/{key[1]}{key[2]}".lstrip("/") not in FOLDERS  # a file cannot be a folder too
        ),
        st.one_of(
            st.binary(max_size=300),
            st.sampled_from([1, 50, 1500]).map(lambda n: ("Title\n\n" + (PARAGRAPH + "\n\n") * n).encode()),
        ),
        max_size=6,
    )
)
def test_any_folder_tree_every_file_accounted_for_once(tmp_path_factory, monkeypatch, tree):
    monkeypatch.setattr(corpus_module, "MAX_CHARS", 200_000)
    folder = tmp_path_factory.mktemp("tree")
    written = set()
    for (sub, stem, suffix), data in tree.items():
        (folder / sub).mkdir(parents=True, exist_ok=True)
        name = f"{sub}/{stem}{suffix}".lstrip("/")
        if name.lower() in {w.lower() for w in written}:
            continue
        (folder / name).write_bytes(data)
        written.add(name)
    corpus = load_corpus(folder)
    listed = corpus.articles.file.tolist() + corpus.rejected.file.tolist()
    assert sorted(listed) == sorted(written)
    assert (corpus.rejected.reason.str.len() > 0).all()
