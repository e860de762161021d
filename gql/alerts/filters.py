"""AlertFilter (预警订阅筛选): which alerts a subscriber wants, beyond `minLevel`; the same test live and on replay."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import strawberry

from documents.enums import AlertEventType, HazardType, WarningKind
from documents.warnings.models import normalise_country
from gql.core.errors import bad_input


@strawberry.input(description="Filters on the alert stream (预警订阅筛选); every field narrows, none widens "
                              "visibility. Events without a warning (CREDIT_CHANGED, COMPLAINT_SIGNAL) and "
                              "WATCHLIST_MATCH are opt-in: they come only when `types` lists them; the warning "
                              "fields below do not apply to events without a warning.")
class AlertFilter:
    types: list[AlertEventType] | None = strawberry.field(
        default=None, description="Event types (事件类型); lists the opt-in types too (WATCHLIST_MATCH, "
                                  "CREDIT_CHANGED, COMPLAINT_SIGNAL). Unset: warning events only, as before those "
                                  "types existed.")
    kinds: list[WarningKind] | None = strawberry.field(default=None, description="Warning kinds (预警类别).")
    hazards: list[HazardType] | None = strawberry.field(default=None, description="Any of these hazards (危害类型).")
    product_category: str | None = strawberry.field(default=None,
                                                    description="Words in the product category (产品类别).")
    hs_code_prefix: str | None = strawberry.field(default=None,
                                                  description="HS code prefix (商品编码前缀), 2-10 digits.")
    origin_country: str | None = strawberry.field(default=None, description="Country of origin, ISO 3166 (原产国).")
    region: str | None = strawberry.field(default=None, description="A port or region concerned (口岸/地区).")
    enterprise_uscc: str | None = strawberry.field(
        default=None, description="Alerts naming this enterprise (涉及企业), e.g. an enterprise watching itself.")


@dataclass(frozen=True)
class AlertMatch:
    """A checked, hashable AlertFilter: decisions are memoised per (event, filter)."""

    types: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    hazards: frozenset[str] = frozenset()
    product_category: str = ""
    hs_code_prefix: str = ""
    origin_country: str = ""
    region: str = ""
    enterprise_uscc: str = ""

    @classmethod
    def of(cls, f: AlertFilter | None) -> AlertMatch:
        """Normalise and check a filter (BAD_USER_INPUT naming the field)."""
        if f is None:
            return cls()
        prefix = (f.hs_code_prefix or "").replace(".", "").strip()
        if prefix and (not prefix.isdigit() or not 2 <= len(prefix) <= 10):
            raise bad_input("hsCodePrefix must be 2 to 10 digits", field="filter.hsCodePrefix")
        return cls(types=frozenset(t.value for t in f.types or ()), kinds=frozenset(k.value for k in f.kinds or ()),
                   hazards=frozenset(h.value for h in f.hazards or ()),
                   product_category=(f.product_category or "").strip().lower(), hs_code_prefix=prefix,
                   origin_country=normalise_country(f.origin_country) if f.origin_country else "",
                   region=(f.region or "").strip(), enterprise_uscc=(f.enterprise_uscc or "").strip().upper())

    def matches(self, event: dict[str, Any], warning: dict[str, Any]) -> bool:
        """Whether a logged event about `warning` passes every given field."""
        return (not self.types or event["type"] in self.types) and self.matches_content(warning)

    def matches_content(self, warning: dict[str, Any]) -> bool:
        """Whether `warning` passes every given field but `types` (a watchlist match has its own type)."""
        return ((not self.kinds or warning["kind"] in self.kinds)
                and (not self.hazards or bool(self.hazards & set(warning.get("hazards", ()))))
                and (not self.product_category or self.product_category in warning["product_category"].lower())
                and (not self.hs_code_prefix or self.hs_code_prefix in warning.get("hs_prefixes", ()))
                and (not self.origin_country or self.origin_country in warning.get("origin_countries", ()))
                and (not self.region or any(self.region in r for r in warning.get("regions", ())))
                and (not self.enterprise_uscc or self.enterprise_uscc in warning.get("enterprise_usccs", ())))

    def matches_enterprise(self, uscc: str) -> bool:
        """Whether an event about the enterprise `uscc` (a credit change, a recall) passes `enterpriseUscc`."""
        return not self.enterprise_uscc or self.enterprise_uscc == uscc
