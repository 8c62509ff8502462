"""Load a folder of saved news articles into tidy tables, accounting for every file."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import os
import sys
import warnings
from collections import namedtuple
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..fingerprint import code_version
from ..paths import SEEDS
from . import furniture, stories
from .article_tables import TABLE_SUFFIXES, TableError, read_table
from .bodies import BodyStore
from .html import extract_page
from .language import other_language
from .pubdate import agency_dateline, date_in_line, infer_published, parse_dateline, sidecar_date
from .textio import NotText, decode, strip_markup

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SIDECAR = "SOURCES.csv"
PRECISIONS = ("day", "month", "year", "unknown")
ARTICLE_COLUMNS = [
    "article_id",
    "story_id",
    "file",
    "title",
    "outlet",
    "author",
    "published",
    "published_precision",
    "published_source",
    "url",
    "n_words",
    "body",
    "sha256",
]
REJECTED_COLUMNS = ["file", "reason"]
PARAGRAPH_COLUMNS = ["article_id", "line_no", "role", "rule", "text", "start", "end"]
#: Separator between paragraphs of ``body``; offsets of mentions and dates index into ``body``.
PARAGRAPH_BREAK = "\n\n"
#: Longer article texts are rejected rather than analysed (a digest or a dump, not an article).
MAX_CHARS = 5_000_000


class CorpusError(ValueError):
    """Raised by ``load_corpus(strict=True)``: names the file and what is wrong with it."""


@dataclass
class Corpus:
    """The articles of a folder (one row each), the files that are not articles, and every line's role."""

    articles: pd.DataFrame
    rejected: pd.DataFrame
    paragraphs: pd.DataFrame
    root: Path | None = None
    failed: dict = field(default_factory=dict, repr=False, compare=False)  # file -> why it could not be analysed
    _cache: dict = field(default_factory=dict, repr=False, compare=False)
    #: Where the bodies are when the articles table has no ``body`` column (``load_corpus(bodies_on_disk=True)``).
    bodies: BodyStore | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.articles)

    def subset(self, article_ids: Iterable[str]) -> Corpus:
        """A corpus of only these articles (rejected files are kept)."""
        ids = list(article_ids)
        return Corpus(
            self.articles[self.articles.article_id.isin(ids)].reset_index(drop=True),
            self.rejected,
            self.paragraphs[self.paragraphs.article_id.isin(ids)].reset_index(drop=True),
            self.root,
            bodies=self.bodies,
        )

    def rows(self) -> Iterator:
        """Each article as a named tuple with its body (read back when kept on disk), in order."""
        if self.bodies is None:
            yield from self.articles.itertuples()
            return
        article = namedtuple("Article", ["Index", *self.articles.columns, "body"])
        for row in self.articles.itertuples():
            yield article(*row, self.bodies[row.file])

    def parts(self, size: int) -> Iterator[Corpus]:
        """The corpus ``size`` articles at a time, in order, each part with its articles' bodies (read back
        when they are kept on disk) and sharing ``failed`` with the whole."""
        for start in range(0, len(self.articles), size):
            frame = self.articles.iloc[start : start + size].reset_index(drop=True)
            if self.bodies is not None:
                frame.insert(ARTICLE_COLUMNS.index("body"), "body", [self.bodies[f] for f in frame.file])
            yield Corpus(frame, self.rejected, self.paragraphs, self.root, self.failed)


def _safe(text: str) -> str:
    """A path as printable text: bytes that are not UTF-8 in a file name shown as ``\\xNN``."""
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def _inside(target: str, root: Path) -> bool:
    real_root = os.path.realpath(root)
    return os.path.commonpath([real_root, target]) == real_root


