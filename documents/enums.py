"""The enums of the public contract, in one place (GraphQL exposes these very members)."""

from __future__ import annotations

from enum import Enum


class WarningLevel(str, Enum):
    """I..IV by severity, urgency and scope (Guo Fa [2017] No. 43)."""

    RED = "RED"  # I 特别严重
    ORANGE = "ORANGE"  # II 严重
    YELLOW = "YELLOW"  # III 较重
    BLUE = "BLUE"  # IV 一般

    @property
    def rank(self) -> int:
        """1 for RED (most severe) .. 4 for BLUE."""
        return _LEVEL_RANK[self]

    def at_least(self, other: WarningLevel) -> bool:
        """True when this level is as severe as `other` or more."""
        return self.rank <= other.rank


_LEVEL_RANK = {WarningLevel.RED: 1, WarningLevel.ORANGE: 2, WarningLevel.YELLOW: 3, WarningLevel.BLUE: 4}


class WarningKind(str, Enum):
    CIRCULAR = "CIRCULAR"  # 风险警示通报: ports and agencies only
    NOTICE = "NOTICE"  # 风险警示通告: producers and operators
    ANNOUNCEMENT = "ANNOUNCEMENT"  # 风险警示公告: public


class WarningStatus(str, Enum):
    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    LIFTED = "LIFTED"


class HazardType(str, Enum):
    HEALTH = "HEALTH"
    PHYSICAL = "PHYSICAL"
    CHEMICAL = "CHEMICAL"
    BIOLOGICAL = "BIOLOGICAL"
    ENVIRONMENTAL = "ENVIRONMENTAL"


class Measure(str, Enum):
    CREDIT_DOWNGRADE = "CREDIT_DOWNGRADE"
    TRACEABILITY_INVESTIGATION = "TRACEABILITY_INVESTIGATION"
    DEFECT_RECALL = "DEFECT_RECALL"
    TIGHTENED_SUPERVISION = "TIGHTENED_SUPERVISION"
    RESTRICT_TRADE = "RESTRICT_TRADE"
    BAN_TRADE = "BAN_TRADE"
    SEIZURE = "SEIZURE"
    RETURN_SHIPMENT = "RETURN_SHIPMENT"
    SALES_SUSPENSION = "SALES_SUSPENSION"
    DESTRUCTION = "DESTRUCTION"
    TAKE_DOWN = "TAKE_DOWN"


class Role(str, Enum):
    CONSUMER = "CONSUMER"
    ENTERPRISE = "ENTERPRISE"
    REGULATOR = "REGULATOR"
    AGENCY = "AGENCY"
    ADMIN = "ADMIN"


class CreditLevel(str, Enum):
    """GACC Decree No. 282 classes, in force since 2026-04-01, best first."""

    AEO_ADVANCED = "AEO_ADVANCED"
    AEO_CERTIFIED = "AEO_CERTIFIED"
    REGULAR = "REGULAR"
    DISHONEST = "DISHONEST"
    SERIOUSLY_DISHONEST = "SERIOUSLY_DISHONEST"


class RecallType(str, Enum):
    VOLUNTARY = "VOLUNTARY"
    ORDERED = "ORDERED"


class RecallStatus(str, Enum):
    ANNOUNCED = "ANNOUNCED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    CLOSED = "CLOSED"


class ComplaintStatus(str, Enum):
    RECEIVED = "RECEIVED"
    TRIAGED = "TRIAGED"
    INVESTIGATING = "INVESTIGATING"
    RESOLVED = "RESOLVED"
    REJECTED = "REJECTED"


class DefectReportStatus(str, Enum):
    SUBMITTED = "SUBMITTED"
    UNDER_ASSESSMENT = "UNDER_ASSESSMENT"
    CONFIRMED = "CONFIRMED"
    DISMISSED = "DISMISSED"


class CrossBorderClass(str, Enum):
    PROHIBITED = "PROHIBITED"
    KEY_SUPERVISION = "KEY_SUPERVISION"
    GENERAL_SUPERVISION = "GENERAL_SUPERVISION"


