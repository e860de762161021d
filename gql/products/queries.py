"""The `productLookup` query: public (each result under its own domain's visibility)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from gql.products.types import ProductLookup, lookup


@strawberry.type
class ProductQuery:
    @strawberry.field(description="Look a product up by GTIN/EAN/UPC (check digit verified), trace code or text "
                                  "(扫码查询): its identity and its active warnings and recalls.")
    async def product_lookup(self, info: Info, code: Annotated[str, strawberry.argument(
            description="What was scanned or typed (编码): GTIN/EAN/UPC, trace code or a product name.")]
                             ) -> ProductLookup:
        return await lookup(info, code)
