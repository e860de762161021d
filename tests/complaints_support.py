"""Shared helpers (no tests) for the complaint, upload, lookup and watchlist tests (issue 13)."""

from __future__ import annotations

import io
import time
import uuid
from typing import Any

import httpx
from PIL import Image

from documents.demo.complaints import POWER_BANK_GTIN
from gql.core.node import decode_id
from tests.stack import DEMO_PASSWORD, Stack

FILE = ("mutation($i: FileComplaintInput!, $k: String!) { fileComplaint(input: $i, idempotencyKey: $k) { id code "
        "status productName productCode enterpriseUscc contactPhone contactEmail contactName orderNumber "
        "complainant { email } photos { id url contentType width height } deadlines { acceptBy dueAt overdue } "
        "timeline { kind status note } } }")
# Every field of a complaint, nested paths included: used to prove what one viewer may never receive.
ALL_FIELDS = ("id code status productName brand model productCode productCodeType category channel platform region "
              "description createdAt pseudonymous orderNumber contactName contactPhone contactEmail reason "
              "enterpriseUscc deadlines { acceptBy acceptedAt acceptMet mediationBy mediationMet dueAt overdue "
              "calendarExact } timeline { at kind status note } answers { at text } "
              "complainant { id email displayName role } photos { id url contentType width height size } "
              "enterprise { uscc name } warning { code }")



def new_consumer(stack: Stack, name: str = "Test Consumer") -> dict[str, str]:
    """A fresh consumer account: {'token', 'email', 'id'}."""
    email = f"c-{uuid.uuid4().hex[:12]}@test.example"
    body = stack.gql("mutation($i: SignUpInput!) { signUp(input: $i) { accessToken viewer { id } } }",
                     {"i": {"email": email, "password": DEMO_PASSWORD, "displayName": name}})
    assert "errors" not in body, body
    return {"token": body["data"]["signUp"]["accessToken"], "email": email,
            "id": body["data"]["signUp"]["viewer"]["id"]}


def complaint_input(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"productName": "示范牌移动电源 DM-PB20（虚构）", "brand": "示范 Demo",
                              "description": "充电时外壳发烫鼓包 / the case swelled while charging",
                              "productCode": POWER_BANK_GTIN, "channel": "跨境电商 Cross-border e-commerce",
                              "platform": "云链全球购（虚构）", "orderNumber": "ORDER-77881234", "region": "440305",
                              "contactName": "测试姓名Zed", "contactPhone": "13912345678",
                              "contactEmail": "zed.private@test.example"}
    fields.update(overrides)
    return fields


def wait_for_demo_products(stack: Stack, timeout: float = 60) -> None:
    """The demo products are seeded in the background once the demo consumer exists."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = stack.gql("query($c: String!) { productLookup(code: $c) { product { name } } }",
                         {"c": POWER_BANK_GTIN})
        if body.get("data", {}).get("productLookup", {}).get("product"):
            return
        time.sleep(0.3)
    raise AssertionError("demo products were not seeded")


def png_bytes(size: tuple[int, int] = (40, 30), color: tuple[int, int, int] = (200, 40, 40),
              exif_gps: bool = False, fmt: str = "PNG") -> bytes:
    image = Image.new("RGB", size, color)
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "TestCam Maker"  # Make
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = "N", (22.0, 32.0, 10.0)  # GPSLatitudeRef, GPSLatitude
        gps[3], gps[4] = "E", (113.0, 56.0, 2.0)
        image.save(out, format=fmt, exif=exif)
    else:
        image.save(out, format=fmt)
    return out.getvalue()


def upload_evidence(stack: Stack, token: str, color: tuple[int, int, int]) -> str:
    """POST /uploads one small PNG of its own colour (identical bytes would be the same upload); its id."""
    answer = httpx.post(f"{stack.base_url}/uploads", files={"file": ("evidence.png", png_bytes(color=color),
                                                                     "image/png")},
                        headers={"Authorization": f"Bearer {token}"}, timeout=60)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def claimer_of(db: Any, upload_gid: str) -> str | None:
    """What claimed an upload (a complaint id, "defect_report:<id>", "credit_application:<id>"), or None."""
    decoded = decode_id(upload_gid, "Upload")
    assert decoded is not None
    doc = db["upload_records"].find_one({"_id": decoded[1]})
    assert doc is not None
    return doc.get("complaint_id")
