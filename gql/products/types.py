"""`productLookup` (扫码查询): a GTIN/EAN/UPC, trace code or text -> the product and its active warnings and recalls,
each under its own domain's visibility rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from auth.visibility import recalls as recall_visibility
from auth.visibility import warnings as warning_visibility
from documents.enums import ProductCodeType, WarningStatus
from documents.products import actions as products
from documents.products.codes import ProductCode, classify
from gql.core.permissions import viewer_of

if TYPE_CHECKING:
    from gql.enterprises.types import Enterprise
    from gql.recalls.types import Recall
    from gql.warnings.types import Warning


@strawberry.type(description="A product from the product-code index (商品信息).")
class ProductInfo:
    enterprise_uscc: strawberry.Private[str | None]
    code: str = strawberry.field(description="The indexed code: GTIN-14 or trace code (编码).")
    code_type: ProductCodeType = strawberry.field(description="What the code is (编码类型).")
    name: str = strawberry.field(description="Product name (商品名称).")
    name_en: str | None = strawberry.field(description="Product name in English.")
    brand: str | None = strawberry.field(description="Brand (品牌).")
    model: str | None = strawberry.field(description="Model (型号).")
    category: str | None = strawberry.field(description="Category (品类).")

    @strawberry.field(description="The enterprise responsible for the product (生产/进口企业).")
    async def enterprise(self, info: Info) -> Annotated[Enterprise, strawberry.lazy("gql.enterprises.types")] | None:
        if not self.enterprise_uscc:
            return None
        from gql.enterprises.types import enterprises_by_uscc

        found = await enterprises_by_uscc(info, [self.enterprise_uscc])
        return found[0] if found else None

    @classmethod
    def from_doc(cls, d: dict) -> ProductInfo:
        return cls(enterprise_uscc=d.get("enterprise_uscc"), code=d["code"],
                   code_type=ProductCodeType(d["code_type"]), name=d["name"], name_en=d.get("name_en"),
                   brand=d.get("brand"), model=d.get("model"), category=d.get("category"))


@strawberry.type(description="What a scanned or typed code tells (扫码结果): the product and its active warnings "
                             "and recalls that the viewer may see.")
class ProductLookup:
    code: str = strawberry.field(description="The code as understood: digits of a GTIN, upper-case trace code, or "
                                             "the text (编码).")
    code_type: ProductCodeType = strawberry.field(description="GTIN, TRACE_CODE or TEXT (编码类型).")
    valid: bool = strawberry.field(description="False for a GTIN whose check digit is wrong (校验位错误); nothing is "
                                               "looked up then.")
    gtin14: str | None = strawberry.field(description="The GTIN as 14 digits, for a valid GTIN (GTIN-14).")
    product: ProductInfo | None = strawberry.field(description="The indexed product for a code, the best match "
                                                               "for text; null when unknown (未收录).")
    products: list[ProductInfo] = strawberry.field(description="Every indexed product that matches (匹配商品).")
    warnings: list[Annotated[Warning, strawberry.lazy("gql.warnings.types")]] = strawberry.field(
        description="Published warnings about it that the viewer may see (相关预警).")
    recalls: list[Annotated[Recall, strawberry.lazy("gql.recalls.types")]] = strawberry.field(
        description="Announced or in-progress recalls of it (相关召回).")


@strawberry.type(description="Warnings and recalls that match a code now (匹配结果).")
class ProductMatches:
    warnings: list[Annotated[Warning, strawberry.lazy("gql.warnings.types")]] = strawberry.field(
        description="Published warnings about the product that the viewer may see (相关预警).")
    recalls: list[Annotated[Recall, strawberry.lazy("gql.recalls.types")]] = strawberry.field(
        description="Announced or in-progress recalls of the product (相关召回).")


async def matches(info: Info, code: ProductCode) -> tuple[list[dict], ProductMatches]:
    """Index entries for the code, and its active warnings and recalls under the viewer's visibility."""
    from gql.recalls.types import Recall
    from gql.warnings.loaders import WARNING_LIST_PROJECTION
    from gql.warnings.types import Warning

    if not code.valid:
        return [], ProductMatches(warnings=[], recalls=[])
    viewer = viewer_of(info)
    found = await products.products_for(code)
    warning_filter = warning_visibility.query_filter(viewer, statuses=[WarningStatus.PUBLISHED])
    recall_filter = recall_visibility.query_filter(viewer)
    warning_docs = [] if warning_filter is None else \
        await products.active_warnings(code, found, warning_filter, WARNING_LIST_PROJECTION)
    recall_docs = [] if recall_filter is None else await products.active_recalls(code, found, recall_filter)
    return found, ProductMatches(
        warnings=[Warning.from_doc(d) for d in warning_docs if warning_visibility.can_see(viewer, d)],
        recalls=[Recall.from_doc(d) for d in recall_docs if recall_visibility.can_see(viewer, d)])


async def lookup(info: Info, raw: str) -> ProductLookup:
    code = classify(raw, field="code")
    found, matched = await matches(info, code)
    infos = [ProductInfo.from_doc(d) for d in found]
    return ProductLookup(code=code.code, code_type=code.type, valid=code.valid,
                         gtin14=code.key if code.type is ProductCodeType.GTIN and code.valid else None,
                         product=infos[0] if infos else None, products=infos, warnings=matched.warnings,
                         recalls=matched.recalls)
