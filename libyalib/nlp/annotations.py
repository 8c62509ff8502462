"""The on-disk annotation cache: each article's title and body annotated once, read back one at a time.

An entry is ``.cache/libyalib/annotations/<pipeline key>/<sha256 of the text>.spacy``: a header line with the
format version and the sha256 of the ``DocBin`` bytes that follow. Entries are written to a temporary name
and renamed, so an interrupted run leaves no half entry; an entry that cannot be read, fails its checksum
or holds another text is treated as missing (one warning names it), annotated again and rewritten.

A body longer than :data:`PIECE` characters is annotated in pieces cut at paragraph breaks (or, inside a
very long paragraph, after a sentence), and the pieces are joined into one ``Doc`` whose text is the body
exactly, so offsets hold and spaCy's length limit is never reached. An article whose annotation fails is
set aside with the reason (``corpus.failed``) and the others go on.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
import warnings
from collections import deque
from itertools import chain
from pathlib import Path

from spacy.tokens import Doc, DocBin

from ..paths import CACHE
from .model import BATCH_SIZE, known_text, pipeline, pipeline_key

FORMAT = b"libyalib-annotation 1"
#: The longest text given to spaCy in one piece (its own limit is 1,000,000 characters).
PIECE = 100_000


def text_key(row) -> str:
    """sha256 of what is annotated (title and body): a change in how a file is read is a new entry."""
    return hashlib.sha256(f"{row.title}\x00{row.body}".encode()).hexdigest()


def cache_path(row, key: str | None = None) -> Path:
    return CACHE / "annotations" / (key or pipeline_key()) / f"{text_key(row)}.spacy"


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters at paragraph breaks, else after a sentence,
    else at a space; ``"".join(pieces(text)) == text``."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n\n")
        if cut > 0:
            cut += 2
        else:
            sentence = [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s+", window)]
            cut = sentence[-1] if sentence else window.rfind(" ") + 1
        if cut <= 0:
            cut = size
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def _write(path: Path, docs: list[Doc]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = DocBin(store_user_data=False, docs=docs).to_bytes()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(FORMAT + b" " + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    tmp.replace(path)


def _read(path: Path, row, vocab) -> tuple[Doc, Doc] | None:
    """The entry's title and body, or ``None`` when it is missing, damaged or holds another text."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        warnings.warn(f"annotation cache entry {path} cannot be read ({exc.strerror}); annotating again", stacklevel=3)
        return None
    try:
        header, payload = data.split(b"\n", 1)
        fmt, digest = header.rsplit(b" ", 1)
        if fmt != FORMAT or hashlib.sha256(payload).hexdigest().encode() != digest:
            raise ValueError("wrong format or checksum")
        title, body = DocBin().from_bytes(payload).get_docs(vocab)
        if (title.text, body.text) != (row.title, row.body):
            raise ValueError("it holds another text")
    except Exception as exc:  # any damage: truncated, zeroed, copied from elsewhere, another version
        warnings.warn(f"annotation cache entry {path} is damaged ({exc}); annotating again", stacklevel=3)
        return None
    return known_text(title, row.title), known_text(body, row.body)


def _intact(path: Path) -> bool:
    """Is the entry there with its format line and checksum right (without building its Docs)?"""
    try:
        header, payload = path.read_bytes().split(b"\n", 1)
        fmt, digest = header.rsplit(b" ", 1)
    except (OSError, ValueError):
        return False
    return fmt == FORMAT and hashlib.sha256(payload).hexdigest().encode() == digest


def _annotate(nlp, rows, n_process: int):
    """``(row, [title, body])`` for each of ``rows``, in order, lazily: one ``nlp.pipe`` over all their
    texts, so that spaCy's worker processes annotate ahead while the caller reads what is done. ``rows`` is
    read only as spaCy asks for more texts, so that only the articles in flight are in memory.

    While forked workers run, the objects that existed when they were forked are kept out of garbage
    collection (``gc.freeze``): a collection writes to every object it visits, so each process would soon
    hold its own copy of pages the fork let them share.
    """
    waiting: deque = deque()  # (row, number of texts) handed to spaCy and not yet given back

    def texts():
        for row in rows:
            cut = [row.title, *pieces(row.body)]
            waiting.append((row, len(cut)))
            yield from cut

    frozen = n_process > 1 and not gc.get_freeze_count()
    if frozen:
        gc.freeze()
    try:
        stream = iter(nlp.pipe(texts(), batch_size=BATCH_SIZE, n_process=n_process))
        for first in stream:
            row, n = waiting.popleft()
            docs = [first, *(next(stream) for _ in range(n - 1))]
            body = docs[1] if len(docs) == 2 else Doc.from_docs(docs[1:], ensure_whitespace=False)
            yield row, [known_text(docs[0], row.title), known_text(body, row.body)]
    finally:
        if frozen:
            gc.unfreeze()


