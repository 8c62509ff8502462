"""Turn the bytes of a saved article into text, or say why they are not text."""
from __future__ import annotations

import codecs

# Bytes that plain text does not contain (C0 controls other than tab, newline, form feed, carriage return).
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}


class NotText(ValueError):
    """The bytes are not a text file; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and normalise line ends to ``\\n``.

    Returns ``(text, encoding)``; tries UTF-8 (with or without BOM), UTF-16 with a BOM, then cp1252 and
    latin-1. Raises :class:`NotText` for empty or binary input.
    """
    if not data:
        raise NotText("empty file (0 bytes)")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    else:
        sample = data[:65536]
        if b"\x00" in sample:
            raise NotText("binary file (contains NUL bytes), not text")
        controls = sum(b in _CONTROL for b in sample)
        if controls > max(2, len(sample) // 100):
            raise NotText(f"binary file ({controls} control bytes in the first {len(sample)}), not text")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ord(c) in _CONTROL for c in text[:65536]):
        raise NotText("binary file (control characters after decoding), not text")
    return text, encoding
