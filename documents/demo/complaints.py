# ruff: noqa: E501  (records with their bilingual text, one per line, like documents/demo/data.py)
"""Demo complaints, scannable products and a watchlist (development mode only).

Honest data: every product here is fictional (names marked 虚构 / fictional), made by the fictional enterprises of
documents/demo/data.py; no complaint concerns a real company. The GTINs are fictional too and use the GS1
restricted-circulation prefix 20-29 (never assigned to a product in trade), with check digits computed by
python-stdnum, so a scanner reads them and no real product can be mistaken for them. Times are relative to the
day the demo is seeded, so "within the window", "in time" and "overdue" stay true whenever it runs.

The demo consumer's account is created after the demo data (auth seeds the identities next), so the seed waits
for it in the background, then runs once per database under its own marker.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from documents.accounts.models import Account
from documents.complaints import actions as complaint_actions
from documents.complaints import rules
from documents.core.clock import utcnow
from documents.demo.seed_marker import SeedMarker
from documents.enums import ComplaintStatus, ProductCodeType
from documents.products import actions as product_actions
from documents.products.codes import with_check_digit
from documents.products.models import Product
from documents.warnings.models import Warning
from documents.watchlist import actions as watchlist_actions

log = logging.getLogger("qsradar.demo_complaints")

MARKER = "demo-complaints-v1"
SEEDED_BY = "system:demo-seed"
DEMO_CONSUMER = "consumer@demo.test"
# The fictional enterprises of documents/demo/data.py (valid GB 32100 codes, computed there).
DEMO_USCC = "91440300MA5DEM1X0R"

# Fictional GTIN-13s: restricted-circulation prefix 202, check digit from stdnum.
POWER_BANK_GTIN = with_check_digit("202600000011")
GAS_STOVE_GTIN = with_check_digit("202600000028")
CHILDREN_SHOES_GTIN = with_check_digit("202600000035")
POP_UP_BOOK_GTIN = with_check_digit("202600000042")
GAS_STOVE_TRACE_CODE = "PJZ2TRACE2025000017"  # a trace code (追溯码) from the coding pilot, fictional

# Fictional consumers who filed the other complaints: ids of no account (their complaints show no complainant).
OTHER_CONSUMERS = [str(ObjectId(f"00000000000000000000d0{i:02x}")) for i in range(1, 7)]


def _products(warning_codes: dict[str, str]) -> list[Product]:
    def warned(key: str) -> list[str]:
        return [warning_codes[key]] if key in warning_codes else []

    power_bank = dict(name="示范牌 20000mAh 移动电源 DM-PB20（虚构）", name_en="Demo-brand 20000 mAh power bank DM-PB20 "
                      "(fictional)", brand="示范 Demo", model="DM-PB20", category="移动电源 Power banks",
                      enterprise_uscc=DEMO_USCC, warning_codes=warned("powerbank"))
    gas_stove = dict(name="浦江牌嵌入式燃气灶 PJ-Z2（虚构）", name_en="Pujiang built-in gas stove PJ-Z2 (fictional)",
                     brand="浦江 Pujiang", model="PJ-Z2", category="燃气灶具 Gas stoves",
                     enterprise_uscc=_uscc("HOME"), warning_codes=warned("gas-stoves"))
    return [
        Product(code=POWER_BANK_GTIN, code_type=ProductCodeType.GTIN, source="demo", **power_bank),
        Product(code=GAS_STOVE_GTIN, code_type=ProductCodeType.GTIN, source="demo", **gas_stove),
        Product(code=GAS_STOVE_TRACE_CODE, code_type=ProductCodeType.TRACE_CODE, source="demo", **gas_stove),
        Product(code=CHILDREN_SHOES_GTIN, code_type=ProductCodeType.GTIN, source="demo",
                name="云链童鞋 YL-K3（虚构）", name_en="Yunlian children's shoes YL-K3 (fictional)", brand="云链 Yunlian",
                model="YL-K3", category="儿童鞋 Children's shoes", enterprise_uscc=_uscc("CBEC"),
                warning_codes=warned("children-shoes")),
        Product(code=POP_UP_BOOK_GTIN, code_type=ProductCodeType.GTIN, source="demo",
                name="LittleOwl 儿童立体绘本 第3册（虚构）", name_en="LittleOwl pop-up picture book vol. 3 (fictional)",
                brand="LittleOwl", model="Pop-up series 3", category="儿童图书 Children's books",
                enterprise_uscc=_uscc("BOOKS"), warning_codes=warned("books"), recall_codes=["RC-2025-000005"]),
    ]


def _uscc(name: str) -> str:
    from documents.demo import data

    return str(getattr(data, name))


def _content(**fields: Any) -> rules.Content:
    return rules.check_content(**fields)


# (who: "demo" or an index into OTHER_CONSUMERS, key, days ago, content, [(status, reason, days ago)], answer)
POWER_BANK = dict(product_name="示范牌移动电源 DM-PB20（虚构）", brand="示范 Demo", model="DM-PB20",
                  product_code=POWER_BANK_GTIN)
GAS_STOVE = dict(product_name="浦江牌燃气灶 PJ-Z2（虚构）", brand="浦江 Pujiang", model="PJ-Z2",
                 product_code=GAS_STOVE_GTIN)
COMPLAINTS: list[tuple[str | int, str, int, dict, list[tuple[ComplaintStatus, str | None, int]], tuple[str, int] | None]] = [
    ("demo", "demo-powerbank-0001", 20, dict(
        **POWER_BANK, channel="跨境电商 Cross-border e-commerce", platform="云链全球购（虚构）",
        order_number="YL2026000123", region="440305", contact_name="演示消费者", contact_phone="13800138000",
        description="充电时外壳明显发烫并鼓包，已停止使用。/ The case got hot and swelled while charging; no longer used."),
     [(ComplaintStatus.TRIAGED, None, 17), (ComplaintStatus.INVESTIGATING, "已转企业核查 / passed to the enterprise", 15)],
     ("已联系消费者安排退货退款，并对同批次产品抽检。/ We arranged a refund and are testing the same batch.", 12)),
    ("demo", "demo-gasstove-0001", 1, dict(
        **GAS_STOVE, channel="实体店 Shop", region="310115", pseudonymous=True,
        description="熄火后燃气仍有气味，熄火保护似乎失灵。/ Gas smell after the flame went out; the flame-failure device seems to fail."),
     [], None),
    (0, "other-powerbank-0001", 9, dict(
        **POWER_BANK, channel="网店 Online shop", region="110105", contact_email="buyer1@demo.test",
        description="使用两周后无法充电，指示灯闪烁。/ Stopped charging after two weeks; the light blinks."),
     [(ComplaintStatus.TRIAGED, None, 7)], None),
    (1, "other-powerbank-0002", 4, dict(
        **POWER_BANK, channel="跨境电商 Cross-border e-commerce", platform="云链全球购（虚构）", region="330106",
        description="标称20000mAh，实测容量不足一半。/ Rated 20000 mAh; measured less than half."),
     [], None),
    (2, "other-stove-0001", 40, dict(
        **GAS_STOVE, channel="实体店 Shop", region="310104",
        description="点火困难，多次打火才能点燃，有回火声。/ Hard to ignite, pops back when lit."),
     [], None),  # RECEIVED, accept deadline long past: overdue
    (3, "other-shoes-0001", 70, dict(
        product_name="云链童鞋 YL-K3（虚构）", brand="云链 Yunlian", product_code=CHILDREN_SHOES_GTIN,
        channel="跨境电商 Cross-border e-commerce", platform="云链全球购（虚构）", region="440106",
        description="鞋垫有刺鼻气味，孩子穿后脚部发红。/ The insole smells strongly; the child's feet turned red."),
     [(ComplaintStatus.TRIAGED, None, 66), (ComplaintStatus.INVESTIGATING, None, 60),
      (ComplaintStatus.RESOLVED, "企业已召回同批次产品并退款 / the batch was taken back and refunded", 30)], None),
    (4, "other-stove-0002", 30, dict(
        **GAS_STOVE, channel="网店 Online shop", region="320102",
        description="希望了解该型号是否在召回范围内。/ I want to know whether this model is recalled."),
     [(ComplaintStatus.REJECTED, "属于咨询，不属于投诉受理范围 / an enquiry, not a complaint", 15)], None),  # late
    (5, "other-powerbank-0003", 90, dict(
        **POWER_BANK, channel="实体店 Shop", region="440304",
        description="包装破损，说明书缺失，与网上描述不符。/ Damaged box, no manual, not as described."),
     [(ComplaintStatus.TRIAGED, None, 88)], None),  # mediation open for 88 days: overdue
]


async def _demo_consumer(wait_seconds: float) -> str | None:
    deadline = asyncio.get_running_loop().time() + wait_seconds
    while True:
        account = await Account.get_pymongo_collection().find_one({"email": DEMO_CONSUMER}, {"_id": 1})
        if account is not None:
            return str(account["_id"])
        if asyncio.get_running_loop().time() > deadline:
            return None
        await asyncio.sleep(0.2)


async def _warning_codes() -> dict[str, str]:
    from documents.demo.data import WARNINGS

    out: dict[str, str] = {}
    for key, fields, *_ in WARNINGS:
        doc = await Warning.get_pymongo_collection().find_one({"title": fields["title"], "code": {"$type": "string"}},
                                                              {"code": 1})
        if doc:
            out[key] = doc["code"]
    return out


async def seed_complaints(wait_seconds: float = 120.0) -> bool:
    """Seed products, complaints and the demo consumer's watchlist once per database."""
    consumer = await _demo_consumer(wait_seconds)
    if consumer is None:
        log.warning("demo complaints not seeded: no %s account", DEMO_CONSUMER)
        return False
    try:
        await SeedMarker(id=MARKER).insert()
    except DuplicateKeyError:
        return False
    for product in _products(await _warning_codes()):
        await product_actions.register(product)
    await product_actions.refresh_from_recalls()
    now = utcnow()
    for who, key, days, fields, steps, answer in COMPLAINTS:
        complainant = consumer if who == "demo" else OTHER_CONSUMERS[int(who)]
        filed = await complaint_actions.file(complainant, key, _content(**fields), at=_ago(now, days),
                                             actor=SEEDED_BY)
        complaint = filed.complaint
        for status, reason, step_days in steps:
            complaint = await complaint_actions.triage(complaint.id, status, reason, by=SEEDED_BY,
                                                       at=_ago(now, step_days))
        if answer and complaint.enterprise_uscc:
            await complaint_actions.answer(complaint.id, answer[0], uscc=complaint.enterprise_uscc, by=SEEDED_BY,
                                           at=_ago(now, answer[1]))
    for code, label in ((POWER_BANK_GTIN, "客厅的充电宝 living-room power bank"),
                        (GAS_STOVE_GTIN, "厨房燃气灶 kitchen gas stove"),
                        (CHILDREN_SHOES_GTIN, "孩子的鞋 the kids' shoes")):
        await watchlist_actions.watch(consumer, code, label)
    log.info("demo complaints seeded: %d products, %d complaints", len(_products({})), len(COMPLAINTS))
    return True


def _ago(now: datetime, days: int) -> datetime:
    return now - timedelta(days=days)


_tasks: set[asyncio.Task[Any]] = set()


def schedule_seed() -> None:
    """Seed in the background once the demo consumer exists (called from documents/demo/data.py)."""

    async def run() -> None:
        try:
            await seed_complaints()
        except Exception:
            log.exception("demo complaints could not be seeded")

    task = asyncio.get_running_loop().create_task(run())
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
