"""Demo credit stories (issue 12), on FICTIONAL enterprises only (names marked （虚构）/(fictional)).

- the demo enterprise 91440300MA5DEM1X0R: certified under Decree 282, downgraded after a GENERAL breach, with an
  open credit-repair application (it stays REGULAR, as the demo accounts expect);
- Beijing Tongyue Books (DISHONEST): its overdue-recall breach and a repair application in review;
- Tianjin Yuanhang Auto (REGULAR): a downgrade reversed by an upheld objection;
- Shanghai Pujiang (REGULAR): three GENERAL breaches, the DISHONEST rating and the approved repair that closed them;
- Xiamen Haiyun Foods (new, fictional): AEO_CERTIFIED lowered to REGULAR by a warning's CREDIT_DOWNGRADE.

Real companies get nothing here: they keep only their public recall facts (documents/demo/data.py).
Idempotent and safe with several workers: a marker document is claimed first.
"""

from __future__ import annotations

from datetime import UTC, datetime

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from documents.demo.seed_marker import SeedMarker
from documents.enterprises import actions as enterprise_actions
from documents.enterprises import rules
from documents.enterprises.models import Breach, CreditApplication, CreditChange, Enterprise
from documents.enums import (
    BreachGrade,
    BreachSource,
    CreditApplicationKind,
    CreditBasis,
    CreditLevel,
    EnterpriseType,
    HazardType,
    Measure,
    WarningKind,
    WarningLevel,
)
from documents.warnings import actions as warning_actions
from documents.warnings.models import Warning

MARKER = "demo-credit-v1"
SEEDED_BY = "system:demo-seed"
REGULATOR = "system:demo-seed (regulator)"
C = CreditLevel

DEMO_USCC = "91440300MA5DEM1X0R"
FOOD_BODY = "913502000000HY010"

# Profile data of the fictional firms (customs codes, types, division codes, AEO certificates are invented).
_PROFILES: dict[str, dict] = {
    "91440300MA5DEM1X0": dict(customs_code="4403960001", region_code="440300",
                              types=[EnterpriseType.IMPORTER, EnterpriseType.EXPORTER]),
    "913302000000WJ004": dict(customs_code="3302960004", region_code="330200", types=[EnterpriseType.IMPORTER]),
    "911101050000TY005": dict(customs_code="1105960005", region_code="110105", types=[EnterpriseType.IMPORTER]),
    "911201160000YH006": dict(customs_code="1207960006", region_code="120116", types=[EnterpriseType.IMPORTER]),
    "913301000000YL007": dict(customs_code="3301960007", region_code="330100",
                              types=[EnterpriseType.CROSS_BORDER_PLATFORM, EnterpriseType.CROSS_BORDER_OPERATOR],
                              aeo_certificate_no="AEOCN0000000007（虚构 demo）",
                              aeo_certified_at=datetime(2024, 5, 20, 2, 0, tzinfo=UTC),
                              mutual_recognition=["EU", "SG", "KR", "NZ", "CH"]),
    "914401010000JX008": dict(customs_code="4401960008", region_code="440100",
                              types=[EnterpriseType.MANUFACTURER, EnterpriseType.EXPORTER],
                              aeo_certificate_no="AEOCN0000000008（虚构 demo）",
                              aeo_certified_at=datetime(2026, 6, 15, 2, 0, tzinfo=UTC), mutual_recognition=["SG"]),
    "913101150000PJ009": dict(customs_code="3101960009", region_code="310115",
                              types=[EnterpriseType.IMPORTER, EnterpriseType.WAREHOUSE]),
}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _code(body: str) -> str:
    return body + rules.uscc_check_character(body)


async def _load(uscc: str) -> Enterprise | None:
    doc = await Enterprise.get_pymongo_collection().find_one({"uscc": uscc})
    return Enterprise.model_validate(doc) if doc else None


async def _save(enterprise: Enterprise) -> None:
    # Historical demo records are written whole (like documents/demo/data.py); live changes go through actions.
    enterprise.revision += 1
    await Enterprise.get_pymongo_collection().replace_one({"_id": enterprise.id},
                                                          enterprise.model_dump(by_alias=True, mode="python"))


