"""Turn the bytes of a saved article into text, or say why they are not text."""

from __future__ import annotations

import codecs
import html
import re

# Bytes that plain text does not contain (C0 controls other than tab, newline, form feed, carriage return).
_CONTROL = bytes([*range(0, 9), 11, *range(14, 32), 127])
_CONTROL_CHAR = re.compile("[" + re.escape(_CONTROL.decode("ascii")) + "]")


class NotText(ValueError):
    """The bytes are not a text file; the message says why."""


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes look like UTF-16 text saved without a byte-order mark:
    most characters are ASCII, so every other byte, and always the same one, is NUL."""
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.6 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.6 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and normalise line ends to ``\\n``.

    Returns ``(text, encoding)``; tries UTF-8 (with or without BOM), UTF-16 with a BOM or, where every other
    byte is NUL, without one, then cp1252 and latin-1. Raises :class:`NotText` for empty or binary input.
    """
    if not data:
        raise NotText("empty file (0 bytes)")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif (wide := _utf16_without_bom(data[:65536])) is not None:
        try:
            text, encoding = data.decode(wide), wide
        except UnicodeDecodeError as exc:
            raise NotText(f"binary file (NUL bytes, and not {wide}: {exc.reason}), not text") from None
    else:
        sample = data[:65536]
        if b"\x00" in sample:
            raise NotText("binary file (contains NUL bytes), not text")
        controls = len(sample) - len(sample.translate(None, _CONTROL))
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
    if _CONTROL_CHAR.search(text, 0, 65536):
        raise NotText("binary file (control characters after decoding), not text")
    return text, encoding


#: HTML tags that scraped text carries over ("<b>", "<br>", "</p>"); ``<`` in prose is left alone.
_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|center|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|li|mark|"
    r"ol|p|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul)\b[^<>]*/?>",
    re.I,
)
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|tr|blockquote)>", re.I)
_SCRIPT = re.compile(r"<(script|style|noscript)\b[^<>]*>.*?</\1\s*>", re.I | re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)


def strip_markup(text: str) -> str:
    """Stray HTML in a text file: tags removed (line-break tags become line ends, scripts and styles go
    with their content), then character entities decoded (``&amp;``, ``&#8217;``); text without markup is
    returned unchanged."""
    if "<" not in text and "&" not in text:
        return text
    text = _SCRIPT.sub("", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    if _ENTITY.search(text):
        text = html.unescape(text)
    return text