class AlertEventType(str, Enum):
    PUBLISHED = "PUBLISHED"
    LEVEL_CHANGED = "LEVEL_CHANGED"
    LIFTED = "LIFTED"
    CREDIT_CHANGED = "CREDIT_CHANGED"  # an enterprise's credit level (topic enterprise)
    RECALL_PROGRESS = "RECALL_PROGRESS"  # units recovered or refunds reported (topic recall)
    RECALL_ORDERED = "RECALL_ORDERED"  # 责令召回: a regulator ordered a recall (alerted when its warning is RED/ORANGE)
    RECALL_ANNOUNCED = "RECALL_ANNOUNCED"  # 主动召回: an enterprise announced a voluntary recall (topic recall)
    RECALL_COMPLETED = "RECALL_COMPLETED"  # 召回完成 (topic recall)
    RECALL_CLOSED = "RECALL_CLOSED"  # 召回结案: closed by a regulator (topic recall)
    WATCHLIST_MATCH = "WATCHLIST_MATCH"  # 关注商品命中: a warning/recall matched a watchlist (not logged)
    COMPLAINT_SIGNAL = "COMPLAINT_SIGNAL"  # 投诉聚集信号: a complaint group reached its threshold (topic signal)


class ChangeTopic(str, Enum):
    """What a change-log entry is about; entries written before topics existed are warnings."""

    WARNING = "warning"
    RECALL = "recall"
    ENTERPRISE = "enterprise"
    SIGNAL = "signal"  # complaint signals (投诉聚集信号)


class AgencyScope(str, Enum):
    """OAuth 2 scopes a partner-agency client can be granted."""

    WARNINGS_READ = "warnings:read"
    RECALLS_READ = "recalls:read"
    CREDIT_READ = "credit:read"
    CIRCULARS_READ = "circulars:read"
    COMPLAINTS_AGGREGATE = "complaints:aggregate"


class DutyState(str, Enum):
    """An enterprise duty (recall plan, progress report) against its deadline."""

    OPEN = "OPEN"  # 待履行: not met, deadline not passed
    MET = "MET"  # 已履行
    OVERDUE = "OVERDUE"  # 已逾期: deadline passed without it being met


class RemedyType(str, Enum):
    """How a recall remedies the defect (召回补救措施)."""

    REFUND = "REFUND"  # 退货退款
    REPAIR = "REPAIR"  # 修理
    REPLACE = "REPLACE"  # 更换


class BreachGrade(str, Enum):
    """Grade of a breach record under GACC Decree No. 282 (轻微/一般/严重)."""

    MINOR = "MINOR"  # 轻微
    GENERAL = "GENERAL"  # 一般
    SERIOUS = "SERIOUS"  # 严重


class ReviewState(str, Enum):
    """A credit-repair application or an objection to a rating, under review by the regulator."""

    PENDING = "PENDING"  # 待审核
    APPROVED = "APPROVED"  # 通过 (an objection upheld)
    REJECTED = "REJECTED"  # 驳回


class DutyKind(str, Enum):
    """What an enterprise owes the regulator about a recall."""

    RECALL_PLAN = "RECALL_PLAN"  # 召回计划: an ordered recall's plan
    FIRST_PROGRESS_REPORT = "FIRST_PROGRESS_REPORT"  # 首次进展报告
    PROGRESS_REPORT = "PROGRESS_REPORT"  # 召回进展报告 (monthly until completed)
    RECALL_FOR_WARNING = "RECALL_FOR_WARNING"  # 按警示实施召回: a warning with DEFECT_RECALL names the enterprise


class EnterpriseType(str, Enum):
    """What an enterprise does in import/export trade (企业类型); one enterprise may be several."""

    MANUFACTURER = "MANUFACTURER"  # 生产企业
    IMPORTER = "IMPORTER"  # 进口商
    EXPORTER = "EXPORTER"  # 出口商
    CROSS_BORDER_PLATFORM = "CROSS_BORDER_PLATFORM"  # 跨境电商平台
    CROSS_BORDER_OPERATOR = "CROSS_BORDER_OPERATOR"  # 跨境电商经营者
    WAREHOUSE = "WAREHOUSE"  # 仓储企业 (bonded / overseas warehouse)