def _application(uscc: str, kind: CreditApplicationKind, reason: str, submitted: str, *,
                 breach_id: str | None = None, change_index: int | None = None,
                 decided: tuple[bool, str, str] | None = None) -> CreditApplication:
    at = _at(submitted)
    deadline = rules.review_deadline(at)
    app = CreditApplication(id=PydanticObjectId(), enterprise_uscc=uscc, kind=kind, reason=reason,
                            submitted_by=SEEDED_BY, submitted_at=at, due_at=deadline.due_at,
                            due_calendar_exact=deadline.calendar_exact, breach_id=breach_id,
                            change_index=change_index)
    if decided is not None:
        approve, why, when = decided
        app.decide(approve, why, REGULATOR, _at(when))
    return app


def _change(old: CreditLevel, new: CreditLevel, reason: str, at: str, basis: CreditBasis,
            ref: str | None = None) -> CreditChange:
    return CreditChange(from_level=old, to_level=new, reason=reason, by=REGULATOR, at=_at(at), basis=basis,
                        basis_ref=ref)


async def _profiles() -> None:
    for body, fields in _PROFILES.items():
        enterprise = await _load(_code(body))
        if enterprise is None:
            continue
        for key, value in fields.items():
            setattr(enterprise, key, value)
        enterprise.refresh_derived()
        await _save(enterprise)


async def _demo_enterprise(apps: list[CreditApplication]) -> None:
    e = await _load(DEMO_USCC)
    if e is None:
        return
    breach = Breach(grade=BreachGrade.GENERAL, source=BreachSource.INSPECTION,
                    source_ref="深圳海关 查验 2026-0915（虚构）",
                    reason="申报商品归类不实（进口小家电），已补税 / inaccurate tariff classification of "
                           "imported small appliances (demo, fictional)", at=_at("2026-09-10T03:00:00"), by=REGULATOR)
    e.breaches.append(breach)
    e.credit_history += [
        _change(C.REGULAR, C.AEO_CERTIFIED, "第282号令认证企业，经认证 / certified under Decree 282",
                "2026-06-01T02:00:00", CreditBasis.MANUAL),
        _change(C.AEO_CERTIFIED, C.REGULAR, "一般失信行为，不再符合认证标准 / general breach: certification "
                "standards no longer met", "2026-09-15T02:00:00", CreditBasis.BREACH, breach.id),
    ]
    e.credit_level = C.REGULAR
    await _save(e)
    apps.append(_application(DEMO_USCC, CreditApplicationKind.REPAIR,
                             "已完成整改：更正归类、补缴税款并完成内部培训 / rectified: classification corrected, duty "
                             "paid, staff trained", "2026-11-16T06:00:00", breach_id=breach.id))


async def _books(apps: list[CreditApplication]) -> None:
    e = await _load(_code("911101050000TY005"))
    if e is None:
        return
    breach = Breach(grade=BreachGrade.GENERAL, source=BreachSource.RECALL_DUTY, source_ref="RC-2025-000005",
                    reason="召回进展报告逾期 / recall progress reports overdue (RC-2025-000005)",
                    at=_at("2025-08-11T02:00:00"), by="system:overdue-duty-rule")
    e.breaches.append(breach)
    for change in e.credit_history:
        if change.to_level is C.DISHONEST:
            change.basis, change.basis_ref = CreditBasis.BREACH, breach.id
    await _save(e)
    apps.append(_application(e.uscc, CreditApplicationKind.REPAIR,
                             "已补交全部召回进展报告，召回完成率提升至80% / all overdue reports filed, recall 80 % "
                             "complete", "2026-11-05T02:00:00", breach_id=breach.id))


async def _auto(apps: list[CreditApplication]) -> None:
    e = await _load(_code("911201160000YH006"))
    if e is None or e.credit_level is not C.REGULAR:
        return
    objection = _application(e.uscc, CreditApplicationKind.OBJECTION,
                             "申报不实系报关代理录入错误，已提供原始合同 / the misdeclaration was the customs broker's "
                             "typing error; original contract provided", "2026-07-03T02:00:00",
                             change_index=len(e.credit_history),
                             decided=(True, "异议成立，原认定撤销 / objection upheld, the rating is withdrawn",
                                      "2026-07-20T02:00:00"))
    e.credit_history += [
        _change(C.REGULAR, C.DISHONEST, "涉嫌申报不实 / suspected misdeclaration", "2026-07-01T02:00:00",
                CreditBasis.MANUAL),
        _change(C.DISHONEST, C.REGULAR, "异议成立 / objection upheld", "2026-07-20T02:00:00",
                CreditBasis.OBJECTION_UPHELD, str(objection.id)),
    ]
    await _save(e)
    apps.append(objection)


