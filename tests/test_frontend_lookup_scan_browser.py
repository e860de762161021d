"""Scanning a product code on the phone: a photo of a real EAN-13 barcode is read in the browser (Debian chromium has
no native BarcodeDetector formats, so this is the ZXing WebAssembly fallback, served from our origin under our CSP)
and looked up: the recall it belongs to is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from barcode import EAN13
from barcode.writer import ImageWriter
from playwright.async_api import BrowserContext, expect

from tests.browser import (  # noqa: F401 (fixtures)
    axe_violations,
    browser,
    open_page,
    phone,
    post_graphql,
)

RECALLS_WITH_GTINS = "{ recalls(first: 50) { edges { node { id code status gtins } } } }"


def barcode_photo(gtin: str, folder: Path) -> Path:
    """A PNG of the EAN-13 symbol for `gtin`, as a phone camera would give it (quiet zone, human-readable line)."""
    return Path(EAN13(gtin[:12], writer=ImageWriter()).save(str(folder / f"ean-{gtin}"),
                                                            options={"module_width": 0.4, "dpi": 200}))


async def test_a_photographed_barcode_is_read_and_looked_up(live_server: Any, phone: BrowserContext,
                                                              tmp_path: Path) -> None:
    base = live_server.base_url
    edges = (await post_graphql(base, RECALLS_WITH_GTINS))["recalls"]["edges"]
    recall = next(e["node"] for e in edges if e["node"]["status"] in ("ANNOUNCED", "IN_PROGRESS")
                  and any(len(g) == 13 for g in e["node"]["gtins"]))
    gtin = next(g for g in recall["gtins"] if len(g) == 13)
    photo = barcode_photo(gtin, tmp_path)
    assert EAN13(gtin[:12]).get_fullcode() == gtin  # the symbol carries the same check digit

    page, errors = await open_page(phone, base + "/lookup")
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)  # CSP refusals land here
    wasm: list[Any] = []
    page.on("response", lambda r: wasm.append(r) if r.url.endswith(".wasm") else None)
    await page.get_by_test_id("lookup-photo").set_input_files(str(photo))
    await expect(page.get_by_test_id("lookup-code")).to_have_value(gtin, timeout=30_000)
    await expect(page.get_by_test_id("lookup-recall").filter(has_text=recall["code"])).to_have_count(1)
    assert wasm and wasm[0].url.startswith(base), "the reader is served by us, not a CDN"
    assert wasm[0].headers["content-type"] == "application/wasm"
    assert not errors, errors  # no CSP refusal, no console error
    assert not await axe_violations(page), "axe on /lookup after a scan"


async def test_a_photo_without_a_barcode_says_so(live_server: Any, phone: BrowserContext, tmp_path: Path) -> None:
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(blank)
    page, _ = await open_page(phone, live_server.base_url + "/lookup")
    await page.get_by_test_id("lookup-photo").set_input_files(str(blank))
    await expect(page.get_by_test_id("lookup-scan-message")).to_contain_text("照片中未找到条码", timeout=30_000)
    await expect(page.get_by_test_id("lookup-code")).to_have_value("")
