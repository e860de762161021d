"""Descriptions of the recall and defect-report enums in the schema (English, with the Chinese term)."""

from __future__ import annotations

from enum import Enum

import strawberry

from documents.enums import DefectReportStatus, DutyKind, DutyState, EffectivenessGroup, RemedyType, ReporterKind


def describe_enum(cls: type[Enum], description: str, values: dict[str, str]) -> None:
    """Register `cls` with strawberry with a description for the enum and for each value (in place when a type
    already made strawberry register it, so the schema holds one definition)."""
    definition = getattr(cls, "__strawberry_definition__", None)
    if definition is None:
        strawberry.enum(cls, description=description)
        definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    else:
        definition.description = description
    for value in definition.values:
        value.description = values[value.name]


describe_enum(DutyState, "State of a recall duty against its deadline (召回义务状态); derived from the deadline and "
                         "now, never stored stale.", {
    "OPEN": "Not met, deadline not passed (待履行).", "MET": "Met, possibly late (已履行).",
    "OVERDUE": "Deadline passed without it being met (已逾期)."})
describe_enum(DutyKind, "What an enterprise owes about a recall (召回义务类型).", {
    "RECALL_PLAN": "An ordered recall's plan, due in 10 working days (召回计划).",
    "FIRST_PROGRESS_REPORT": "An ordered recall's first progress report (首次进展报告).",
    "PROGRESS_REPORT": "The monthly progress report until the recall is completed (月度进展报告).",
    "RECALL_FOR_WARNING": "A recall asked for by a warning whose measures include DEFECT_RECALL (按警示实施召回)."})
describe_enum(RemedyType, "How a recall remedies the defect (召回补救措施).", {
    "REFUND": "Return for a refund (退货退款).", "REPAIR": "Repair (修理).", "REPLACE": "Replacement (更换)."})
describe_enum(EffectivenessGroup, "How recall effectiveness statistics are grouped (召回效果统计口径).", {
    "CATEGORY": "By product category (产品类别).", "BRAND": "By brand (品牌).",
    "ENTERPRISE": "By recalling enterprise, keyed by USCC (企业)."})
describe_enum(ReporterKind, "Who filed a defect report (缺陷报告来源).", {
    "CONSUMER": "A consumer (消费者).", "ENTERPRISE": "An enterprise (企业报告).",
    "INSPECTION_BODY": "An inspection, testing or certification body (检验检测认证机构).",
    "AGENCY": "A partner agency (合作机构).", "REGULATOR": "A regulator (监管部门)."})
describe_enum(DefectReportStatus, "Where a defect report stands (缺陷报告状态).", {
    "SUBMITTED": "Submitted, not yet taken up (已提交).", "UNDER_ASSESSMENT": "Being assessed (评估中).",
    "CONFIRMED": "Defect confirmed (确认缺陷).", "DISMISSED": "Dismissed with reasons (不予认定)."})
