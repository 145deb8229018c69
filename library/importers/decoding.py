"""Reading a file as text, or saying plainly why it is not one.

Files people collect come in old encodings (cp1252 and latin-1 above all), now and then as a
PDF or an image with a text suffix, and sometimes huge. The checks run in order of cost: size
from the directory entry, magic numbers and NUL bytes from the first bytes, then UTF-8, then
charset-normalizer's detection for everything else.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .failure import ImportFailure

MAX_BYTES = 20 * 1024 * 1024

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/EPUB file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x7fELF": "a program",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_text(path: Path) -> str:
    """The file's text with newlines normalised, or an ImportFailure saying why not."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImportFailure(path, "not a regular file")
        if size > MAX_BYTES:
            raise ImportFailure(path, _too_big(size))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(path, f"cannot read: {exc.strerror or exc}") from None
    return text_of(data, path)


def read_stream(stream, origin: Path) -> str:
    """Text piped in (standard input), held to the same size limit as a file."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(origin, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ImportFailure(origin, _too_big(len(data)) + " (or more)")
    return text_of(data, origin)


def text_of(data: bytes, origin: Path) -> str:
    text = decode(data, origin)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportFailure(origin, "empty file" if not data else "file holds only white space")
    return text


def binary_kind(data: bytes) -> str | None:
    """What a binary file is ("a PDF document"), from its first bytes; None for text."""
    return next((what for magic, what in _MAGIC.items() if data.startswith(magic)), None)


def _too_big(size: int) -> str:
    return f"file is {size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB"


def decode(data: bytes, path: Path) -> str:
    what = binary_kind(data)
    if what:
        raise ImportFailure(path, f"binary file ({what}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise ImportFailure(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Western text that is not UTF-8 is nearly always Windows-1252 (latin-1's superset), and on
    # short texts the general detector picks look-alike code pages, so ask about it first.
    best = from_bytes(data, cp_isolation=["cp1252"]).best() or from_bytes(data).best()
    if best is None:
        raise ImportFailure(path, "binary file or unknown text encoding")
    return str(best)
