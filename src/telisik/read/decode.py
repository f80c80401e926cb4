"""Bytes to text: encoding detection, and refusing binary data early.

Order: a BOM (UTF-8, UTF-16, UTF-32), strict UTF-8, an encoding the input
declares (HTML ``<meta charset>``), then charset-normalizer. Latin-script
guesses are settled on cp1252: Indonesian legacy pages are Windows-1252, and
charset-normalizer often calls short mostly-ASCII text cp1250, which would turn
"André" into "Andrč".
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

from ..errors import BinaryInput

logger = logging.getLogger(__name__)

#: How many leading bytes the binary checks and the format sniffer look at.
HEAD_BYTES = 8192

NOT_TEXT = "not text, HTML, JSON or a feed"

# Leading bytes of formats people drop into a folder by mistake; named in the message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/EPUB file)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that plain text legitimately contains.
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

#: Share of control characters above which decoded text is treated as binary.
MAX_CONTROL_RATIO = 0.01


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the input starts with one."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes look binary (a known file signature, NUL bytes), else None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return f"binary data ({name}), {NOT_TEXT}"
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return None  # NUL bytes are normal there
    if b"\x00" in head[:HEAD_BYTES]:
        return f"binary data (NUL bytes in the first {HEAD_BYTES // 1024} KB), {NOT_TEXT}"
    return None


def control_ratio(text: str) -> float:
    """Share of control characters (other than tabs and line breaks) in ``text``."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return bad / len(text)


def known_encoding(name: str | None) -> str | None:
    """The codec's canonical name, or None if Python does not know ``name``."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None


def decode(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode ``data`` to text, raising BinaryInput when it is not text in any encoding."""
    reason = binary_reason(data[:HEAD_BYTES])
    if reason:
        raise BinaryInput(source, reason)
    text = _decode(data, declared)
    if text is None:
        fits = "no text encoding fits: not UTF-8, UTF-16 or a known code page"
        raise BinaryInput(source, f"binary data ({fits}), {NOT_TEXT}")
    ratio = control_ratio(text[:65536])
    if ratio > MAX_CONTROL_RATIO:
        raise BinaryInput(source, f"binary data ({ratio:.0%} control characters), {NOT_TEXT}")
    return text


def _decode(data: bytes, declared: str | None) -> str | None:
    """The text under the first encoding that fits, in the documented order."""
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            logger.debug("byte-order mark says %s but the data does not decode", bom)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = known_encoding(declared)
    if codec and codec not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            logger.debug("declared encoding %s does not decode the data", codec)
    return _guess(data)


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, settled on cp1252 when the text is Latin script."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if _latin_script(text):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass  # bytes cp1252 leaves undefined (0x81, 0x8D, ...): keep the guess
    logger.debug("decoded as %s", best.encoding)
    return text


def _latin_script(text: str) -> bool:
    """True when every letter is a Latin letter (so cp1252 is as good a reading as any)."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in set(text) if ch.isalpha())