async def _home(apps: list[CreditApplication]) -> None:
    e = await _load(_code("913101150000PJ009"))
    if e is None:
        return
    repair = _application(e.uscc, CreditApplicationKind.REPAIR, "已完成整改 / rectification completed",
                          "2025-11-03T02:00:00", decided=(True, "整改到位，准予修复 / rectified, repair granted",
                                                          "2025-12-01T02:00:00"))
    for n, when in enumerate(("2024-06-12T02:00:00", "2024-11-05T02:00:00", "2025-02-26T02:00:00"), 1):
        e.breaches.append(Breach(grade=BreachGrade.GENERAL, source=BreachSource.INSPECTION,
                                 reason=f"申报不实（第{n}次）/ inaccurate declaration ({n})", at=_at(when),
                                 by=REGULATOR,
                                 closed_at=_at("2025-12-01T02:00:00"), closed_by=str(repair.id)))
    repair.breach_id = e.breaches[-1].id
    for change in e.credit_history:
        if change.to_level is C.DISHONEST:
            change.basis, change.basis_ref = CreditBasis.BREACH, e.breaches[-1].id
        elif change.from_level is C.DISHONEST:
            change.basis, change.basis_ref = CreditBasis.REPAIR, str(repair.id)
    await _save(e)
    apps.append(repair)


async def _food_downgrade() -> None:
    """A fictional AEO_CERTIFIED importer named by a warning with CREDIT_DOWNGRADE: published through the warning
    actions, so the downgrade happens the way it does in service (same transaction, warning as basis)."""
    uscc = _code(FOOD_BODY)
    food = Enterprise(uscc=uscc, name="厦门海韵食品进出口有限公司（虚构）",
                     name_en="Xiamen Haiyun Foods Import & Export Co., Ltd. (fictional)", region="福建 厦门",
                     region_code="350200", customs_code="3502960010",
                     types=[EnterpriseType.IMPORTER], credit_level=C.AEO_CERTIFIED,
                     aeo_certificate_no="AEOCN0000000010（虚构 demo）",
                     aeo_certified_at=_at("2026-05-06T02:00:00"), mutual_recognition=["SG"],
                     created_at=_at("2022-03-01T00:00:00"),
                     credit_history=[
                         CreditChange(from_level=None, to_level=C.REGULAR, reason="初始评定 initial rating",
                                      by=SEEDED_BY, at=_at("2022-03-01T00:00:00")),
                         _change(C.REGULAR, C.AEO_CERTIFIED, "第282号令认证企业 / certified under Decree 282",
                                 "2026-05-06T02:00:00", CreditBasis.MANUAL)])
    try:
        await food.insert()
    except DuplicateKeyError:
        return
    await enterprise_actions.index_keys([{"uscc": food.uscc, "_id": food.id}])
    warning = Warning(
        title="进口冷冻水产品标签与检验证书不符风险警示通告（演示情景）",
        title_en="Notice (demo scenario): imported frozen seafood whose labels do not match the certificates",
        level=WarningLevel.YELLOW, kind=WarningKind.NOTICE, hazards=[HazardType.HEALTH, HazardType.BIOLOGICAL],
        product_category="冷冻水产品 Frozen seafood", hs_codes=["0303"], origin_countries=["NO"], regions=["厦门海关"],
        summary="演示情景（虚构企业）：厦门海韵食品进出口有限公司（虚构）进口冷冻水产品标签与检验证书不符，对该企业降低信用等级并加严监管。",
        summary_en="Demo scenario (fictional enterprise): labels of frozen seafood imported by Xiamen Haiyun Foods "
                   "(fictional) do not match the inspection certificates; its credit is lowered and supervision "
                   "tightened.",
        measures=[Measure.CREDIT_DOWNGRADE, Measure.TIGHTENED_SUPERVISION], enterprise_usccs=[uscc],
        issued_by="海关总署 GACC", created_at=_at("2026-10-20T02:00:00"))
    await warning_actions.create(warning, publish=True, by=REGULATOR, at=_at("2026-10-20T02:00:00"))


async def seed_credit_demo() -> bool:
    """Seed the credit stories once per database; False when another process already did."""
    try:
        await SeedMarker(id=MARKER).insert()
    except DuplicateKeyError:
        return False
    await _profiles()
    apps: list[CreditApplication] = []
    await _demo_enterprise(apps)
    await _books(apps)
    await _auto(apps)
    await _home(apps)
    coll = CreditApplication.get_pymongo_collection()
    for app in apps:
        try:
            await coll.insert_one(app.model_dump(by_alias=True, mode="python"))
        except DuplicateKeyError:
            pass
    await _food_downgrade()
    return True
