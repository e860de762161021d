"""The product-code index (商品编码索引): one entry per code, with the product's identity and what concerns it."""

from __future__ import annotations

from datetime import datetime

from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from documents.core.clock import utcnow
from documents.enums import ProductCodeType


class Product(Document):
    """A registered product code: GTIN (stored as GTIN-14) or trace code, the product and its enterprise.

    Filled from registered/demo products and from recalls that carry GTINs (`refresh_from_recalls`); warnings and
    recalls listed here are linked to the product even when they carry no code themselves.
    """

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    code: str  # the index key: GTIN-14 or upper-case trace code
    code_type: ProductCodeType
    name: str
    name_en: str | None = None
    brand: str | None = None
    model: str | None = None
    category: str | None = None
    enterprise_uscc: str | None = None
    warning_codes: list[str] = Field(default_factory=list)
    recall_codes: list[str] = Field(default_factory=list)
    source: str = "registered"  # "registered", "demo" or "recall:<code>"
    search_text: str = ""
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "products"
        indexes = [IndexModel("code", name="code_unique", unique=True), IndexModel("enterprise_uscc")]

    def refresh_derived(self) -> None:
        parts = [self.name, self.name_en or "", self.brand or "", self.model or "", self.category or ""]
        self.search_text = " ".join(p for p in parts if p).lower()
