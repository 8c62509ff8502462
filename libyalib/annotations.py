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

import hashlib
import os
import re
import warnings
from pathlib import Path

from spacy.tokens import Doc, DocBin

from .nlp import BATCH_SIZE, pipeline
from .paths import CACHE

FORMAT = b"libyalib-annotation 1"
#: The longest text given to spaCy in one piece (its own limit is 1,000,000 characters).
PIECE = 100_000


def text_key(row) -> str:
    """sha256 of what is annotated (title and body): a change in how a file is read is a new entry."""
    return hashlib.sha256(f"{row.title}\x00{row.body}".encode()).hexdigest()


def cache_path(row, key: str | None = None) -> Path:
    return CACHE / "annotations" / (key or pipeline().meta["libyalib_key"]) / f"{text_key(row)}.spacy"


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
    return title, body


def _intact(path: Path) -> bool:
    """Is the entry there with its format line and checksum right (without building its Docs)?"""
    try:
        header, payload = path.read_bytes().split(b"\n", 1)
        fmt, digest = header.rsplit(b" ", 1)
    except (OSError, ValueError):
        return False
    return fmt == FORMAT and hashlib.sha256(payload).hexdigest().encode() == digest


def _annotate(nlp, rows: list, n_process: int) -> list[tuple[object, list[Doc] | str]]:
    """``(row, [title, body])`` or ``(row, reason)`` for each row, in order."""
    texts = [(row, [row.title, *pieces(row.body)]) for row in rows]
    flat = (t for _, parts in texts for t in parts)
    stream = iter(nlp.pipe(flat, batch_size=BATCH_SIZE, n_process=n_process))
    out = []
    for row, parts in texts:
        docs = [next(stream) for _ in parts]
        out.append((row, [docs[0], Doc.from_docs(docs[1:], ensure_whitespace=False)]))
    return out


def _annotate_safely(nlp, rows: list, n_process: int) -> list[tuple[object, list[Doc] | str]]:
    """As :func:`_annotate`, but a failure costs only the article that caused it."""
    try:
        return _annotate(nlp, rows, n_process)
    except Exception:
        if len(rows) == 1:
            import traceback

            exc = traceback.format_exc().strip().splitlines()[-1]
            return [(rows[0], f"could not be annotated: {exc}")]
        out = []
        for row in rows:
            out += _annotate_safely(nlp, [row], 1)
        return out


def ensure_annotated(corpus, progress: bool | None = None, n_process: int | None = None) -> int:
    """Annotate the articles whose entry is missing or damaged, writing each entry as soon as it is done;
    returns how many were annotated. Failures are recorded in ``corpus.failed`` (file -> reason)."""
    nlp = pipeline()
    key = nlp.meta["libyalib_key"]
    todo = {}
    for row in corpus.articles.itertuples():
        path = cache_path(row, key)
        if text_key(row) not in todo and not _intact(path):
            if path.exists():
                warnings.warn(f"annotation cache entry {path} is damaged; annotating again", stacklevel=2)
            todo[text_key(row)] = row
    rows = list(todo.values())
    if not rows:
        return 0
    if n_process is None:
        n_process = 2 if len(rows) >= 200 and (os.cpu_count() or 1) > 1 else 1
    bar = None
    if progress or (progress is None and len(rows) >= 50):
        from tqdm.auto import tqdm

        bar = tqdm(total=len(rows), desc="annotating", unit="article")
    done = 0
    for start in range(0, len(rows), 4 * BATCH_SIZE):
        for row, result in _annotate_safely(nlp, rows[start : start + 4 * BATCH_SIZE], n_process):
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
    """Yield ``(article, title_doc, body_doc)`` in corpus order, one article in memory at a time; articles
    that could not be annotated are skipped (their reason is in ``corpus.failed``)."""
    ensure_annotated(corpus, progress, n_process)
    nlp = pipeline()
    key = nlp.meta["libyalib_key"]
    for row in corpus.articles.itertuples():
        if row.file in corpus.failed:
            continue
        docs = _read(cache_path(row, key), row, nlp.vocab)
        if docs is None:  # damaged since it was written: annotate it alone
            result = _annotate_safely(nlp, [row], 1)[0][1]
            if isinstance(result, str):
                corpus.failed[row.file] = result
                continue
            _write(cache_path(row, key), result)
            docs = tuple(result)
        yield row, docs[0], docs[1]
