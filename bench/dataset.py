"""The benchmark data set, built with the project's own document classes and rules.

Default scale: 10,000 warnings (every level, kind and status, some level changes and lifts),
2,000 enterprises, 1,500 recalls. `scale` multiplies every count.

Workaround, named: `documents.warnings.actions.create()` costs ~5 ms per warning on the embedded server
(a counter round trip + a transaction of three writes), i.e. ~50 s for 10 k. The loader therefore
goes through the same `Warning` / `ChangeEvent` / `Enterprise` / `Recall` classes and the same rule
methods (`validate_content`, `publish`, `adjust_level`, `lift`, `refresh_derived`), reserves code
and alert-log sequence ranges from the same `Counter` documents with one `$inc` per range, and
writes with `insert_many` (about 5 s for 10 k). Set BENCH_LOAD_MODE=create to load warnings one
by one through `create()` / `change_level()` / `lift()` instead (slow, but the exact write path).
"""

from __future__ import annotations

import os
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pymongo import ReturnDocument

from documents.changelog.models import SEQUENCE_NAME, ChangeEvent
from documents.db import migrations
from documents.db.counters import Counter
from documents.enterprises.actions import index_keys
from documents.enterprises.models import CreditChange, Enterprise
from documents.enums import (
    AlertEventType,
    CreditLevel,
    CrossBorderClass,
    HazardType,
    Measure,
    RecallStatus,
    RecallType,
    WarningKind,
    WarningLevel,
    WarningStatus,
)
from documents.recalls.actions import index_lookup_keys
from documents.recalls.models import Recall
from documents.warnings import actions as warning_actions
from documents.warnings import models as warnings

BY = "system:bench"
CHUNK = 1000

CATEGORIES = ["移动电源 Power banks", "儿童玩具 Children's toys", "儿童图书 Children's books", "机动车 Motor vehicles",
              "婴幼儿服装 Infant clothing", "固体废物 Solid waste", "燃气灶具 Gas stoves", "危险货物 Dangerous goods",
              "儿童鞋 Children's shoes", "矿产品 Ores", "光伏组件 PV modules", "电动自行车 E-bikes",
              "化妆品 Cosmetics", "食品接触材料 Food-contact materials", "家用电器 Home appliances"]
HS = ["850760", "9503", "490300", "8703", "611120", "3915", "732111", "2804", "640299", "2601", "854143", "871160",
      "330499", "392410", "851660"]
COUNTRIES = ["CN", "VN", "TH", "GB", "US", "DE", "JP", "KR", "AU", "BR", "ID", "IN", "FR", "IT", "MY"]
REGIONS = ["全国", "北京海关", "宁波海关", "上海港", "深圳港", "天津新港", "广州海关", "各直属海关"]
ISSUERS = ["海关总署 GACC", "国家市场监督管理总局 SAMR"]
WORDS_ZH = ["部分批次", "存在", "起火", "燃烧", "风险", "检出", "不合格", "超标", "召回", "下架", "加严查验", "退运",
            "消费者", "应立即", "停止使用", "联系企业", "口岸", "布控", "抽检", "追溯"]
WORDS_EN = ["batches", "may", "overheat", "fail", "inspection", "recall", "stop", "using", "contact", "enterprise",
            "ports", "tighten", "checks", "labels", "limits", "exceeded", "consumers", "platforms", "listings", "risk"]
START = datetime(2024, 1, 1, tzinfo=UTC)
SPAN_SECONDS = int((datetime(2026, 3, 1, tzinfo=UTC) - START).total_seconds())


@dataclass
class Counts:
    warnings: int
    enterprises: int
    recalls: int


def counts(scale: float) -> Counts:
    return Counts(warnings=max(50, int(10_000 * scale)), enterprises=max(20, int(2_000 * scale)),
                  recalls=max(10, int(1_500 * scale)))


