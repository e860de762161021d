# ruff: noqa: E501  (records with their bilingual text, one per line, like documents/demo/data.py)
"""Demo recall work (development mode only): recalls run through the same actions as the API, their duties, and
defect reports.

Honest data: every recall, duty and defect report here concerns a FICTIONAL enterprise of documents/demo/data.py
(names marked 虚构 / fictional). The demo enterprise (enterprise@demo.test) gets real work: a voluntary recall in
progress with two reports whose next monthly report is due in 3 working days, an announced recall whose monthly
report is overdue, and a defect report under assessment. Times are relative to the day the demo is seeded, so "due
in 3 working days" and "overdue" are true on that day. GTINs use the GS1 restricted-circulation prefix 20-29
(never assigned to a product in trade) with valid check digits.

The demo's warnings name real firms (the 2025 power-bank recalls); a DEFECT_RECALL warning owes a duty from each
enterprise it names, but a duty is not a public fact about those firms, so the demo keeps none for them: real
companies keep only their public recall figures (documents/demo/data.py, POWER_BANK_SOURCE).
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta

from pymongo.errors import DuplicateKeyError

from documents.core.clock import utcnow
from documents.core.workdays import CST, add_working_days
from documents.db.query_shapes import same_id
from documents.defects import actions as defect_actions
from documents.defects.models import DefectReport
from documents.demo.seed_marker import SeedMarker
from documents.enums import DutyKind, RecallStatus, RecallType, RemedyType, ReporterKind, WarningStatus
from documents.recalls import actions as recall_actions
from documents.recalls import rules
from documents.recalls.models import Recall, RecallDuty, Remedy, gtin_check_ok
from documents.warnings.models import Warning

log = logging.getLogger("qsradar.demo_recalls")

MARKER = "demo-recalls-v1"
SEEDED_BY = "system:demo-seed"


def _codes() -> tuple[str, str, str, frozenset[str]]:
    """The demo enterprise, the fictional home-appliance and garment firms, and the real firms (data.py imports
    this module, so their codes are read when seeding)."""
    from documents.demo import data

    return data.DEMO_USCC, data.HOME, data.CLOTH, data.REAL_COMPANIES


def _gtin(body: str) -> str:
    """A restricted-circulation GTIN-13 (prefix 2) from its 12 first digits plus the check digit."""
    for digit in "0123456789":
        if gtin_check_ok(body + digit):
            return body + digit
    raise ValueError(body)


def _cst(day: datetime | None = None, *, days_ago: int = 0, hour: int = 10) -> datetime:
    """A China-time working hour `days_ago` days before today, in UTC."""
    today = (day or utcnow()).astimezone(CST).date() - timedelta(days=days_ago)
    return datetime.combine(today, time(hour), tzinfo=CST).astimezone(UTC)


def _last_report_for(target_day: date, announced: datetime) -> datetime:
    """The report time (10:00 CST) whose next monthly report falls due on `target_day`."""
    for back in range(25, 40):
        at = _cst(datetime.combine(target_day, time(12), tzinfo=CST), days_ago=back)
        deadline = rules.next_progress_report(RecallStatus.IN_PROGRESS, announced, at)
        if deadline is not None and deadline.day == target_day:
            return at
    raise RuntimeError(f"no report date puts the next report on {target_day}")


def _remedy(kind: RemedyType, zh: str, en: str, phone: str, url: str, points: list[str]) -> Remedy:
    return Remedy(type=kind, instructions=zh, instructions_en=en, contact_phone=phone, contact_url=url,
                  collection_points=points)


async def _warning(code_key: str) -> Warning | None:
    """A seeded warning by its English title's start (codes depend on seeding order)."""
    return await Warning.find_one({"title_en": {"$regex": f"^{code_key}"}, "status": WarningStatus.PUBLISHED.value})


def _ref(w: Warning | None) -> recall_actions.WarningRef | None:
    if w is None:
        return None
    return recall_actions.WarningRef(id=w.id, code=w.code, level=w.level, kind=w.kind, status=w.status)


async def _settle_warning_duties(real_companies: frozenset[str]) -> None:
    """Duties the demo's seeded warnings created: none kept for real firms; a fictional firm's duty is met by the
    recall it announced for that warning (seeded recalls are inserted directly, not through the actions)."""
    coll = RecallDuty.get_pymongo_collection()
    await coll.delete_many({"kind": DutyKind.RECALL_FOR_WARNING.value, "enterprise_uscc": {"$in": sorted(real_companies)},
                            "met_at": None})
    recalls = Recall.get_pymongo_collection()
    for duty in await coll.find({"kind": DutyKind.RECALL_FOR_WARNING.value, "met_at": None}).to_list(None):
        recall = await recalls.find_one({"warning_id": same_id(duty["warning_id"]),
                                         "enterprise_uscc": duty["enterprise_uscc"]}, sort=[("announced_at", 1)])
        if recall is not None:
            duty.update(met_at=recall["announced_at"], met_by=SEEDED_BY, met_note=f"召回 recall {recall['code']}",
                        revision=duty.get("revision", 0) + 1)
            await coll.replace_one({"_id": duty["_id"]}, duty)


