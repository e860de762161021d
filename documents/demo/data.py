"""Demo data for development mode, from the real figures in ../shared/domain.md.

Seeding is idempotent and safe with several workers: a marker document is claimed first,
and every record is keyed by a natural key (USCC, recall code).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from pymongo.errors import DuplicateKeyError

from documents.demo.complaints import schedule_seed as schedule_complaints_seed
from documents.demo.credit import seed_credit_demo
from documents.demo.recalls import seed_recall_demo
from documents.demo.seed_marker import SeedMarker
from documents.enterprises import actions as enterprise_actions
from documents.enterprises.models import CreditChange, Enterprise
from documents.enterprises.rules import uscc_check_character
from documents.enums import CreditLevel, CrossBorderClass, HazardType, Measure, RecallStatus, RecallType
from documents.enums import WarningKind as K
from documents.enums import WarningLevel as L
from documents.recalls import actions as recall_actions
from documents.recalls.models import Recall
from documents.warnings import actions as warning_actions
from documents.warnings import models as warnings

log = logging.getLogger("qsradar.demo_data")

MARKER = "demo-data-v1"
# The demo enterprise of enterprise@demo.test (public contract); a valid GB 32100 code, check character R.
DEMO_USCC = "91440300MA5DEM1X0R"
GACC = "海关总署 GACC"
SAMR = "国家市场监督管理总局 SAMR"
SEEDED_BY = "system:demo-seed"
# Where the real 2025 power-bank figures come from (seeds/003 in ../shared): recovered units, their share of each
# recall, refunds, ~1.35 M units announced by the three firms, ~9,000 CCC certificates suspended, 600+ revoked,
# ~80,000 listings blocked. Recall documents have no source field yet; this is the citation.
POWER_BANK_SOURCE = "国家市场监督管理总局, 转引自环球网《市场监管总局:超70万件充电宝被召回,涉及罗马仕等以下品牌》, 2025-09-26"
# Shown wherever the demo needs a State Council authorisation number for a RED warning: none is quoted publicly.
DEMO_AUTHORIZATION_REF = "演示数据，非真实文号 (demo, not a real reference)"


def _uscc(body: str) -> str:
    """A GB 32100 code from its first 17 characters plus the computed check character (demo codes only)."""
    if len(body) != 17:
        raise ValueError(f"{body!r}: a USCC body has 17 characters")
    return body + uscc_check_character(body)


# Real companies: only their public recall facts (POWER_BANK_SOURCE). Customs publishes no credit class for them
# that this demo could cite, so they show the default REGULAR with no history. Their codes are demo placeholders
# (zeros in the organisation-code part), not their registered USCCs.
ROMOSS, ANKER, XIAOMI = _uscc("914403000000RM001"), _uscc("914301000000AK002"), _uscc("911101080000XM003")
REAL_COMPANIES = frozenset({ROMOSS, ANKER, XIAOMI})
# Fictional enterprises (named 虚构 / fictional) carry the credit stories, one tier or more each.
TOYS, BOOKS, AUTO = _uscc("913302000000WJ004"), _uscc("911101050000TY005"), _uscc("911201160000YH006")
CBEC, CLOTH, HOME = _uscc("913301000000YL007"), _uscc("914401010000JX008"), _uscc("913101150000PJ009")

ENTERPRISES: list[dict] = [
    dict(uscc=DEMO_USCC, name="深圳市示范进出口贸易有限公司（虚构）", name_en="Shenzhen Demo Import & Export Trading Co., Ltd. (fictional)",
         region="广东 深圳", credit_level=CreditLevel.REGULAR, cross_border_class=CrossBorderClass.GENERAL_SUPERVISION),
    dict(uscc=ROMOSS, name="深圳市罗马仕科技有限公司", name_en="Shenzhen Romoss Technology Co., Ltd.",
         region="广东 深圳", credit_level=CreditLevel.REGULAR),
    dict(uscc=ANKER, name="安克创新科技股份有限公司", name_en="Anker Innovations Technology Co., Ltd.",
         region="湖南 长沙", credit_level=CreditLevel.REGULAR),
    dict(uscc=XIAOMI, name="小米通讯技术有限公司", name_en="Xiaomi Communications Co., Ltd.",
         region="北京", credit_level=CreditLevel.REGULAR),
    dict(uscc=TOYS, name="宁波港湾玩具进口有限公司（虚构）", name_en="Ningbo Harbour Toys Import Co., Ltd. (fictional)",
         region="浙江 宁波", credit_level=CreditLevel.SERIOUSLY_DISHONEST, cross_border_class=CrossBorderClass.KEY_SUPERVISION),
    dict(uscc=BOOKS, name="北京童阅图书进出口有限公司（虚构）", name_en="Beijing Tongyue Books Import & Export Co., Ltd. (fictional)",
         region="北京", credit_level=CreditLevel.DISHONEST),
    dict(uscc=AUTO, name="天津港保税区远航汽车贸易有限公司（虚构）",
         name_en="Tianjin Port Free Trade Zone Yuanhang Auto Trading Co., Ltd. (fictional)",
         region="天津", credit_level=CreditLevel.REGULAR),
    dict(uscc=CBEC, name="杭州云链跨境电子商务有限公司（虚构）", name_en="Hangzhou Yunlian Cross-border E-commerce Co., Ltd. (fictional)",
         region="浙江 杭州", credit_level=CreditLevel.AEO_ADVANCED, cross_border_class=CrossBorderClass.GENERAL_SUPERVISION),
    dict(uscc=CLOTH, name="广州锦绣服装进出口有限公司（虚构）", name_en="Guangzhou Jinxiu Garments Import & Export Co., Ltd. (fictional)",
         region="广东 广州", credit_level=CreditLevel.AEO_CERTIFIED),
    dict(uscc=HOME, name="上海浦江家电进出口有限公司（虚构）", name_en="Shanghai Pujiang Home Appliances Import & Export Co., Ltd. (fictional)",
         region="上海", credit_level=CreditLevel.REGULAR),
]

# The invalid codes of demo-data-v1 and their replacements, for a start-up migration of databases seeded before.
RENAMED_USCCS: dict[str, str] = {
    "91440300MA5DEMO001": DEMO_USCC, "91440300MA5ROMSS01": ROMOSS, "91430100MA4ANKER02": ANKER,
    "91110108MA0XIAOMI3": XIAOMI, "91330200MA2TOYS004": TOYS, "91110105MA0BOOKS05": BOOKS,
    "91120116MA0AUTO006": AUTO, "91330100MA2CBEC007": CBEC, "91440101MA5CLOTH08": CLOTH, "91310115MA1HOME009": HOME,
}

INITIAL = "初始评定 initial rating"
# Credit stories of the fictional enterprises: (from, to, reason, when). Before 2026-04-01 Decree No. 251 had
# three classes (advanced certified, regular, dishonest); AEO_CERTIFIED and SERIOUSLY_DISHONEST exist since
# Decree No. 282, so those entries are dated after it.
HISTORIES: dict[str, list[tuple[CreditLevel | None, CreditLevel, str, str]]] = {
    DEMO_USCC: [(None, CreditLevel.REGULAR, INITIAL, "2026-04-01T00:00:00")],
    CBEC: [(None, CreditLevel.REGULAR, INITIAL, "2021-11-01T00:00:00"),
           (CreditLevel.REGULAR, CreditLevel.AEO_ADVANCED,
            "通过高级认证企业认证 / passed AEO advanced certification", "2024-05-20T02:00:00")],
    CLOTH: [(None, CreditLevel.REGULAR, INITIAL, "2022-03-01T00:00:00"),
            (CreditLevel.REGULAR, CreditLevel.AEO_CERTIFIED,
             "第282号令新设认证企业，经认证 / certified under the new AEO tier of Decree 282", "2026-06-15T02:00:00")],
    AUTO: [(None, CreditLevel.REGULAR, INITIAL, "2021-11-01T00:00:00")],
    HOME: [(None, CreditLevel.REGULAR, INITIAL, "2021-11-01T00:00:00"),
           (CreditLevel.REGULAR, CreditLevel.DISHONEST,
            "一年内3次一般失信行为（申报不实）/ 3 general breaches in 12 months (inaccurate declarations)",
            "2025-03-10T02:00:00"),
           (CreditLevel.DISHONEST, CreditLevel.REGULAR,
            "信用修复申请通过：已完成整改 / credit repair approved after rectification", "2025-12-01T02:00:00")],
    BOOKS: [(None, CreditLevel.REGULAR, INITIAL, "2021-11-01T00:00:00"),
            (CreditLevel.REGULAR, CreditLevel.DISHONEST,
             "进口儿童图书丙烯酰胺超标且未按期报告召回进展 / acrylamide over the limit, recall reports overdue",
             "2025-08-18T02:00:00")],
    TOYS: [(None, CreditLevel.REGULAR, INITIAL, "2021-11-01T00:00:00"),
           (CreditLevel.REGULAR, CreditLevel.DISHONEST,
            "进口玩具小零件、铬超标，严重失信行为 / small parts and chromium in imported toys: serious breach",
            "2025-04-08T02:00:00"),
           (CreditLevel.DISHONEST, CreditLevel.SERIOUSLY_DISHONEST,
            "失信期间再次伪报品名 / misdeclared goods again while dishonest", "2026-05-12T02:00:00")],
}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# (key, fields, publish_at or None for a draft, [(level, reason, at)] adjustments, (reason, at) lift or None)
WARNINGS: list[tuple[str, dict, str | None, list[tuple[L, str, str]], tuple[str, str] | None]] = [
    ("powerbank", dict(
        title="关于部分品牌移动电源（充电宝）存在起火燃烧风险的警示公告",
        title_en="Announcement: fire risk in power banks of several brands",
        level=L.ORANGE, kind=K.ANNOUNCEMENT, hazards=[HazardType.PHYSICAL], product_category="移动电源 Power banks",
        hs_codes=["850760"], origin_countries=["CN"], regions=["全国"],
        summary="部分批次移动电源电芯原材料不符合要求，使用中可能过热、起火燃烧。罗马仕、安克、小米已实施召回，"
                "三家企业宣布召回约135万台；已停止销售的产品请立即停止使用并联系企业退款。约9,000张CCC证书被暂停、600余张被撤销，"
                "电商平台下架约8万条商品链接。",
        summary_en="Cells in some power-bank batches do not meet requirements and may overheat or catch fire. Romoss, Anker "
                   "and Xiaomi announced recalls of about 1.35 million units; stop using affected units and ask the "
                   "enterprise for a refund. About 9,000 CCC certificates were suspended and 600+ revoked; platforms "
                   "blocked about 80,000 listings.",
        # No credit measure against the real firms: none was published.
        measures=[Measure.DEFECT_RECALL, Measure.SALES_SUSPENSION, Measure.TAKE_DOWN],
        enterprise_usccs=[ROMOSS, ANKER, XIAOMI], issued_by=SAMR, authorization_ref=DEMO_AUTHORIZATION_REF),
     "2025-06-20T08:00:00", [(L.RED, "演示情景：召回完成率偏低（罗马仕34.1%，小米12%）/ demo scenario: low recall "
                                     "completion (Romoss 34.1 %, Xiaomi 12 %)", "2025-09-26T08:00:00")], None),
    ("toys", dict(
        title="进口儿童玩具小零件、可迁移元素铬及增塑剂超标风险警示通报",
        title_en="Circular: small parts, migratable chromium and plasticisers in imported toys",
        level=L.ORANGE, kind=K.CIRCULAR, hazards=[HazardType.PHYSICAL, HazardType.CHEMICAL],
        product_category="儿童玩具 Children's toys", hs_codes=["9503"], origin_countries=["VN", "TH"],
        regions=["北京海关", "宁波海关"],
        summary="2024年以来北京海关检出11批次不合格进口玩具，问题涉及小零件、可迁移元素铬、增塑剂超标及标识不合格。各口岸对同类产品实施布控，加严查验。",
        summary_en="Since 2024 Beijing customs found 11 non-compliant batches of imported toys (small parts, chromium, "
                   "plasticisers, labels). Ports target the same products and tighten inspection.",
        measures=[Measure.TIGHTENED_SUPERVISION, Measure.RETURN_SHIPMENT, Measure.DESTRUCTION],
        enterprise_usccs=[TOYS], issued_by=GACC), "2025-03-18T02:00:00", [], None),
    ("books", dict(
        title="进口儿童图书丙烯酰胺超标风险警示通告",
        title_en="Notice: acrylamide over the limit in imported children's books",
        level=L.YELLOW, kind=K.NOTICE, hazards=[HazardType.HEALTH, HazardType.CHEMICAL],
        product_category="儿童图书 Children's books", hs_codes=["490300"], origin_countries=["GB", "US"],
        summary="北京海关抽检35批次进口儿童图书，8批次丙烯酰胺超出GB 43631-2023（2025年1月1日实施）限量。进口商应核查在售批次并采取风险消减措施。",
        summary_en="Of 35 batches of imported children's books, 8 exceeded the acrylamide limit of GB 43631-2023 "
                   "(in force since 2025-01-01). Importers must check the batches they sell and mitigate the risk.",
        measures=[Measure.TRACEABILITY_INVESTIGATION, Measure.DEFECT_RECALL],
        enterprise_usccs=[BOOKS], issued_by=GACC), "2025-04-02T03:00:00", [], None),
    ("vehicles", dict(
        title="进口机动车安全缺陷风险警示公告",
        title_en="Announcement: safety defects in imported motor vehicles",
        level=L.YELLOW, kind=K.ANNOUNCEMENT, hazards=[HazardType.PHYSICAL], product_category="机动车 Motor vehicles",
        hs_codes=["8703"], origin_countries=["DE", "JP", "US"], regions=["天津新港", "上海港"],
        summary="2021-2025年全国海关检出不合格进口机动车6.8万辆。相关车辆存在制动、安全气囊等缺陷，消费者可凭车辆识别代号查询是否在召回范围内。",
        summary_en="Customs found 68,000 non-compliant imported vehicles in 2021-2025 (brakes, airbags). Owners can "
                   "check by VIN whether their vehicle is recalled.",
        measures=[Measure.DEFECT_RECALL, Measure.RETURN_SHIPMENT], enterprise_usccs=[AUTO], issued_by=GACC),
     "2025-05-10T06:00:00", [(L.ORANGE, "新增制动系统缺陷报告 / new brake-defect reports", "2025-07-01T06:00:00")], None),
    ("clothing", dict(
        title="跨境电商零售进口婴幼儿服装风险警示通告",
        title_en="Notice: infant clothing sold through cross-border e-commerce",
        level=L.BLUE, kind=K.NOTICE, hazards=[HazardType.CHEMICAL, HazardType.PHYSICAL],
        product_category="婴幼儿服装 Infant clothing", hs_codes=["611120"], origin_countries=["KR", "JP"],
        summary="近年检出不合格服装、家电、儿童用品1.2万批次。跨境电商平台应核验商品追溯码，对问题商品下架。",
        summary_en="12,000 non-compliant batches of clothing, appliances and children's goods were found. Cross-border "
                   "platforms must verify trace codes and take problem listings down.",
        measures=[Measure.TAKE_DOWN, Measure.TIGHTENED_SUPERVISION], enterprise_usccs=[CBEC, CLOTH], issued_by=GACC),
     "2025-08-05T02:30:00", [], None),
    ("solid-waste", dict(
        title="进境固体废物伪报瞒报风险警示通报",
        title_en="Circular: misdeclared solid waste at entry",
        level=L.ORANGE, kind=K.CIRCULAR, hazards=[HazardType.ENVIRONMENTAL], product_category="固体废物 Solid waste",
        hs_codes=["3915"], origin_countries=["US", "AU"], regions=["各直属海关"],
        summary="2021年以来退运固体废物4,000余批次。各口岸对申报为再生原料的货物加强查验，一经查实依法退运。",
        summary_en="4,000+ batches of solid waste were returned since 2021. Ports inspect goods declared as recycled "
                   "raw material and return what is found to be waste.",
        measures=[Measure.BAN_TRADE, Measure.RETURN_SHIPMENT], issued_by=GACC), "2025-02-11T01:00:00", [], None),
    ("gas-stoves", dict(
        title="家用燃气灶具赋码追溯产品风险警示公告",
        title_en="Announcement: household gas stoves (coded traceability pilot)",
        level=L.YELLOW, kind=K.ANNOUNCEMENT, hazards=[HazardType.PHYSICAL], product_category="燃气灶具 Gas stoves",
        hs_codes=["732111"], origin_countries=["CN"],
        summary="燃气灶具列入产品赋码试点。部分型号熄火保护装置失效，消费者可扫码查询是否受影响。",
        summary_en="Gas stoves are in the product-coding pilot. Some models have failing flame-failure devices; "
                   "consumers can scan the code to check.",
        measures=[Measure.DEFECT_RECALL, Measure.SALES_SUSPENSION], enterprise_usccs=[HOME], issued_by=SAMR),
     "2025-10-15T02:00:00", [], None),
    ("dangerous-goods", dict(
        title="出口危险货物伪报瞒报风险警示通报",
        title_en="Circular: false declarations of exported dangerous goods",
        level=L.RED, kind=K.CIRCULAR, hazards=[HazardType.CHEMICAL, HazardType.PHYSICAL],
        product_category="危险货物 Dangerous goods", hs_codes=["2804", "3601"], origin_countries=["CN"],
        regions=["上海港", "宁波舟山港", "深圳港"],
        summary="2021年以来检出不合格危险货物13万批次、伪瞒报9,000余批次。各口岸对高风险货物实施查封扣押。",
        summary_en="130,000 non-compliant batches of dangerous goods and 9,000+ false declarations since 2021. "
                   "Ports seize high-risk consignments.",
        measures=[Measure.SEIZURE, Measure.CREDIT_DOWNGRADE, Measure.TIGHTENED_SUPERVISION], issued_by=GACC,
        authorization_ref=DEMO_AUTHORIZATION_REF), "2025-04-22T05:00:00", [], None),
    ("children-shoes", dict(
        title="儿童鞋邻苯二甲酸酯超标风险警示公告",
        title_en="Announcement: phthalates in children's shoes",
        level=L.BLUE, kind=K.ANNOUNCEMENT, hazards=[HazardType.CHEMICAL, HazardType.HEALTH],
        product_category="儿童鞋 Children's shoes", hs_codes=["640299"], origin_countries=["VN", "ID"],
        summary="儿童鞋列入赋码试点。抽检发现部分批次邻苯二甲酸酯超标，平台应下架相关商品。",
        summary_en="Children's shoes are in the coding pilot. Some batches exceed phthalate limits; platforms must "
                   "take the listings down.", measures=[Measure.TAKE_DOWN], enterprise_usccs=[CBEC], issued_by=SAMR),
     "2025-11-03T02:00:00", [], None),
    ("ores", dict(
        title="进口不合格矿产品及再生金属风险警示公告",
        title_en="Announcement: non-compliant imported ores and recycled metals",
        level=L.ORANGE, kind=K.ANNOUNCEMENT, hazards=[HazardType.ENVIRONMENTAL, HazardType.HEALTH],
        product_category="矿产品 Ores and recycled metal", hs_codes=["2601", "7404"], origin_countries=["AU", "BR"],
        summary="退运不合格矿产品和再生金属1万余批次。风险已得到控制，本警示已解除。",
        summary_en="10,000+ batches of non-compliant ores and recycled metal were returned. The risk is under control "
                   "and this warning is lifted.", measures=[Measure.RETURN_SHIPMENT], issued_by=GACC),
     "2024-11-20T02:00:00", [], ("风险已消除 / risk eliminated", "2025-06-30T02:00:00")),
    ("pv-modules", dict(
        title="光伏组件质量安全风险警示通告（草稿）",
        title_en="Notice (draft): quality-safety risk in photovoltaic modules",
        level=L.YELLOW, kind=K.NOTICE, hazards=[HazardType.PHYSICAL, HazardType.ENVIRONMENTAL],
        product_category="光伏组件 PV modules", hs_codes=["854143"], origin_countries=["CN"],
        summary="首次全国光伏组件质量监督抽查发现部分产品功率衰减、绝缘不合格，拟发布通告。",
        summary_en="The first national check of PV modules found power degradation and insulation failures; a notice "
                   "is being drafted.", measures=[Measure.TIGHTENED_SUPERVISION], issued_by=SAMR), None, [], None),
]

# (code, warning key, fields). The three power-bank recalls keep SAMR's figures exactly (POWER_BANK_SOURCE):
# recovered units and refunds as published; units affected are derived from the published shares
# (167,000 / 34.1 %, 565,000 / 78.7 %, 17,000 / 12 %, together ~1.35 M); announcement dates are approximate.
RECALLS: list[tuple[str, str | None, dict]] = [
    ("RC-2025-000001", "powerbank", dict(
        product_name="罗马仕移动电源 PAC10/PAB10/PAC20", product_name_en="Romoss power banks PAC10/PAB10/PAC20",
        brand="罗马仕 Romoss", model="PAC10, PAB10, PAC20", type=RecallType.VOLUNTARY, enterprise_uscc=ROMOSS,
        units_affected=489_736, units_recovered=167_000, refunds_cny=22_837_000.0, status=RecallStatus.IN_PROGRESS,
        announced_at=_at("2025-06-20T09:00:00"))),
    ("RC-2025-000002", "powerbank", dict(
        product_name="安克移动电源 A1257/A1647", product_name_en="Anker power banks A1257/A1647",
        brand="安克 Anker", model="A1257, A1647", type=RecallType.VOLUNTARY, enterprise_uscc=ANKER,
        units_affected=717_916, units_recovered=565_000, refunds_cny=85_664_000.0, status=RecallStatus.IN_PROGRESS,
        announced_at=_at("2025-06-27T09:00:00"))),
    ("RC-2025-000003", "powerbank", dict(
        product_name="小米移动电源 PB1022ZM", product_name_en="Xiaomi power bank PB1022ZM",
        brand="小米 Xiaomi", model="PB1022ZM", type=RecallType.VOLUNTARY, enterprise_uscc=XIAOMI,
        units_affected=141_667, units_recovered=17_000, refunds_cny=2_700_000.0, status=RecallStatus.IN_PROGRESS,
        announced_at=_at("2025-07-04T09:00:00"))),
    ("RC-2025-000004", "toys", dict(
        product_name="进口塑胶积木玩具", product_name_en="Imported plastic building blocks", brand="HappyBlocks",
        model="HB-220", type=RecallType.ORDERED, enterprise_uscc=TOYS, units_affected=3_200, units_recovered=3_200,
        refunds_cny=256_000.0, status=RecallStatus.COMPLETED, announced_at=_at("2025-03-25T02:00:00"))),
    ("RC-2025-000005", "books", dict(
        product_name="进口儿童立体绘本", product_name_en="Imported children's pop-up picture books", brand="LittleOwl",
        model="Pop-up series 1-8", type=RecallType.ORDERED, enterprise_uscc=BOOKS, units_affected=12_000,
        units_recovered=4_500, refunds_cny=405_000.0, status=RecallStatus.IN_PROGRESS,
        announced_at=_at("2025-04-10T02:00:00"))),
    ("RC-2025-000006", "vehicles", dict(
        product_name="进口SUV制动软管", product_name_en="Imported SUV brake hoses", brand="Nordwagen", model="NX5 2023",
        type=RecallType.VOLUNTARY, enterprise_uscc=AUTO, units_affected=6_850, units_recovered=2_100,
        refunds_cny=0.0, status=RecallStatus.IN_PROGRESS, announced_at=_at("2025-07-08T02:00:00"))),
]


async def _seed_enterprises() -> None:
    for fields in ENTERPRISES:
        if await Enterprise.find_one(Enterprise.uscc == fields["uscc"]):
            continue
        history = [CreditChange(from_level=old, to_level=new, reason=reason, by=SEEDED_BY, at=_at(at))
                   for old, new, reason, at in HISTORIES.get(fields["uscc"], [])]
        enterprise = Enterprise(**fields, credit_history=history)
        try:
            await enterprise.insert()
        except DuplicateKeyError:
            continue
        await enterprise_actions.index_keys([{"uscc": enterprise.uscc, "_id": enterprise.id}])


async def _seed_warnings() -> dict[str, warnings.Warning]:
    by_key: dict[str, warnings.Warning] = {}
    for key, fields, published, adjustments, lifted in WARNINGS:
        w = warnings.Warning(**fields, created_at=_at(published or "2026-11-01T00:00:00"))
        w, _ = await warning_actions.create(w, publish=published is not None, by=SEEDED_BY,
                                     at=_at(published) if published else None)
        for level, reason, at in adjustments:
            w, _ = await warning_actions.change_level(w.id, level, reason, by=SEEDED_BY, at=_at(at))
        if lifted:
            w, _ = await warning_actions.lift(w.id, lifted[0], by=SEEDED_BY, at=_at(lifted[1]))
        by_key[key] = w
    return by_key


async def _seed_recalls(by_key: dict[str, warnings.Warning]) -> None:
    for code, warning_key, fields in RECALLS:
        if await Recall.find_one(Recall.code == code):
            continue
        recall = Recall(code=code, warning_id=by_key[warning_key].id if warning_key else None, **fields)
        recall.refresh_derived()
        try:
            await recall.insert()
        except DuplicateKeyError:
            continue
        await recall_actions.index_lookup_keys([recall.model_dump(by_alias=True, mode="python")])


async def seed_demo_data() -> bool:
    """Seed once per database; returns False when another process already did."""
    schedule_complaints_seed()  # complaints, products, watchlist: their own marker, once the demo consumer exists
    try:
        await SeedMarker(id=MARKER).insert()
    except DuplicateKeyError:
        return False
    await _seed_enterprises()
    by_key = await _seed_warnings()
    await _seed_recalls(by_key)
    await seed_recall_demo()  # recall work, duties, defect reports (documents/demo/recalls.py)
    await seed_credit_demo()  # credit stories of the fictional firms (documents/demo/credit.py)
    log.info("demo data seeded: %d enterprises, %d warnings, %d recalls", len(ENTERPRISES), len(WARNINGS),
             len(RECALLS))
    return True