def _files(path: Path | Iterable[Path]) -> tuple[Path, list[Path], list[tuple[Path, str]]]:
    """``(root, files to read, paths set aside with the reason)``: symbolic links to folders and to files
    outside the folder are not followed, unreadable folders are named."""
    if not isinstance(path, (str, Path)):
        files = [Path(p) for p in path]
        return (Path(files[0]).parent if files else Path(".")), files, []
    path = Path(path)
    if not path.is_dir():
        if path.exists():
            return path.parent, [path], []
        raise FileNotFoundError(f"no such file or folder: {path}")
    files, problems = [], []

    def unreadable(exc: OSError) -> None:
        problems.append((Path(exc.filename), f"unreadable folder: {exc.strerror or exc}"))

    for folder, dirs, names in os.walk(path, onerror=unreadable, followlinks=False):
        here = Path(folder)
        for d in list(dirs):
            if (here / d).is_symlink():
                dirs.remove(d)
                where = (
                    "outside the corpus folder"
                    if not _inside(os.path.realpath(here / d), path)
                    else "inside the corpus folder (its files are read where they are)"
                )
                problems.append((here / d, f"symbolic link to a folder {where}, not followed"))
        for name in names:
            p = here / name
            if p.is_symlink():
                target = os.path.realpath(p)
                if not os.path.exists(target):
                    problems.append((p, "broken symbolic link"))
                    continue
                if not _inside(target, path):
                    problems.append((p, "symbolic link to a file outside the corpus folder, not followed"))
                    continue
            if p.is_file() or p.is_symlink():
                files.append(p)
            else:
                problems.append((p, "not a regular file (a device, socket or pipe)"))
    key = lambda p: os.fsencode(p.relative_to(path).as_posix())  # noqa: E731 - byte order, whatever the names
    # files before the links to them, so that a link inside the folder is the duplicate, not the original
    return path, sorted(files, key=lambda p: (p.is_symlink(), key(p))), sorted(problems, key=lambda x: key(x[0]))


class SidecarWarning(UserWarning):
    """A value of ``SOURCES.csv`` that was ignored or corrected; the message names the file, row and value."""


def _read_sidecar(data: bytes, label: str) -> dict[str, dict[str, str]]:
    """The rows of a ``SOURCES.csv`` by file name, their dates checked: a value that is not a date is
    ignored and a precision the date contradicts follows the date, each with one warning."""
    text, _ = decode(data)
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or "file" not in rows[0]:
        raise ValueError("sidecar has no 'file' column")
    out = {}
    for number, row in enumerate(rows, start=2):  # the header is line 1
        side = {k: (v or "").strip() for k, v in row.items() if k}
        value, given = side.get("published", ""), side.get("published_precision", "")
        try:
            day, precision = sidecar_date(value)
        except ValueError as exc:
            warnings.warn(f"{label} line {number}: published {value!r} ignored ({exc})", SidecarWarning, stacklevel=2)
            day, precision = "", "unknown"
        if day and given and given != precision:
            note = f"{label} line {number}: published_precision {given!r} contradicts {value!r}; read as {precision}"
            warnings.warn(note, SidecarWarning, stacklevel=2)
        side.update(published=day, published_precision=precision if day else "unknown")
        out[side["file"]] = side
    return out


def _published(lines: list[furniture.Line], text: str, side: dict[str, str], page_date: str) -> tuple[str, str, str]:
    """``(published, precision, source)`` by the order of trust: sidecar, dateline, inference."""
    if side.get("published"):
        return side["published"], side["published_precision"], "sidecar"
    if page_date and (found := parse_dateline(page_date)):
        return found[0], found[1], "text"
    for line in lines:
        if line.role == "dateline" and (found := parse_dateline(line.text)):
            return found[0], found[1], "text"
    for line in lines:  # a byline and a date on one line, or a date beside a place or outlet
        if (
            line.role in ("byline", "chrome", "standfirst")
            and (found := date_in_line(line.text))
            and len(found[2].split()) <= 8
        ):
            return found[0], found[1], "text"
    first = next((line for line in lines if line.role == "body"), None)
    if first is not None and (found := agency_dateline(first.text)):
        return found[0], found[1], "text"
    if found := infer_published(text):
        return found[0], found[1], "inferred"
    return "", "unknown", "none"