def _ms(at: datetime) -> datetime:
    return at.replace(microsecond=at.microsecond // 1000 * 1000)


def _text(rng: random.Random, words: list[str], n: int, sep: str) -> str:
    return sep.join(rng.choice(words) for _ in range(n))


def _uscc(i: int) -> str:
    return f"9199BENCH{i:09d}"


async def _reserve(name: str, n: int) -> int:
    """Reserve n values of the named counter (same documents as `counter.next_value`); returns the first."""
    doc = await Counter.get_pymongo_collection().find_one_and_update(
        {"_id": name}, {"$inc": {"value": n}}, upsert=True, return_document=ReturnDocument.AFTER)
    return int(doc["value"]) - n + 1


def _enterprise(rng: random.Random, i: int) -> Enterprise:
    level = rng.choices(list(CreditLevel), weights=[5, 15, 60, 15, 5])[0]
    history = [CreditChange(from_level=None, to_level=level, reason="初始评定 initial rating", by=BY,
                            at=datetime(2026, 4, 1, tzinfo=UTC))]
    return Enterprise(uscc=_uscc(i), name=f"基准测试进出口贸易有限公司{i:05d}", name_en=f"Bench Trading Co. {i:05d}",
                      region=rng.choice(REGIONS), credit_level=level, credit_history=history,
                      cross_border_class=rng.choice([None, None, *CrossBorderClass]))


def _warning(rng: random.Random, i: int, n_enterprises: int) -> tuple[warnings.Warning, dict]:
    level = rng.choices(list(WarningLevel), weights=[10, 25, 35, 30])[0]
    kind = rng.choices(list(WarningKind), weights=[30, 30, 40])[0]
    cat = rng.randrange(len(CATEGORIES))
    published = _ms(START + timedelta(seconds=rng.randrange(SPAN_SECONDS)))
    fate = rng.random()
    plan = {"draft": fate < 0.03, "lift": 0.03 <= fate < 0.10, "adjust": None}
    if 0.10 <= fate < 0.18:
        plan["adjust"] = rng.choice([lv for lv in WarningLevel if lv is not level])
    needs_auth = level is WarningLevel.RED or plan["adjust"] is WarningLevel.RED
    w = warnings.Warning(
        title=f"关于{CATEGORIES[cat].split()[0]}{_text(rng, WORDS_ZH, 3, '')}的风险警示 #{i}",
        title_en=f"Warning #{i}: {CATEGORIES[cat].split(' ', 1)[1]} {_text(rng, WORDS_EN, 4, ' ')}",
        level=level, kind=kind, hazards=rng.sample(list(HazardType), rng.randint(1, 3)),
        product_category=CATEGORIES[cat], hs_codes=[HS[cat]] + ([rng.choice(HS)] if rng.random() < 0.3 else []),
        origin_countries=rng.sample(COUNTRIES, rng.randint(1, 3)), regions=rng.sample(REGIONS, rng.randint(0, 2)),
        summary=_text(rng, WORDS_ZH, 30, "，") + "。", summary_en=_text(rng, WORDS_EN, 30, " ") + ".",
        measures=rng.sample(list(Measure), rng.randint(1, 3)),
        enterprise_usccs=[_uscc(rng.randrange(n_enterprises)) for _ in range(rng.choices([0, 1, 2, 3], [15, 45, 25, 15])[0])],
        issued_by=rng.choice(ISSUERS), authorization_ref="国务院授权〔2025〕第9号" if needs_auth else None,
        created_at=published - timedelta(hours=2),
    )
    w.enterprise_usccs = list(dict.fromkeys(w.enterprise_usccs))
    plan["published_at"] = published
    return w, plan


async def _load_warnings_batched(rng: random.Random, c: Counts) -> list[warnings.Warning]:
    built = [_warning(rng, i, c.enterprises) for i in range(c.warnings)]
    for w, _ in built:
        w.validate_content()
        w.created_by = BY
    # Codes: sequential per year, from the same counter as the service; reserve one range per year.
    by_year: dict[int, list[tuple[warnings.Warning, dict]]] = defaultdict(list)
    for w, plan in built:
        if not plan["draft"]:
            by_year[plan["published_at"].year].append((w, plan))
    events: list[tuple[datetime, ChangeEvent]] = []
    for year, items in by_year.items():
        items.sort(key=lambda wp: wp[1]["published_at"])
        first = await _reserve(warnings.code_counter(year), len(items))
        for k, (w, plan) in enumerate(items):
            at = plan["published_at"]
            w.publish(by=BY, at=at, code=warnings.format_code(year, first + k))
            w.revision += 1
            events.append((at, ChangeEvent(seq=0, entity_id=w.id, type=AlertEventType.PUBLISHED, warning_id=w.id, level=w.level,
                                          previous_level=None, kind=w.kind, at=at)))
            later = at + timedelta(days=rng.randint(1, 120))
            if plan["adjust"] is not None:
                previous = w.level
                change = w.adjust_level(plan["adjust"], "证据变化 evidence changed", BY, later)
                w.revision += 1
                events.append((change.at, ChangeEvent(seq=0, entity_id=w.id, type=AlertEventType.LEVEL_CHANGED, warning_id=w.id,
                                                     level=w.level, previous_level=previous, kind=w.kind, at=change.at)))
            elif plan["lift"]:
                change = w.lift("风险已消除 risk eliminated", BY, later)
                w.revision += 1
                events.append((change.at, ChangeEvent(seq=0, entity_id=w.id, type=AlertEventType.LIFTED, warning_id=w.id,
                                                     level=w.level, previous_level=w.level, kind=w.kind, at=change.at)))
    for w, plan in built:
        if plan["draft"]:
            w.revision += 1
        w.refresh_derived()
    coll = warnings.Warning.get_pymongo_collection()
    docs = []
    for w, _ in built:
        doc = w.model_dump(by_alias=True, mode="python")
        doc["_id"] = w.id
        docs.append(doc)
    for k in range(0, len(docs), CHUNK):
        await coll.insert_many(docs[k:k + CHUNK], ordered=False)
        await warning_actions.index_keys(docs[k:k + CHUNK])  # what creating writes with each warning
    # The alert log in time order, with seqs from the same counter as next_value(SEQUENCE_NAME).
    events.sort(key=lambda te: te[0])
    first_seq = await _reserve(SEQUENCE_NAME, len(events))
    log_docs = []
    for k, (_, e) in enumerate(events):
        e.seq = first_seq + k
        log_docs.append(e.model_dump(by_alias=True, mode="python", exclude={"id"}))
    ecoll = ChangeEvent.get_pymongo_collection()
    for k in range(0, len(log_docs), CHUNK):
        await ecoll.insert_many(log_docs[k:k + CHUNK], ordered=False)
    return [w for w, _ in built]


async def _load_warnings_one_by_one(rng: random.Random, c: Counts) -> list[warnings.Warning]:
    out = []
    for i in range(c.warnings):
        w, plan = _warning(rng, i, c.enterprises)
        w, _ = await warning_actions.create(w, publish=not plan["draft"], by=BY,
                                     at=None if plan["draft"] else plan["published_at"])
        later = (plan["published_at"] + timedelta(days=rng.randint(1, 120)))
        if not plan["draft"] and plan["adjust"] is not None:
            w, _ = await warning_actions.change_level(w.id, plan["adjust"], "证据变化 evidence changed", by=BY, at=later)
        elif not plan["draft"] and plan["lift"]:
            w, _ = await warning_actions.lift(w.id, "风险已消除 risk eliminated", by=BY, at=later)
        out.append(w)
    return out


async def load(scale: float, seed: int = 2026) -> dict:
    """Generate and store the data set (the database must be connected with documents.db.client.connect)."""
    rng = random.Random(seed)
    c = counts(scale)
    t0 = time.perf_counter()
    ents = [_enterprise(rng, i) for i in range(c.enterprises)]
    ecoll = Enterprise.get_pymongo_collection()
    for k in range(0, len(ents), CHUNK):
        chunk = [e.model_dump(by_alias=True, mode="python", exclude={"id"}) for e in ents[k:k + CHUNK]]
        await ecoll.insert_many(chunk, ordered=False)  # gives each its `_id`
        await index_keys(chunk)  # what registering writes with an enterprise for its look-ups
    mode = os.environ.get("BENCH_LOAD_MODE", "batch")
    if mode == "create":
        ws = await _load_warnings_one_by_one(rng, c)
    else:
        ws = await _load_warnings_batched(rng, c)
    # Recalls: linked to published warnings that name enterprises, announced after the warning.
    linked = [w for w in ws if w.status is not WarningStatus.DRAFT and w.enterprise_usccs]
    recalls = []
    for i in range(c.recalls):
        w = rng.choice(linked)
        affected = rng.randint(100, 500_000)
        recovered = rng.randint(0, affected)
        r = Recall(code=f"RC-BENCH-{i:06d}", product_name=f"{w.product_category.split()[0]} 批次 {i}",
                   product_name_en=f"Batch {i}", brand="BenchBrand", model=f"M-{i}",
                   type=rng.choice(list(RecallType)), enterprise_uscc=rng.choice(w.enterprise_usccs),
                   warning_id=w.id, units_affected=affected, units_recovered=recovered,
                   refunds_cny=float(recovered * 10),
                   status=RecallStatus.COMPLETED if recovered == affected else RecallStatus.IN_PROGRESS,
                   announced_at=_ms(w.published_at + timedelta(days=rng.randint(1, 30))))  # type: ignore[operator]
        r.refresh_derived()
        recalls.append(r.model_dump(by_alias=True, mode="python"))
    rcoll = Recall.get_pymongo_collection()
    for k in range(0, len(recalls), CHUNK):
        await rcoll.insert_many(recalls[k:k + CHUNK], ordered=False)
        await index_lookup_keys(recalls[k:k + CHUNK])  # what announce writes with a recall for its look-ups
    # Written in the current shape, as creating each record writes it (a check: every pass changes none at 3 k):
    # the start-up upgrades would read every document for nothing (1 M: longer than the bench waits for a start).
    await migrations.record_current()
    by_status: dict[str, int] = defaultdict(int)
    for w in ws:
        by_status[w.status.value] += 1
    return {"warnings": len(ws), "enterprises": len(ents), "recalls": len(recalls), "by_status": dict(by_status),
            "mode": mode, "seconds": round(time.perf_counter() - t0, 1)}


# ---- write scenarios: recalls of the demo enterprise, bench consumers ----------------------------------------

DEMO_USCC = "91440300MA5DEM1X0R"  # the enterprise of enterprise@demo.test (documents/demo/data.py)
CONSUMER_EMAIL = "bench-consumer-{}@bench.test"
PROGRESS_UNITS = 1_000_000_000  # headroom: every report adds one unit and never completes the recall


async def load_write_fixtures(progress_recalls: int, consumers: int, password: str) -> dict:
    """What the write scenarios need (after the demo data): `progress_recalls` voluntary recalls of the demo
    enterprise, announced and put in progress through `documents.recalls.actions` (codes, duties, audit, change
    log), dated 2024; and `consumers` consumer accounts for complaint_burst."""
    from auth.sessions import create_account
    from documents.accounts.models import Account
    from documents.enums import Role
    from documents.recalls import actions as recall_actions

    recall_ids = []
    for i in range(progress_recalls):
        r = Recall(product_name=f"基准测试进展上报移动电源 {i}", product_name_en=f"Bench progress power bank {i}",
                   brand="BenchBrand", model=f"P-{i}", type=RecallType.VOLUNTARY, enterprise_uscc=DEMO_USCC,
                   hazard="基准测试：电芯可能过热。", units_affected=PROGRESS_UNITS, code="")
        at = datetime(2024, 1, 2, tzinfo=UTC) + timedelta(minutes=i)
        r = await recall_actions.announce(r, by=BY, at=at)
        # A first report (0 units) puts it IN_PROGRESS now, so no status changes while the phases run (the
        # nested_recalls answers of the floor and the service are compared on the same pages).
        r = await recall_actions.report_progress(r, 0, 0.0, None, by=BY, at=at + timedelta(minutes=1))
        recall_ids.append(str(r.id))
    accounts = []
    for i in range(consumers):
        email = CONSUMER_EMAIL.format(i)
        account = await Account.find_one(Account.email == email)
        if account is None:
            account = await create_account(email, password, Role.CONSUMER, display_name=f"Bench consumer {i}")
        accounts.append({"email": email, "id": str(account.id)})
    return {"progress_recalls": recall_ids, "consumers": accounts}
