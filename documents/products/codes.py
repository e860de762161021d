"""Product codes, pure: a GTIN/EAN/UPC (check digit verified by python-stdnum), a trace code, or free text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum import ean

from documents.core.errors import RuleViolation
from documents.enums import ProductCodeType

MAX_CODE = 200
GTIN_LENGTHS = frozenset({8, 12, 13, 14})
# A traceability code (追溯码) given at the source: 16-64 letters and digits (separators dropped). Digit strings of
# a GTIN's length are GTINs (valid or not), never trace codes.
_TRACE = re.compile(r"^[A-Z0-9]{16,64}$")
_SEPARATORS = re.compile(r"[\s\-_.]")
# A GS1 element string from a scanner: "(01)" + 14 digits, or "01" + 14 digits + further elements.
_GS1_AI_01 = re.compile(r"^\(01\)(\d{14})|^01(\d{14})(?:\d{2}|\(|$)")


@dataclass(frozen=True)
class ProductCode:
    """A classified code: `key` is what the index is searched by (GTIN-14 for GTINs, upper-case for trace codes)."""

    raw: str
    code: str
    type: ProductCodeType
    valid: bool

    @property
    def key(self) -> str:
        if self.type is ProductCodeType.GTIN:
            return self.code.zfill(14)
        if self.type is ProductCodeType.TRACE_CODE:
            return self.code
        return self.code.lower()

    def variants(self) -> list[str]:
        """Every spelling of the same GTIN another record may hold (GTIN-14, -13, -12, -8 without leading zeros)."""
        if self.type is not ProductCodeType.GTIN:
            return [self.key]
        g14 = self.key
        out = [g14]
        for length in (13, 12, 8):
            if g14[: 14 - length].strip("0") == "":
                out.append(g14[14 - length:])
        return out


def classify(raw: str, field: str = "code") -> ProductCode:
    """Classify what was typed or scanned; RuleViolation naming `field` when it is empty or too long."""
    text = (raw or "").strip()
    if not text:
        raise RuleViolation("a product code or name is required", field=field)
    if len(text) > MAX_CODE:
        raise RuleViolation(f"{field} is longer than {MAX_CODE} characters", field=field)
    compact = _SEPARATORS.sub("", text).upper()
    gs1 = _GS1_AI_01.match(compact)
    if gs1:
        compact = (gs1.group(1) or gs1.group(2))
    if compact.isdigit() and len(compact) in GTIN_LENGTHS:
        return ProductCode(raw=text, code=compact, type=ProductCodeType.GTIN, valid=bool(ean.is_valid(compact)))
    if _TRACE.match(compact) and any(c.isdigit() for c in compact):
        return ProductCode(raw=text, code=compact, type=ProductCodeType.TRACE_CODE, valid=True)
    return ProductCode(raw=text, code=" ".join(text.split()), type=ProductCodeType.TEXT, valid=True)


def normalise_gtin(raw: str, field: str = "gtin") -> str:
    """A valid GTIN as GTIN-14 (index key), or RuleViolation naming `field`."""
    code = classify(raw, field)
    if code.type is not ProductCodeType.GTIN or not code.valid:
        raise RuleViolation(f"{raw!r} is not a GTIN with a valid check digit", field=field)
    return code.key


def with_check_digit(body: str) -> str:
    """A GTIN from its digits without the check digit (demo codes)."""
    return body + str(ean.calc_check_digit(body))
