"""Images, pure: the type from the bytes (never the name), decoded and re-encoded by Pillow so that no EXIF,
GPS or other metadata survives. HEIC (phone cameras) is decoded with pillow-heif and stored as JPEG."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import IO

from PIL import Image, ImageOps
from pillow_heif import register_heif_opener

from documents.core.errors import RuleViolation

register_heif_opener()

MAX_BYTES = 10 * 1024 * 1024  # 10 MB per photo
MAX_PIXELS = 50_000_000  # a decompression bomb is refused before decoding
MAX_SIDE = 4096  # re-encoded photos are scaled down to this on their longest side
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")
# What each accepted type is stored as: (Pillow format, MIME type).
_OUTPUT = {"JPEG": ("JPEG", "image/jpeg"), "PNG": ("PNG", "image/png"), "WEBP": ("WEBP", "image/webp"),
           "HEIF": ("JPEG", "image/jpeg")}


def sniff(head: bytes) -> str | None:
    """JPEG, PNG, WEBP or HEIF from the first bytes; None for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "HEIF"
    return None


@dataclass(frozen=True)
class Encoded:
    """A re-encoded image, with nothing but pixels."""

    data: bytes
    content_type: str
    width: int
    height: int


def reencode(source: IO[bytes], field: str = "file") -> Encoded:
    """Decode `source` (type checked from its bytes) and encode its pixels again; RuleViolation for anything
    that is not a JPEG, PNG, WebP or HEIC image Pillow can read."""
    source.seek(0)
    kind = sniff(source.read(32))
    if kind is None:
        raise RuleViolation("the file is not a JPEG, PNG, WebP or HEIC image", field=field)
    source.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(source)
            if (opened.format or "").upper() not in (kind, "MPO" if kind == "JPEG" else kind):
                raise RuleViolation("the file's content does not match its image type", field=field)
            if opened.width * opened.height > MAX_PIXELS:
                raise RuleViolation("the image has too many pixels", field=field)
            opened.load()
    except RuleViolation:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning, Image.DecompressionBombError,
            EOFError) as exc:
        raise RuleViolation("the image cannot be read (damaged or not an image)", field=field) from exc
    # Camera orientation is applied to the pixels, then every metadata block is left behind.
    image: Image.Image = ImageOps.exif_transpose(opened) or opened
    out_format, content_type = _OUTPUT[kind]
    if out_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    clean = Image.new(image.mode, image.size)
    if image.mode == "P":
        clean.putpalette(image.getpalette() or [])
    clean.paste(image)
    clean.thumbnail((MAX_SIDE, MAX_SIDE))
    buffer = io.BytesIO()
    options: dict = {"quality": 88, "optimize": True} if out_format == "JPEG" else {}
    if out_format == "WEBP":
        options = {"quality": 88}
    clean.save(buffer, format=out_format, **options)
    return Encoded(buffer.getvalue(), content_type, clean.width, clean.height)