class CreditBasis(str, Enum):
    """Why an enterprise's credit level changed (信用变更依据)."""

    WARNING_MEASURE = "WARNING_MEASURE"  # 预警措施: a published warning with CREDIT_DOWNGRADE
    OVERDUE_DUTY = "OVERDUE_DUTY"  # 召回义务逾期
    BREACH = "BREACH"  # 失信行为记录
    REPAIR = "REPAIR"  # 信用修复
    OBJECTION_UPHELD = "OBJECTION_UPHELD"  # 异议成立
    MANUAL = "MANUAL"  # 人工认定 (a regulator's decision)


class BreachSource(str, Enum):
    """Where a breach record comes from (失信记录来源)."""

    WARNING = "WARNING"  # 风险预警
    RECALL_DUTY = "RECALL_DUTY"  # 召回义务
    INSPECTION = "INSPECTION"  # 检验检查


class CreditApplicationKind(str, Enum):
    """A credit-repair application or an objection to a rating (信用修复申请 / 异议)."""

    REPAIR = "REPAIR"  # 信用修复
    OBJECTION = "OBJECTION"  # 信用异议


class EffectivenessGroup(str, Enum):
    """How recall effectiveness statistics are grouped (召回效果统计口径)."""

    CATEGORY = "CATEGORY"  # 产品类别
    BRAND = "BRAND"  # 品牌
    ENTERPRISE = "ENTERPRISE"  # 企业


class ReporterKind(str, Enum):
    """Who filed a defect report (缺陷报告来源), a risk-information source of Guo Fa [2017] No. 43."""

    CONSUMER = "CONSUMER"  # 消费者
    ENTERPRISE = "ENTERPRISE"  # 企业报告
    INSPECTION_BODY = "INSPECTION_BODY"  # 检验检测认证机构
    AGENCY = "AGENCY"  # 合作机构
    REGULATOR = "REGULATOR"  # 监管部门


class ProductCodeType(str, Enum):
    """What a product code typed or scanned by a consumer is (商品条码 / 追溯码 / 文本)."""

    GTIN = "GTIN"  # 商品条码: GTIN-8/12/13/14 (EAN/UPC), check digit verified
    TRACE_CODE = "TRACE_CODE"  # 追溯码: a traceability code given at the source (赋码)
    TEXT = "TEXT"  # 文本: a product name or brand


class ComplaintEventKind(str, Enum):
    """An entry of a complaint's timeline (投诉进度)."""

    FILED = "FILED"  # 已提交
    STATUS_CHANGED = "STATUS_CHANGED"  # 状态变更
    ASSIGNED = "ASSIGNED"  # 指定涉事企业
    ANSWERED = "ANSWERED"  # 企业答复
    LINKED = "LINKED"  # 关联预警


class SignalGroup(str, Enum):
    """How complaints are grouped into signals (投诉聚集信号)."""

    GTIN = "GTIN"  # 同一商品条码
    BRAND = "BRAND"  # 同一品牌
    CATEGORY = "CATEGORY"  # 同一品类


class LevelChangeKind(str, Enum):
    """What a warning-history entry records (预警变更类型)."""

    PUBLISHED = "PUBLISHED"  # 发布
    ADJUSTED = "ADJUSTED"  # 调整级别
    LIFTED = "LIFTED"  # 解除


class WebhookDeliveryStatus(str, Enum):
    """Where a webhook delivery stands (推送状态)."""

    PENDING = "PENDING"  # 待发送: not yet delivered, or waiting for its next retry
    SUCCEEDED = "SUCCEEDED"  # 已送达: the endpoint answered 2xx
    FAILED = "FAILED"  # 失败: retries exhausted (24 h); the endpoint is disabled