def _reason(exc: BaseException) -> str:
    return f"could not be annotated: {type(exc).__name__}: {exc}"


def _annotate_one(nlp, row):
    """``(row, [title, body])``, or ``(row, reason)`` when it cannot be annotated."""
    try:
        return next(_annotate(nlp, [row], 1))
    except Exception as exc:
        return row, _reason(exc)


def _annotate_safely(nlp, rows, n_process: int):
    """As :func:`_annotate`, but a failure costs only the article that caused it: the rest are annotated
    one at a time. Yields ``(row, [title, body])`` or ``(row, reason)``."""
    rows = iter(rows)
    handed: deque = deque()  # given to spaCy and not yet given back

    def fed():
        for row in rows:
            handed.append(row)
            yield row

    try:
        for item in _annotate(nlp, fed(), n_process):
            handed.popleft()
            yield item
    except Exception:
        for row in chain(list(handed), rows):
            yield _annotate_one(nlp, row)


def _todo(corpus, key: str) -> dict[str, str]:
    """The texts whose entry is missing or damaged, each with the first article that has it (a damaged
    entry is named once)."""
    todo: dict[str, str] = {}
    for row in corpus.rows():
        k = text_key(row)
        if row.file in corpus.failed or k in todo:
            continue
        path = cache_path(row, key)
        if not _intact(path):
            if path.exists():
                warnings.warn(f"annotation cache entry {path} is damaged; annotating again", stacklevel=3)
            todo[k] = row.file
    return todo


def _wanted(corpus, todo: dict[str, str]):
    """The articles of ``todo``, in corpus order, each read (body and all) only when it is reached."""
    files = set(todo.values())
    return (row for row in corpus.rows() if row.file in files)


def _processes(n: int, n_process: int | None) -> int:
    return n_process if n_process is not None else 2 if n >= 200 and (os.cpu_count() or 1) > 1 else 1


def _bar(n: int, progress: bool | None):
    if progress or (progress is None and n >= 50):
        from tqdm.auto import tqdm

        return tqdm(total=n, desc="annotating", unit="article")
    return None


def ensure_annotated(corpus, progress: bool | None = None, n_process: int | None = None) -> int:
    """Annotate the articles whose entry is missing or damaged, writing each entry as soon as it is done;
    returns how many were annotated. Failures are recorded in ``corpus.failed`` (file -> reason)."""
    nlp = pipeline()
    key = nlp.meta["libyalib_key"]
    todo = _todo(corpus, key)
    bar, done = _bar(len(todo), progress), 0
    for row, result in _annotate_safely(nlp, _wanted(corpus, todo), _processes(len(todo), n_process)) if todo else ():
        if isinstance(result, str):
            corpus.failed[row.file] = result
        else:
            _write(cache_path(row, key), result)
            done += 1
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return done


def iter_docs(corpus, progress: bool | None = None, n_process: int | None = None):
    """Yield ``(article, title_doc, body_doc)`` in corpus order, one article in memory at a time, annotating
    what the cache lacks as it goes (spaCy's workers run ahead while the caller reads the articles done);
    articles that could not be annotated are skipped (their reason is in ``corpus.failed``)."""
    nlp = pipeline()
    key = nlp.meta["libyalib_key"]
    todo = _todo(corpus, key)
    fresh = iter(_annotate_safely(nlp, _wanted(corpus, todo), _processes(len(todo), n_process)) if todo else ())
    bar = _bar(len(todo), progress)
    just_done: dict[str, list[Doc]] = {}  # the last text annotated, for a copy of it right after
    produced: set[str] = set()
    for row in corpus.rows():
        if row.file in corpus.failed:
            continue
        k = text_key(row)
        if k in todo and k not in produced:
            done_row, result = next(fresh)  # the stream follows the corpus order
            produced.add(k)
            if bar is not None:
                bar.update(1)
            if isinstance(result, str):
                corpus.failed[done_row.file] = result
                continue
            _write(cache_path(done_row, key), result)
            just_done = {k: result}
            docs = tuple(result)
        elif k in just_done:
            docs = tuple(just_done[k])
        else:
            docs = _read(cache_path(row, key), row, nlp.vocab)
            if docs is None:  # damaged since it was checked: annotate it alone
                result = _annotate_one(nlp, row)[1]
                if isinstance(result, str):
                    corpus.failed[row.file] = result
                    continue
                _write(cache_path(row, key), result)
                docs = tuple(result)
        yield row, docs[0], docs[1]
    if bar is not None:
        bar.close()