def _article(article_id: str, rel: str, raw: bytes, text: str, suffix: str, side: dict[str, str], title=None):
    """Build the article row and its paragraph rows, or return the reason it is not an article.

    ``title`` is given for a row of a table (its text has no title line)."""
    page = None
    if suffix in HTML_SUFFIXES:
        page = extract_page(text)
        if page is None:
            return "HTML page without article text (trafilatura found no main text)"
        lines = furniture.classify(page.lines, title=page.title)
    else:
        lines = furniture.classify(strip_markup(text).split("\n"), title=title)
    if not lines:
        return "blank file (only white space)"
    body_lines = [line for line in lines if line.role in furniture.ARTICLE_ROLES]
    if not any(line.role == "body" for line in body_lines):
        kinds = sorted({line.role for line in lines})
        return f"no article text: only page furniture ({len(lines)} lines: {', '.join(kinds)})"
    paragraphs, pos = [], 0
    for line in lines:
        start = end = pd.NA
        if line.role in furniture.ARTICLE_ROLES:
            start, end = pos, pos + len(line.text)
            pos = end + len(PARAGRAPH_BREAK)
        paragraphs.append(
            {
                "article_id": article_id,
                "line_no": line.line_no,
                "role": line.role,
                "rule": line.rule,
                "text": line.text,
                "start": start,
                "end": end,
            }
        )
    body = PARAGRAPH_BREAK.join(line.text for line in body_lines)
    if len(body) > MAX_CHARS:
        return f"too long to analyse: {len(body):,} characters of text (the ceiling is {MAX_CHARS:,})"
    if language := other_language(body):
        return f"not English ({language})"
    if title is None:
        title = page.title if page else next((line.text for line in lines if line.role == "title"), "")
    bylines = [furniture.byline_author(line.text) for line in lines if line.role == "byline"]
    published, precision, source = _published(
        lines, text if page is None else "\n".join(page.lines), side, page.date if page else ""
    )
    row = {
        "article_id": article_id,
        "story_id": article_id,
        "file": rel,
        "title": title,
        "outlet": side.get("outlet") or (page.sitename if page else ""),
        "author": side.get("author") or (page.author if page and page.author else next((b for b in bylines if b), "")),
        "published": published,
        "published_precision": precision,
        "published_source": source,
        "url": side.get("url") or side.get("address") or (page.url if page else ""),
        "n_words": furniture.n_words(body),
        "body": body,
        "sha256": hashlib.sha256(raw).hexdigest(),
    }
    return row, paragraphs


def _article_path(label: str, article_id: str, raw: bytes, suffix: str, side: dict, title) -> Path:
    from ..paths import CACHE

    fields = json.dumps(
        [label, article_id, hashlib.sha256(raw).hexdigest(), suffix, side, title, MAX_CHARS], sort_keys=True
    )
    return CACHE / "articles" / code_version() / f"{hashlib.sha256(fields.encode()).hexdigest()}.json"


def _read_article(label, article_id, raw, suffix, side, title) -> tuple:
    """What reading this file gave the last time the same code read it: ``(result, signature)``, or
    ``(None, None)``."""
    try:
        stored = json.loads(_article_path(label, article_id, raw, suffix, side, title).read_text(encoding="utf-8"))
        result = stored["result"]
        if not isinstance(result, str):  # one string for the values repeated on every line
            for line in result[1]:
                for key in ("article_id", "role", "rule"):
                    line[key] = sys.intern(line[key])
            result = tuple(result)
        return result, stored["signature"]
    except (OSError, ValueError, KeyError, TypeError):
        return None, None


def _write_article(label, article_id, raw, suffix, side, title, result, signature) -> None:
    path = _article_path(label, article_id, raw, suffix, side, title)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        stored = None if signature is None else [int(v) for v in signature]
        text = json.dumps({"result": result, "signature": stored}, ensure_ascii=False, default=_na)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:  # a cache that cannot be written costs time, not articles
        pass


def _na(value):
    if value is pd.NA:
        return None
    raise TypeError(f"{type(value).__name__} is not JSON")