async def _demo_enterprise_work(now: datetime, demo_uscc: str) -> None:
    # A voluntary recall in progress with two reports; its next monthly report is due in 3 working days.
    due_day = add_working_days(now, 3).day
    announced = _cst(now, days_ago=80)
    second = _last_report_for(due_day, announced)
    first = second - timedelta(days=30)
    kettle = Recall(
        code="", product_name="示范牌电热水壶 DK-1500（虚构）", product_name_en="Demo brand electric kettle DK-1500 (fictional)",
        brand="示范 Demo", model="DK-1500", product_category="家用电器 Household appliances", type=RecallType.VOLUNTARY,
        enterprise_uscc=demo_uscc, gtins=[_gtin("202600000151")], batches=["2026-03 至 2026-05 生产批次 / made Mar-May 2026"],
        hazard="壶底温控器可能失效，干烧时外壳过热，存在烫伤和起火风险。",
        hazard_en="The base thermostat may fail; running dry overheats the body, with burn and fire risk.",
        remedy=_remedy(RemedyType.REPLACE, "停止使用，凭购买凭证到售后网点免费更换新款温控器底座，或寄回更换。",
                       "Stop using it; get a free replacement base at a service point with proof of purchase, or send it back.",
                       "400-000-0000", "https://demo.invalid/recall/dk-1500", ["深圳市南山区示范售后服务中心（虚构）"]),
        units_affected=4_800, deadline=now + timedelta(days=120))
    kettle = await recall_actions.announce(kettle, by=SEEDED_BY, at=announced)
    kettle = await recall_actions.report_progress(kettle, 1_150, 95_000.0, "首批召回：线上渠道 / first returns, online channels",
                                                  by=SEEDED_BY, at=first)
    await recall_actions.report_progress(kettle, 2_030, 168_500.0, "线下门店回收 / store returns", by=SEEDED_BY, at=second)
    # An announced recall with no report yet: its first monthly report is overdue.
    charger = Recall(
        code="", product_name="示范牌USB-C快充充电器 QC-65（虚构）", product_name_en="Demo brand USB-C fast charger QC-65 (fictional)",
        brand="示范 Demo", model="QC-65", product_category="充电器 Chargers", type=RecallType.VOLUNTARY,
        enterprise_uscc=demo_uscc, gtins=[_gtin("202600000652")], batches=["QC65-2606*"],
        hazard="部分批次输出端绝缘距离不足，存在触电风险。",
        hazard_en="Insufficient creepage distance at the output in some batches: electric-shock risk.",
        remedy=_remedy(RemedyType.REFUND, "停止使用并联系客服办理退货退款。", "Stop using it and contact customer service for a refund.",
                       "400-000-0000", "https://demo.invalid/recall/qc-65", []),
        units_affected=1_200)
    await recall_actions.announce(charger, by=SEEDED_BY, at=_cst(now, days_ago=45))
    # A defect report about the demo enterprise, under assessment.
    report = DefectReport(
        code="", reporter_kind=ReporterKind.INSPECTION_BODY, reporter=SEEDED_BY, product_name="示范牌电暖器 HT-2000（虚构）",
        brand="示范 Demo", model="HT-2000", gtin=_gtin("202600002007"), uscc=demo_uscc,
        description="市场抽检中发现倾倒开关失效，倾倒后仍持续加热。（虚构检测机构报告）/ Tip-over switch failed in market sampling: "
                    "the heater keeps heating when tipped over. (report of a fictional testing body)")
    report = await defect_actions.submit(report, by=SEEDED_BY, at=_cst(now, days_ago=6))
    await defect_actions.begin_assessment(report, by=SEEDED_BY)


