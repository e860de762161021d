"""Complaint rules, pure: content limits, the status flow, service deadlines in working days, signals.

Deadlines follow the 12315 rules (../shared/domain.md): a complaint is accepted or rejected within 7 working
days of filing; mediation ends within 45 working days of acceptance. Working days use the Chinese holiday
calendar (documents/core/workdays.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from documents.core.clock import aware
from documents.core.errors import RuleViolation, StateConflict
from documents.core.workdays import Deadline, add_working_days
from documents.enums import ComplaintStatus, ProductCodeType, SignalGroup
from documents.products.codes import classify

ACCEPT_WORKING_DAYS = 7  # 受理 or 不予受理
MEDIATION_WORKING_DAYS = 45  # 调解
MAX_PHOTOS = 6

# Field limits (characters), named by their GraphQL input field.
LIMITS: dict[str, int] = {
    "productName": 200, "brand": 100, "model": 100, "category": 120, "channel": 100, "platform": 100,
    "orderNumber": 64, "description": 5000, "contactName": 50, "contactEmail": 254, "reason": 1000, "answer": 5000,
}
MIN_DESCRIPTION = 10
IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_.:\-]{8,128}$")
ORDER_NUMBER = re.compile(r"^[A-Za-z0-9\-_]{4,64}$")
# Mainland mobile (11 digits from 13x-19x) or a landline with its area code; an optional +86 / 86 prefix.
PHONE = re.compile(r"^(?:\+?86)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
REGION = re.compile(r"^\d{6}$")
# First two digits of an administrative division code (GB/T 2260): 31 provinces, Hong Kong, Macao, Taiwan.
PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50,
                       51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82})

# The status flow: RECEIVED -> TRIAGED -> INVESTIGATING -> RESOLVED/REJECTED; a complaint can be rejected at
# any open step and resolved once accepted (mediation may settle it without an investigation).
NEXT: dict[ComplaintStatus, frozenset[ComplaintStatus]] = {
    ComplaintStatus.RECEIVED: frozenset({ComplaintStatus.TRIAGED, ComplaintStatus.REJECTED}),
    ComplaintStatus.TRIAGED: frozenset({ComplaintStatus.INVESTIGATING, ComplaintStatus.RESOLVED,
                                        ComplaintStatus.REJECTED}),
    ComplaintStatus.INVESTIGATING: frozenset({ComplaintStatus.RESOLVED, ComplaintStatus.REJECTED}),
    ComplaintStatus.RESOLVED: frozenset(),
    ComplaintStatus.REJECTED: frozenset(),
}
CLOSED = frozenset({ComplaintStatus.RESOLVED, ComplaintStatus.REJECTED})
ANSWERABLE = frozenset({ComplaintStatus.TRIAGED, ComplaintStatus.INVESTIGATING})


def _text(value: str | None, name: str, required: bool = False) -> str | None:
    text = " ".join((value or "").split()) if name != "description" else (value or "").strip()
    if not text:
        if required:
            raise RuleViolation(f"{name} must not be empty", field=name)
        return None
    if len(text) > LIMITS[name]:
        raise RuleViolation(f"{name} is longer than {LIMITS[name]} characters", field=name)
    return text


def check_idempotency_key(key: str) -> str:
    """8-128 letters, digits or `_ . : -` (a UUID fits)."""
    if not IDEMPOTENCY_KEY.match(key or ""):
        raise RuleViolation("idempotencyKey must be 8-128 letters, digits or _ . : -", field="idempotencyKey")
    return key


def check_phone(value: str | None) -> str | None:
    phone = re.sub(r"[\s()]", "", value or "")
    if not phone:
        return None
    if not PHONE.match(phone):
        raise RuleViolation("contactPhone is not a mainland mobile or landline number", field="contactPhone")
    return phone


def check_email(value: str | None) -> str | None:
    email = (value or "").strip().lower()
    if not email:
        return None
    if len(email) > LIMITS["contactEmail"] or not EMAIL.match(email):
        raise RuleViolation("contactEmail is not a valid address", field="contactEmail")
    return email


def check_region(value: str | None) -> str | None:
    """A 6-digit administrative division code (行政区划代码) of a known province, e.g. 440305."""
    region = (value or "").strip()
    if not region:
        return None
    if not REGION.match(region) or int(region[:2]) not in PROVINCES:
        raise RuleViolation("region must be a 6-digit administrative division code (e.g. 440305)", field="region")
    return region


@dataclass(frozen=True)
class Content:
    """What a consumer filed, normalised; `fingerprint` tells a retry from a different complaint."""

    product_name: str
    description: str
    brand: str | None = None
    model: str | None = None
    product_code: str | None = None
    product_code_type: ProductCodeType | None = None
    product_key: str | None = None  # GTIN-14 or trace code, when valid
    category: str | None = None
    channel: str | None = None
    platform: str | None = None
    order_number: str | None = None
    region: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    pseudonymous: bool = False
    photo_ids: tuple[str, ...] = field(default_factory=tuple)

    def fingerprint(self) -> str:
        data = asdict(self)
        data["photo_ids"] = sorted(self.photo_ids)
        data["product_code_type"] = self.product_code_type.value if self.product_code_type else None
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def check_content(product_name: str, description: str, *, brand: str | None = None, model: str | None = None,
                  product_code: str | None = None, category: str | None = None, channel: str | None = None,
                  platform: str | None = None, order_number: str | None = None, region: str | None = None,
                  contact_name: str | None = None, contact_phone: str | None = None,
                  contact_email: str | None = None, pseudonymous: bool = False,
                  photo_ids: Iterable[str] = ()) -> Content:
    """Validate and normalise a complaint; RuleViolation names the input field."""
    name = _text(product_name, "productName", required=True)
    text = _text(description, "description", required=True)
    assert name is not None and text is not None
    if len(text) < MIN_DESCRIPTION:
        raise RuleViolation(f"description needs at least {MIN_DESCRIPTION} characters", field="description")
    code_type, code_text, key = None, None, None
    if (product_code or "").strip():
        code = classify(product_code or "", field="productCode")
        code_type, code_text = code.type, code.code
        if code.type is ProductCodeType.GTIN and not code.valid:
            raise RuleViolation("productCode is a GTIN with a wrong check digit", field="productCode")
        key = code.key if code.type is not ProductCodeType.TEXT else None
    order = (order_number or "").strip() or None
    if order and not ORDER_NUMBER.match(order):
        raise RuleViolation("orderNumber must be 4-64 letters, digits, - or _", field="orderNumber")
    contact = dict(contact_name=_text(contact_name, "contactName"), contact_phone=check_phone(contact_phone),
                   contact_email=check_email(contact_email))
    if pseudonymous and any(contact.values()):
        field_name = {"contact_name": "contactName", "contact_phone": "contactPhone",
                      "contact_email": "contactEmail"}[next(k for k, v in contact.items() if v)]
        raise RuleViolation("a pseudonymous complaint carries no name or contact; follow it in the app",
                            field=field_name)
    photos = tuple(dict.fromkeys(photo_ids))  # a retried upload id counts once
    if len(photos) > MAX_PHOTOS:
        raise RuleViolation(f"at most {MAX_PHOTOS} photos", field="photoIds")
    return Content(product_name=name, description=text, brand=_text(brand, "brand"), model=_text(model, "model"),
                   product_code=code_text, product_code_type=code_type, product_key=key,
                   category=_text(category, "category"), channel=_text(channel, "channel"),
                   platform=_text(platform, "platform"), order_number=order, region=check_region(region),
                   pseudonymous=pseudonymous, photo_ids=photos, **contact)


def check_reason(reason: str | None, required: bool, name: str = "reason") -> str | None:
    text = _text(reason, name)
    if required and not text:
        raise RuleViolation(f"a {name} is required", field=name)
    return text


def check_transition(current: ComplaintStatus, target: ComplaintStatus) -> None:
    """CONFLICT (StateConflict) for a step the flow does not allow."""
    if target not in NEXT[current]:
        allowed = ", ".join(sorted(s.value for s in NEXT[current])) or "nothing: it is closed"
        raise StateConflict(f"a {current.value} complaint cannot become {target.value} (allowed: {allowed})")


def reason_required(target: ComplaintStatus) -> bool:
    """The complainant is told why a complaint is rejected, and how it was resolved."""
    return target in CLOSED


def accept_deadline(filed_at: datetime, days: int = ACCEPT_WORKING_DAYS) -> Deadline:
    """Accept or reject within 7 working days of filing (the filing day not counted)."""
    return add_working_days(filed_at, days)


def mediation_deadline(accepted_at: datetime, days: int = MEDIATION_WORKING_DAYS) -> Deadline:
    """Mediation ends within 45 working days of acceptance."""
    return add_working_days(accepted_at, days)


def open_deadline(status: ComplaintStatus, accept_due_at: datetime,
                  mediation_due_at: datetime | None) -> datetime | None:
    """The deadline the regulator owes now: acceptance while RECEIVED, mediation while open; None once closed."""
    if status is ComplaintStatus.RECEIVED:
        return accept_due_at
    if status in CLOSED:
        return None
    return mediation_due_at


def met(due_at: datetime | None, done_at: datetime | None, now: datetime) -> bool | None:
    """True when done by the deadline, False when done late or past it, None while still open and in time."""
    if due_at is None:
        return None
    if done_at is not None:
        return aware(done_at) <= aware(due_at)
    return False if aware(now) > aware(due_at) else None


@dataclass(frozen=True)
class Signal:
    """A group of complaints that passed the threshold within the window (投诉聚集信号)."""

    group: SignalGroup
    key: str
    count: int
    first_at: datetime
    last_at: datetime
    complaint_ids: tuple[str, ...]


# A filing that brings a group to this many complaints within the window raises a signal on the alert stream
# (the `complaintSignals` query takes its own window and threshold; these are its defaults).
SIGNAL_WINDOW = timedelta(days=30)
SIGNAL_THRESHOLD = 3


def group_keys(c: dict) -> list[tuple[SignalGroup, str]]:
    """The signal groups a complaint belongs to: its GTIN, its brand and its category (case-folded, spaces
    collapsed), those it has."""
    keys = [(SignalGroup.GTIN, c.get("product_key") if c.get("product_code_type") == "GTIN" else None),
            (SignalGroup.BRAND, " ".join((c.get("brand") or "").split()).casefold() or None),
            (SignalGroup.CATEGORY, " ".join((c.get("category") or "").split()).casefold() or None)]
    return [(group, key) for group, key in keys if key]


def signal_dedupe_key(group: SignalGroup, key: str, at: datetime, window: timedelta = SIGNAL_WINDOW) -> str:
    """One raised signal per group per window: windows are consecutive spans of `window` from the Unix epoch."""
    return f"signal:{group.value}:{key}:{int(aware(at).timestamp() // window.total_seconds())}"


def loose_pattern(key: str) -> str:
    """A case-insensitive anchored regex that finds every spelling of a folded brand or category (any spacing);
    candidates only: `group_keys` decides."""
    return r"^\s*" + r"\s+".join(re.escape(w) for w in key.split()) + r"\s*$"


def signals(complaints: Iterable[dict], now: datetime, window: timedelta, threshold: int) -> list[Signal]:
    """Complaints filed within `window` before `now`, grouped by GTIN, brand (case-folded) and category; the
    groups with at least `threshold` complaints, largest first. Rejected complaints do not count."""
    if threshold < 1:
        raise RuleViolation("threshold must be at least 1", field="threshold")
    since = aware(now) - window
    groups: dict[tuple[SignalGroup, str], list[dict]] = defaultdict(list)
    for c in complaints:
        at = aware(c["created_at"])
        if at < since or at > aware(now) or c.get("status") == ComplaintStatus.REJECTED.value:
            continue
        for group, key in group_keys(c):
            groups[(group, key)].append(c)
    out = []
    for (group, key), members in groups.items():
        if len(members) >= threshold:
            times = [aware(m["created_at"]) for m in members]
            out.append(Signal(group, key, len(members), min(times), max(times),
                              tuple(str(m["_id"]) for m in members)))
    return sorted(out, key=lambda s: (-s.count, s.group.value, s.key))
