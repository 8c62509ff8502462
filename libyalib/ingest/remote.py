"""Corpora and outputs at fsspec URLs (``s3://``, ``gcs://``, ``memory://`` ...), for workers and drivers on
machines that do not share a disk.

A source URL is copied into a local temporary folder, file names and folders kept, and read from there (so
``article_id``, labels and tables are those of the same files on a local disk); an output URL receives the
files written to a local temporary folder once they are complete, so a run that fails leaves nothing
there. The backend of an object store (``s3fs``, ``gcsfs``) is the user's to install; without it the URL is
refused in one line. Local paths and ``file://`` URLs are read and written in place.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse


class RemoteError(ValueError):
    """A URL that cannot be read or written: says which and why, in one line."""


def is_remote(value: str) -> bool:
    """Is ``value`` a URL that is not a local path or a ``file://`` URL?"""
    return "://" in value and urlparse(value).scheme not in ("", "file")


def local_path(value: str) -> Path:
    """A local path, or the path of a ``file://`` URL."""
    return Path(unquote(urlparse(value).path)) if value.startswith("file://") else Path(value)


def _filesystem(url: str):
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        scheme = urlparse(url).scheme
        raise RemoteError(f"cannot open {scheme}:// URLs: {exc}") from None


@contextmanager
def fetched(url: str):
    """The folder or file at ``url``, copied to a local temporary folder for as long as the block runs."""
    fs, path = _filesystem(url)
    path = path.rstrip("/")
    with tempfile.TemporaryDirectory(prefix="libyalib-source-") as tmp:
        local = Path(tmp) / (path.rsplit("/", 1)[-1] or "corpus")
        try:
            if fs.isdir(path):
                local.mkdir()
                for remote in sorted(fs.find(path)):
                    target = local / remote[len(path) :].lstrip("/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    fs.get_file(remote, str(target))
            elif fs.isfile(path):
                fs.get_file(path, str(local))
            else:
                raise RemoteError(f"no such file or folder: {url}")
        except OSError as exc:
            raise RemoteError(f"cannot read {url}: {exc}") from None
        yield local


@contextmanager
def published(url: str):
    """A local temporary folder whose files are copied to ``url`` when the block ends without an error."""
    fs, path = _filesystem(url)
    path = path.rstrip("/")
    with tempfile.TemporaryDirectory(prefix="libyalib-out-") as tmp:
        yield Path(tmp)
        try:
            for local in sorted(p for p in Path(tmp).rglob("*") if p.is_file()):
                target = f"{path}/{local.relative_to(tmp).as_posix()}"
                fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
                fs.put_file(str(local), target)
        except OSError as exc:
            raise RemoteError(f"cannot write {url}: {exc}") from None