async def _closed_recall(cloth: str) -> None:
    """A fictional firm's voluntary recall run to the end and closed by the regulator."""
    clothing = await _warning("Notice: infant clothing")
    sleepwear = Recall(
        code="", product_name="锦绣婴幼儿连体睡衣（虚构）", product_name_en="Jinxiu infant sleepsuit (fictional)", brand="锦绣 Jinxiu",
        model="JX-B12", product_category="婴幼儿服装 Infant clothing", type=RecallType.VOLUNTARY, enterprise_uscc=cloth,
        gtins=[_gtin("202500001204")], batches=["JX-B12-2507"], hazard="按扣拉力不足，可能脱落被婴幼儿误吞。",
        hazard_en="Snap fasteners below the pull-force requirement may come off and be swallowed by infants.",
        remedy=_remedy(RemedyType.REFUND, "停止使用，凭订单号在原购买平台申请退款。", "Stop using it; request a refund on the platform you bought it from.",
                       "400-000-0001", "https://demo.invalid/recall/jx-b12", []),
        units_affected=2_400)
    at = datetime(2025, 8, 20, 2, 0, tzinfo=UTC)
    sleepwear = await recall_actions.announce(sleepwear, by=SEEDED_BY, warning=_ref(clothing), at=at)
    sleepwear = await recall_actions.report_progress(sleepwear, 1_700, 152_000.0, None, by=SEEDED_BY, at=at + timedelta(days=28))
    sleepwear = await recall_actions.report_progress(sleepwear, 2_400, 214_000.0, "全部收回 / all units back", by=SEEDED_BY,
                                                     at=at + timedelta(days=55))
    await recall_actions.close(sleepwear, "召回完成，效果评估合格 / completed, effect evaluated as adequate", by=SEEDED_BY,
                               at=at + timedelta(days=70))


async def _ordered_from_defect_report(now: datetime, home: str) -> None:
    """A defect report confirmed by ordering a recall (fictional firm), under way with its duties met so far."""
    stoves = await _warning("Announcement: household gas stoves")
    report = DefectReport(
        code="", reporter_kind=ReporterKind.CONSUMER, reporter=SEEDED_BY, product_name="浦江嵌入式燃气灶 PJ-Z2（虚构）",
        brand="浦江 Pujiang", model="PJ-Z2", uscc=home,
        description="熄火后燃气未切断，厨房有燃气味。（虚构消费者报告）/ Gas not cut off after the flame went out. (fictional consumer report)")
    at = datetime(2025, 10, 20, 2, 0, tzinfo=UTC)
    report = await defect_actions.submit(report, by=SEEDED_BY, at=at)
    order = Recall(
        code="", product_name="浦江嵌入式燃气灶 PJ-Z2（虚构）", product_name_en="Pujiang built-in gas stove PJ-Z2 (fictional)",
        brand="浦江 Pujiang", model="PJ-Z2", product_category="燃气灶具 Gas stoves", type=RecallType.ORDERED, enterprise_uscc=home,
        gtins=[_gtin("202500002201")], trace_codes=["PJZ2-2025-0001 至 PJZ2-2025-9600"],
        hazard="熄火保护装置失效，火焰熄灭后燃气不能自动切断，存在燃气泄漏和爆燃风险。",
        hazard_en="The flame-failure device fails: gas is not cut off when the flame goes out (leak and explosion risk).",
        remedy=_remedy(RemedyType.REPAIR, "预约上门免费更换熄火保护装置，维修前请关闭燃气总阀。",
                       "Book a free home visit to replace the flame-failure device; keep the main gas valve closed until then.",
                       "400-000-0002", "https://demo.invalid/recall/pj-z2", ["上海市浦东新区浦江售后中心（虚构）"]),
        units_affected=9_600)
    _, recall = await defect_actions.order_recall(report, order, _ref(stoves), by=SEEDED_BY, at=datetime(2025, 10, 28, 2, 0, tzinfo=UTC))
    plan = await RecallDuty.find_one({"recall_id": same_id(recall.id), "kind": DutyKind.RECALL_PLAN.value})
    if plan is not None:
        await recall_actions.fulfil_duty(plan, "召回计划已提交 / recall plan handed in", by=SEEDED_BY,
                                         at=datetime(2025, 11, 7, 2, 0, tzinfo=UTC))
    recall = await recall_actions.report_progress(recall, 2_100, None, "首次进展 / first report", by=SEEDED_BY,
                                                  at=datetime(2025, 11, 21, 2, 0, tzinfo=UTC))
    # Monthly reports since; the last one 10 days ago, so the next is open.
    last = _cst(now, days_ago=10)
    units = 2_100
    month = datetime(2025, 12, 19, 2, 0, tzinfo=UTC)
    while month < last - timedelta(days=20):
        units += 500
        recall = await recall_actions.report_progress(recall, units, None, None, by=SEEDED_BY, at=month)
        month += timedelta(days=30)
    await recall_actions.report_progress(recall, units + 400, None, None, by=SEEDED_BY, at=last)


async def seed_recall_demo() -> bool:
    """Seed once per database (its own marker); returns False when another process already did."""
    try:
        await SeedMarker(id=MARKER).insert()
    except DuplicateKeyError:
        return False
    now = utcnow()
    demo_uscc, home, cloth, real_companies = _codes()
    await _settle_warning_duties(real_companies)
    await _demo_enterprise_work(now, demo_uscc)
    await _closed_recall(cloth)
    await _ordered_from_defect_report(now, home)
    log.info("demo recall work seeded")
    return True