class Reading:
    """The files under a path (a folder, a file or a list of files), read one at a time in order.

    Iterating reads them and gives each article's row, body and all, as it is read; files that are not
    articles go to ``rejected`` with the reason. Once every file is read, :meth:`corpus` is the whole
    :class:`Corpus` (without bodies: who iterates keeps them, as :meth:`load` does) with each article's
    story, which needs them all. :meth:`parts` hands the articles on in parts as they are read: what the
    Dask engine sends to its workers while the rest are still being read.
    """

    def __init__(self, path: str | Path | Iterable[str | Path] = SEEDS, strict: bool = False, paragraphs: bool = True):
        self.root, self._paths, problems = _files(path)
        self._folder = isinstance(path, str | Path) and Path(path).is_dir()
        self.strict, self.paragraphs = strict, paragraphs
        self.articles: list[dict] = []  # rows without their bodies
        self.lines: list[dict] = []
        self.rejected: list[dict] = []
        self.signatures: list = []
        self.failed: dict = {}  # shared with the parts and the corpus: file -> why it could not be analysed
        self._sidecars: dict[Path, dict[str, dict[str, str]]] = {}
        self._seen_hash: dict[str, str] = {}
        self._seen_id: dict[str, str] = {}
        self._started = False
        self._corpus: Corpus | None = None
        for p, reason in problems:
            self._reject(p, reason)
        # Sidecars first, so that they apply whatever the order of the files.
        for p in self._paths:
            if p.name == SIDECAR:
                try:
                    self._sidecars[p.parent] = _read_sidecar(p.read_bytes(), self._rel(p))
                except (OSError, ValueError, csv.Error, UnicodeError) as exc:
                    self._reject(p, f"unreadable sidecar {SIDECAR}: {exc}")
                else:
                    n = len(self._sidecars[p.parent])
                    self._reject(p, f"sidecar metadata, not an article (outlet, address and date for {n} files)", False)

    def _rel(self, p: Path) -> str:
        try:
            return _safe(p.relative_to(self.root).as_posix())
        except ValueError:
            return _safe(p.as_posix())

    def _reject(self, p: Path, reason: str, problem: bool = True) -> None:
        self._reject_label(self._rel(p), reason, problem)

    def _reject_label(self, label: str, reason: str, problem: bool = True) -> None:
        if self.strict and problem:
            raise CorpusError(f"{label}: {reason}")
        self.rejected.append({"file": label, "reason": reason})

    def _id(self, p: Path) -> str:
        """The path inside the folder without its extension: two story.txt in two folders are two articles."""
        return self._rel(p.with_suffix("")) if p.suffix else self._rel(p)

    def _row_id(self, p: Path, row) -> str:
        """A row's article id: its ``id``, or ``file#row`` (the extension kept, so that news.csv and
        news.jsonl never share one); an ``id`` another file already gave is qualified by this file."""
        if not row.article_id:
            return f"{self._rel(p)}#{row.number}"
        article_id = _safe(row.article_id)
        used = self._seen_id.get(article_id, "")
        if used and used.rsplit("#", 1)[0] != self._rel(p):
            return f"{self._rel(p)}#{article_id}"
        return article_id

    def _add(self, label: str, article_id: str, raw: bytes, text: str, suffix: str, side: dict, title=None):
        """The row of one article (a file or a row of a table), or ``None`` with the file rejected."""
        digest = hashlib.sha256(raw).hexdigest()
        if digest in self._seen_hash:
            return self._reject_label(label, f"duplicate of {self._seen_hash[digest]}")
        self._seen_hash[digest] = label
        if not text.strip():
            return self._reject_label(label, "blank text (only white space)" if text else "empty text")
        if article_id in self._seen_id:
            return self._reject_label(label, f"article id '{article_id}' already used by {self._seen_id[article_id]}")
        result, signature = _read_article(label, article_id, raw, suffix, side, title)
        signature = None if signature is None else np.asarray(signature, dtype=np.uint64)
        if result is None:
            try:
                result = _article(article_id, label, raw, text, suffix, side, title)
            except Exception as exc:  # a parser failure on one file must not lose the others
                result = f"could not be parsed: {type(exc).__name__}: {exc}"
            signature = None if isinstance(result, str) else stories.signature(result[0]["body"])
            _write_article(label, article_id, raw, suffix, side, title, result, signature)
        if isinstance(result, str):
            return self._reject_label(label, result)
        self._seen_id[article_id] = label
        row = result[0]
        self.articles.append({k: v for k, v in row.items() if k != "body"})
        if self.paragraphs:
            self.lines.extend(result[1])
        self.signatures.append(signature)
        return row

    def _read(self, p: Path) -> Iterator[dict]:
        """The articles of one file: none, one, or one per row of a table."""
        suffix = p.suffix.lower()
        if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES:
            self._reject(
                p, f"unsupported file type '{suffix or p.name}' (reads .txt, .html, .csv, .jsonl and .parquet)"
            )
            return
        try:
            raw = p.read_bytes()
        except OSError as exc:
            self._reject(p, f"unreadable: {exc.strerror or exc}")
            return
        if not raw:
            self._reject(p, "empty file (0 bytes)")
            return
        if suffix in TABLE_SUFFIXES:
            try:
                rows, bad = read_table(raw, suffix)
            except TableError as exc:
                self._reject(p, str(exc))
                return
            self._reject(p, f"table of {len(rows)} articles (each row is read as an article)", problem=False)
            for number, reason in bad:
                self._reject_label(f"{self._rel(p)}#{number}", reason)
            for row in rows:
                label = f"{self._rel(p)}#{row.number}"
                article_id = self._row_id(p, row)
                if found := self._add(
                    label, article_id, row.text.encode("utf-8"), row.text, ".txt", row.side, row.title
                ):
                    yield found
            return
        digest = hashlib.sha256(raw).hexdigest()
        if digest in self._seen_hash:
            self._reject(p, f"duplicate of {self._seen_hash[digest]}")
            return
        try:
            text, _ = decode(raw)
        except (NotText, UnicodeError) as exc:
            self._seen_hash[digest] = self._rel(p)
            self._reject(p, str(exc) if isinstance(exc, NotText) else f"undecodable text: {exc}")
            return
        if not text.strip():
            self._seen_hash[digest] = self._rel(p)
            self._reject(p, "blank file (only white space)")
            return
        side = self._sidecars.get(p.parent, {}).get(p.name, {})
        if found := self._add(self._rel(p), self._id(p), raw, text, suffix, side):
            yield found

    def __iter__(self) -> Iterator[dict]:
        if self._started:
            raise RuntimeError("the files of a Reading are read once")
        self._started = True
        for p in self._paths:
            if p.name != SIDECAR:
                yield from self._read(p)
        present = set(self._paths)
        for folder, sides in self._sidecars.items() if self._folder else ():  # files picked one by one: not all
            for name in sides:
                if folder / name not in present:
                    label = self._rel(folder / SIDECAR)
                    warnings.warn(f"{label} names {name!r}, which is not in the folder", SidecarWarning, stacklevel=2)

    def parts(self, size: int) -> Iterator[Corpus]:
        """The articles ``size`` at a time as they are read, in order, each part with its bodies and sharing
        ``failed`` with the whole (the story of each is not known yet: ``story_id`` is empty)."""
        rows = iter(self)
        while chunk := list(itertools.islice(rows, size)):
            frame = pd.DataFrame(chunk, columns=ARTICLE_COLUMNS).astype({"n_words": "int64"})
            frame["story_id"] = pd.Series([""] * len(frame), dtype=object)
            yield Corpus(
                frame,
                pd.DataFrame(columns=REJECTED_COLUMNS),
                pd.DataFrame(columns=PARAGRAPH_COLUMNS),
                self.root,
                self.failed,
            )
        self.corpus()  # the stories, while the last parts are still being analysed

    def corpus(self, bodies: list[str] | BodyStore | None = None) -> Corpus:
        """The whole corpus, once every file is read; ``bodies`` in the order of the articles, or in a store
        (the articles table then has no ``body`` column)."""
        if self._corpus is not None and bodies is None:
            return self._corpus
        columns = [c for c in ARTICLE_COLUMNS if c != "body"]
        frame = pd.DataFrame(self.articles, columns=columns).astype({"n_words": "int64"})
        if isinstance(bodies, list):
            frame.insert(ARTICLE_COLUMNS.index("body"), "body", pd.Series(bodies, index=frame.index, dtype=object))
        frame["story_id"] = pd.Series(stories.story_ids(frame, self.signatures), index=frame.index, dtype=object)
        self._corpus = Corpus(
            articles=frame,
            rejected=pd.DataFrame(self.rejected, columns=REJECTED_COLUMNS),
            paragraphs=pd.DataFrame(self.lines, columns=PARAGRAPH_COLUMNS).astype({"start": "Int64", "end": "Int64"}),
            root=self.root,
            failed=self.failed,
            bodies=bodies if isinstance(bodies, BodyStore) else None,
        )
        return self._corpus

    def load(self, bodies_on_disk: bool = False) -> Corpus:
        """Read every file: the whole corpus, bodies and all (kept in a temporary file with ``bodies_on_disk``)."""
        store = BodyStore() if bodies_on_disk else None
        bodies: list[str] = []
        for row in self:
            if store is not None:
                store.add(row["file"], row["body"])
            else:
                bodies.append(row["body"])
        return self.corpus(store if store is not None else bodies)


def load_corpus(
    path: str | Path | Iterable[str | Path] = SEEDS,
    strict: bool = False,
    paragraphs: bool = True,
    bodies_on_disk: bool = False,
) -> Corpus:
    """Read every file under ``path`` (a folder, a file or a list of files) into a :class:`Corpus`.

    Each file ends up exactly once: as an article, or in ``rejected`` with a reason (unsupported type,
    empty, blank, binary, unreadable, duplicate, furniture only). ``SOURCES.csv`` sidecars supply outlet,
    address and publication date for the files beside them and are listed in ``rejected`` as metadata.
    With ``strict=True`` the first problem raises :class:`CorpusError` instead. With ``paragraphs=False``
    the table of lines is left empty (what the export does: the tables need only the articles, and a
    large corpus then costs a row per article in memory, not one per line). With ``bodies_on_disk=True``
    (what the export does too) the articles table has no ``body`` column: the bodies wait in a temporary
    file (:mod:`libyalib.ingest.bodies`) and come back an article at a time with :meth:`Corpus.rows`, or a part
    at a time with :meth:`Corpus.parts`.
    """
    return Reading(path, strict, paragraphs).load(bodies_on_disk)
