/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a partner-agency client may read (合作机构权限范围), granted per client; the OAuth `scope` names are the values' strings (warnings:read, ...). */
export type AgencyScope =
  /** circulars:read: risk-warning circulars, which are not public (风险警示通报). */
  | 'CIRCULARS_READ'
  /** complaints:aggregate: complaint counts, never an individual complaint (投诉统计). */
  | 'COMPLAINTS_AGGREGATE'
  /** credit:read: enterprise credit levels, history, breaches and applications (企业信用). */
  | 'CREDIT_READ'
  /** recalls:read: recalls (召回). */
  | 'RECALLS_READ'
  /** warnings:read: public announcements and notices (预警公告与通告). */
  | 'WARNINGS_READ';

/** What happened (事件类型), in alerts and webhook deliveries. */
export type AlertEventType =
  /** A group of complaints about one product, brand or category reached its threshold (投诉聚集信号). */
  | 'COMPLAINT_SIGNAL'
  /** An enterprise's customs credit level changed (信用等级变更). */
  | 'CREDIT_CHANGED'
  /** A warning's level was adjusted (预警级别调整). */
  | 'LEVEL_CHANGED'
  /** A warning was lifted (预警解除). */
  | 'LIFTED'
  /** A warning was published (预警发布). */
  | 'PUBLISHED'
  /** An enterprise announced a voluntary recall (主动召回). */
  | 'RECALL_ANNOUNCED'
  /** A regulator closed a recall after evaluating its effect (召回结案). */
  | 'RECALL_CLOSED'
  /** A recall was completed (召回完成). */
  | 'RECALL_COMPLETED'
  /** A regulator ordered a recall (责令召回). */
  | 'RECALL_ORDERED'
  /** A recall reported progress: units recovered or refunds (召回进展). */
  | 'RECALL_PROGRESS'
  /** A warning or recall matched a product on the subscriber's watchlist (关注商品命中). */
  | 'WATCHLIST_MATCH';

/** Filters on the alert stream (预警订阅筛选); every field narrows, none widens visibility. Events without a warning (CREDIT_CHANGED, COMPLAINT_SIGNAL) and WATCHLIST_MATCH are opt-in: they come only when `types` lists them; the warning fields below do not apply to events without a warning. */
export type AlertFilter = {
  /** Alerts naming this enterprise (涉及企业), e.g. an enterprise watching itself. */
  enterpriseUscc?: string | null | undefined;
  /** Any of these hazards (危害类型). */
  hazards?: Array<HazardType> | null | undefined;
  /** HS code prefix (商品编码前缀), 2-10 digits. */
  hsCodePrefix?: string | null | undefined;
  /** Warning kinds (预警类别). */
  kinds?: Array<WarningKind> | null | undefined;
  /** Country of origin, ISO 3166 (原产国). */
  originCountry?: string | null | undefined;
  /** Words in the product category (产品类别). */
  productCategory?: string | null | undefined;
  /** A port or region concerned (口岸/地区). */
  region?: string | null | undefined;
  /** Event types (事件类型); lists the opt-in types too (WATCHLIST_MATCH, CREDIT_CHANGED, COMPLAINT_SIGNAL). Unset: warning events only, as before those types existed. */
  types?: Array<AlertEventType> | null | undefined;
};

/** A recall to announce or order (发布召回). */
export type AnnounceRecallInput = {
  /** Batch or lot ranges (批次). */
  batches?: Array<string> | null | undefined;
  /** Brand (品牌). */
  brand?: string | null | undefined;
  /** Where to bring the product (回收网点). */
  collectionPoints?: Array<string> | null | undefined;
  /** Phone line for the recall (联系电话). */
  contactPhone?: string | null | undefined;
  /** Web page for the recall (联系网址). */
  contactUrl?: string | null | undefined;
  /** Cross-border e-commerce supervision class (跨境电商监管类别). */
  crossBorderClass?: CrossBorderClass | null | undefined;
  /** When the recall should be completed (召回期限). */
  deadline?: string | null | undefined;
  /** GTIN barcodes, check digit verified (商品条码). */
  gtins?: Array<string> | null | undefined;
  /** The defect and its hazard, in Chinese (缺陷及危害). */
  hazard: string;
  /** The defect and its hazard, in English. */
  hazardEn?: string | null | undefined;
  /** Model (型号). */
  model?: string | null | undefined;
  /** Product category (产品类别). */
  productCategory?: string | null | undefined;
  /** Product name in Chinese (产品名称). */
  productName: string;
  /** Product name in English. */
  productNameEn?: string | null | undefined;
  /** Refund, repair or replacement (补救方式). */
  remedy: RemedyType;
  /** What consumers should do, in Chinese (操作说明). */
  remedyInstructions: string;
  /** What to do, in English. */
  remedyInstructionsEn?: string | null | undefined;
  /** Trace codes (追溯码). */
  traceCodes?: Array<string> | null | undefined;
  /** Units concerned, at least 1 (涉及数量). */
  unitsAffected: number;
  /** The recalling enterprise (召回企业 USCC). */
  uscc: string;
  /** The warning this recall answers (关联预警). */
  warningId?: string | number | null | undefined;
};

/** Grade of a breach record (失信行为等级). */
export type BreachGrade =
  /** General (一般); several in 12 months propose DISHONEST. */
  | 'GENERAL'
  /** Minor (轻微). */
  | 'MINOR'
  /** Serious (严重); proposes DISHONEST at once. */
  | 'SERIOUS';

/** Where a breach record comes from (失信记录来源). */
export type BreachSource =
  /** An inspection or check (检验检查). */
  | 'INSPECTION'
  /** An overdue recall duty (召回义务). */
  | 'RECALL_DUTY'
  /** A risk warning (风险预警). */
  | 'WARNING';

/** What a complaint timeline entry records (投诉进度). */
export type ComplaintEventKind =
  /** The enterprise concerned answered (企业答复). */
  | 'ANSWERED'
  /** A regulator named the enterprise concerned (指定涉事企业). */
  | 'ASSIGNED'
  /** Filed by the consumer (已提交). */
  | 'FILED'
  /** A regulator linked it to a warning (关联预警). */
  | 'LINKED'
  /** Its status changed (状态变更). */
  | 'STATUS_CHANGED';

/** Filters on complaints (投诉筛选). */
export type ComplaintFilter = {
  /** true: past the open deadline (已逾期); false: closed or still in time. */
  overdue?: boolean | null | undefined;
  /** Any of these statuses. */
  statuses?: Array<ComplaintStatus> | null | undefined;
  /** About this enterprise (涉事企业 USCC). */
  uscc?: string | null | undefined;
};

/** Where a complaint stands (投诉状态): RECEIVED → TRIAGED → INVESTIGATING → RESOLVED, or REJECTED on the way. */
export type ComplaintStatus =
  /** Under investigation (调查中). */
  | 'INVESTIGATING'
  /** Filed, waiting to be accepted (待受理); accept or reject within 7 working days. */
  | 'RECEIVED'
  /** Rejected with a reason (不予受理/驳回); final. */
  | 'REJECTED'
  /** Resolved (已办结); final. */
  | 'RESOLVED'
  /** Accepted by a regulator (已受理); mediation ends within 45 working days. */
  | 'TRIAGED';

/** A partner-agency OAuth client to register (登记合作机构客户端). */
export type CreateAgencyClientInput = {
  /** Its own bucket size in points; null: the service default (预算上限). */
  budgetMaximum?: number | null | undefined;
  /** Its own restore rate, points per second; null: the service default (每秒恢复点数). */
  budgetRestoreRate?: number | null | undefined;
  /** OAuth client id (客户端标识), unique. */
  clientId: string;
  /** ISO 3166 alpha-2 country of a foreign authority (国家/地区). */
  country?: string | null | undefined;
  /** The agency's name (机构名称). */
  name: string;
  /** Scopes granted (权限范围). */
  scopes: Array<AgencyScope>;
};

/** What an enterprise asks about its credit (信用申请类型). */
export type CreditApplicationKind =
  /** Objection to a rating (信用异议). */
  | 'OBJECTION'
  /** Credit repair after rectification (信用修复). */
  | 'REPAIR';

/** Why a credit level changed (信用变更依据). */
export type CreditBasis =
  /** A breach record confirmed by a regulator (失信行为记录). */
  | 'BREACH'
  /** A regulator's decision with a reason (人工认定). */
  | 'MANUAL'
  /** An objection to the rating upheld (异议成立). */
  | 'OBJECTION_UPHELD'
  /** A recall duty left overdue (召回义务逾期). */
  | 'OVERDUE_DUTY'
  /** An approved credit repair (信用修复). */
  | 'REPAIR'
  /** A published warning with the CREDIT_DOWNGRADE measure (预警措施). */
  | 'WARNING_MEASURE';

/** Customs credit level (海关信用等级), GACC Decree No. 282, in force since 2026-04-01. */
export type CreditLevel =
  /** AEO advanced certified enterprise (高级认证企业): mutual recognition abroad, lowest inspection rates. */
  | 'AEO_ADVANCED'
  /** AEO certified enterprise (认证企业), the tier for small and medium firms; also AEO. */
  | 'AEO_CERTIFIED'
  /** Dishonest enterprise (失信企业). */
  | 'DISHONEST'
  /** Regular enterprise (常规企业). */
  | 'REGULAR'
  /** Seriously dishonest enterprise (严重失信企业), on the blacklist (黑名单). */
  | 'SERIOUSLY_DISHONEST';

/** Cross-border e-commerce supervision class (跨境电商监管类别, AQSIQ 2015 guidance). */
export type CrossBorderClass =
  /** General supervision (一般监管类): everything else; risk-based sampling. */
  | 'GENERAL_SUPERVISION'
  /** Key supervision (重点监管类): products under licensing or the legal-inspection catalogue. */
  | 'KEY_SUPERVISION'
  /** Prohibited from entry (禁止入境类): hazardous chemicals, dangerous goods, used goods, anything banned by law. */
  | 'PROHIBITED';

/** A suspected product defect to report (提交缺陷报告). */
export type DefectReportInput = {
  /** Brand (品牌). */
  brand?: string | null | undefined;
  /** What is wrong, and what happened (缺陷描述). */
  description: string;
  /** Evidence files (证据文件): ids answered by POST /uploads, uploaded by the same account and not attached to anything else (else BAD_USER_INPUT, field evidenceIds); the report claims them. At most 20; a repeated id counts once. */
  evidenceIds?: Array<string | number> | null | undefined;
  /** GTIN barcode, check digit verified (商品条码). */
  gtin?: string | null | undefined;
  /** Model (型号). */
  model?: string | null | undefined;
  /** Product name (产品名称). */
  productName: string;
  /** Staff only: the source they file for, e.g. INSPECTION_BODY (报告来源); others are recorded by their role. */
  reporterKind?: ReporterKind | null | undefined;
  /** USCC of the enterprise concerned (涉及企业). */
  uscc?: string | null | undefined;
};

/** Where a defect report stands (缺陷报告状态). */
export type DefectReportStatus =
  /** Defect confirmed (确认缺陷). */
  | 'CONFIRMED'
  /** Dismissed with reasons (不予认定). */
  | 'DISMISSED'
  /** Submitted, not yet taken up (已提交). */
  | 'SUBMITTED'
  /** Being assessed (评估中). */
  | 'UNDER_ASSESSMENT';

/** What an enterprise owes about a recall (召回义务类型). */
export type DutyKind =
  /** An ordered recall's first progress report (首次进展报告). */
  | 'FIRST_PROGRESS_REPORT'
  /** The monthly progress report until the recall is completed (月度进展报告). */
  | 'PROGRESS_REPORT'
  /** A recall asked for by a warning whose measures include DEFECT_RECALL (按警示实施召回). */
  | 'RECALL_FOR_WARNING'
  /** An ordered recall's plan, due in 10 working days (召回计划). */
  | 'RECALL_PLAN';

/** State of a recall duty against its deadline (召回义务状态); derived from the deadline and now, never stored stale. */
export type DutyState =
  /** Met, possibly late (已履行). */
  | 'MET'
  /** Not met, deadline not passed (待履行). */
  | 'OPEN'
  /** Deadline passed without it being met (已逾期). */
  | 'OVERDUE';

/** How recall effectiveness statistics are grouped (召回效果统计口径). */
export type EffectivenessGroup =
  /** By brand (品牌). */
  | 'BRAND'
  /** By product category (产品类别). */
  | 'CATEGORY'
  /** By recalling enterprise, keyed by USCC (企业). */
  | 'ENTERPRISE';

/** Filters on enterprises (企业筛选); every field narrows. */
export type EnterpriseFilter = {
  /** Only AEO enterprises (true) or only others (false); agencies need credit:read. */
  aeo?: boolean | null | undefined;
  /** Credit levels (信用等级); agencies need credit:read. */
  levels?: Array<CreditLevel> | null | undefined;
  /** A division code (行政区划代码: 44 or 440000 for a province, 440300 for a city) or part of the region's name. */
  region?: string | null | undefined;
  /** Part of the Chinese or English name, the USCC or the customs code (名称/代码模糊查询); spaces and punctuation are ignored. */
  text?: string | null | undefined;
  /** Enterprise types (企业类型): any of them. */
  types?: Array<EnterpriseType> | null | undefined;
};

/** What an enterprise does (企业类型). */
export type EnterpriseType =
  /** Cross-border e-commerce operator (跨境电商经营者). */
  | 'CROSS_BORDER_OPERATOR'
  /** Cross-border e-commerce platform (跨境电商平台). */
  | 'CROSS_BORDER_PLATFORM'
  /** Exporter (出口商). */
  | 'EXPORTER'
  /** Importer (进口商). */
  | 'IMPORTER'
  /** Manufacturer (生产企业). */
  | 'MANUFACTURER'
  /** Bonded or overseas warehouse (仓储企业). */
  | 'WAREHOUSE';

/** A new complaint (投诉). Pseudonymous complaints carry no name or contact; the complainant follows them in the app. */
export type FileComplaintInput = {
  /** Brand (品牌). */
  brand?: string | null | undefined;
  /** Product category (品类). */
  category?: string | null | undefined;
  /** Purchase channel (购买渠道), e.g. 跨境电商 cross-border e-commerce, 实体店 shop. */
  channel?: string | null | undefined;
  /** Contact email (电子邮箱). */
  contactEmail?: string | null | undefined;
  /** Contact name (联系人). */
  contactName?: string | null | undefined;
  /** Contact phone (联系电话). */
  contactPhone?: string | null | undefined;
  /** What happened (投诉内容), 10-5000 characters. */
  description: string;
  /** Model (型号). */
  model?: string | null | undefined;
  /** Order number (订单号), 4-64 characters. */
  orderNumber?: string | null | undefined;
  /** Up to 6 ids from POST /uploads (照片); a repeated id counts once. */
  photoIds?: Array<string | number> | null | undefined;
  /** Platform or shop (平台/店铺). */
  platform?: string | null | undefined;
  /** GTIN/EAN/UPC (check digit verified) or trace code (商品条码/追溯码); finds the enterprise concerned. */
  productCode?: string | null | undefined;
  /** Product name (商品名称), up to 200 characters. */
  productName: string;
  /** File under a pseudonym (匿名投诉): no name or contact; regulators do not see the account either. */
  pseudonymous?: boolean | null | undefined;
  /** Administrative division code of the purchase (行政区划代码), 6 digits. */
  region?: string | null | undefined;
};

/** Hazard type monitored (危害类型). */
export type HazardType =
  /** Biological hazard (生物危害). */
  | 'BIOLOGICAL'
  /** Chemical hazard (化学危害). */
  | 'CHEMICAL'
  /** Environmental hazard (环境危害). */
  | 'ENVIRONMENTAL'
  /** Health hazard (健康危害). */
  | 'HEALTH'
  /** Physical hazard (物理危害). */
  | 'PHYSICAL';

/** A new warning (发布预警). */
export type IssueWarningInput = {
  /** State Council authorisation reference; required for RED (level I). */
  authorizationRef?: string | null | undefined;
  /** Keep as a DRAFT instead of publishing at once. */
  draft?: boolean;
  /** Enterprises concerned (涉及企业), by unified social credit code (USCC). */
  enterpriseUsccs?: Array<string> | null | undefined;
  /** Hazard types (危害类型), at least one. */
  hazards: Array<HazardType>;
  /** HS codes concerned (商品编码). */
  hsCodes?: Array<string> | null | undefined;
  /** Issuing authority; defaults to GACC. */
  issuedBy?: string | null | undefined;
  /** Kind (预警类型): who the warning is for. */
  kind: WarningKind;
  /** Level (预警级别); RED needs `authorizationRef`. */
  level: WarningLevel;
  /** Rapid-response measures (快速反应措施); CREDIT_DOWNGRADE and DEFECT_RECALL act on the enterprises named in `enterpriseUsccs` at publication. */
  measures?: Array<Measure> | null | undefined;
  /** Countries of origin (原产国), ISO 3166-1 alpha-2 codes. */
  originCountries?: Array<string> | null | undefined;
  /** Product category concerned (产品类别), not empty. */
  productCategory: string;
  /** Ports or regions concerned (涉及口岸/地区). */
  regions?: Array<string> | null | undefined;
  /** Warning items (警示事项) in Chinese. */
  summary: string;
  /** Warning items in English. */
  summaryEn?: string | null | undefined;
  /** Title in Chinese (预警标题). */
  title: string;
  /** Title in English. */
  titleEn?: string | null | undefined;
};

/** Rapid-response measure (快速反应措施) applied by a warning. */
export type Measure =
  /** Ban of import/export (禁止进出口). */
  | 'BAN_TRADE'
  /** Credit downgrade (降低信用等级): each enterprise concerned drops one tier at publication. */
  | 'CREDIT_DOWNGRADE'
  /** Defect recall (缺陷召回): the enterprises concerned owe a recall (a recall duty). */
  | 'DEFECT_RECALL'
  /** Destruction (销毁). */
  | 'DESTRUCTION'
  /** Restriction of import/export (限制进出口). */
  | 'RESTRICT_TRADE'
  /** Return shipment (退运). */
  | 'RETURN_SHIPMENT'
  /** Suspension of sales (暂停销售). */
  | 'SALES_SUSPENSION'
  /** Sealing or seizure (查封扣押). */
  | 'SEIZURE'
  /** Take-down of cross-border e-commerce listings (下架). */
  | 'TAKE_DOWN'
  /** Tightened supervision (加严监管). */
  | 'TIGHTENED_SUPERVISION'
  /** Traceability investigation (追溯调查). */
  | 'TRACEABILITY_INVESTIGATION';

/** What a product code is (编码类型). */
export type ProductCodeType =
  /** A barcode (商品条码): GTIN-8/12/13/14 (EAN/UPC), check digit verified. */
  | 'GTIN'
  /** A product name or brand typed as text (文本). */
  | 'TEXT'
  /** A traceability code given at the source (追溯码, 赋码). */
  | 'TRACE_CODE';

/** Filters on recall duties (召回义务筛选). */
export type RecallDutyFilter = {
  /** Only these kinds of duty (义务类型). */
  kinds?: Array<DutyKind> | null | undefined;
  /** Only duties in these states (e.g. OVERDUE: 逾期义务). */
  states?: Array<DutyState> | null | undefined;
  /** Only this enterprise's duties (企业). */
  uscc?: string | null | undefined;
};

/** Filters on recalls (召回筛选). */
export type RecallFilter = {
  /** Announced at or after (起). */
  announcedAfter?: string | null | undefined;
  /** Announced before (止). */
  announcedBefore?: string | null | undefined;
  /** Brand, as stored (品牌). */
  brand?: string | null | undefined;
  /**
   * Same as `uscc` (kept for existing clients).
   * @deprecated Use `uscc`.
   */
  enterpriseUscc?: string | null | undefined;
  /** A GTIN barcode on the product (商品条码): is my product recalled? */
  gtin?: string | null | undefined;
  /** Product category, as stored (产品类别). */
  productCategory?: string | null | undefined;
  /** Only these statuses. */
  statuses?: Array<RecallStatus> | null | undefined;
  /** Words in the code, product name (zh/en), brand, model or hazard (全文检索). */
  text?: string | null | undefined;
  /** Only voluntary or ordered recalls. */
  types?: Array<RecallType> | null | undefined;
  /** The recalling enterprise's USCC (企业). */
  uscc?: string | null | undefined;
};

/** Where a recall stands (召回状态); it only moves forwards. */
export type RecallStatus =
  /** Announced, no progress reported yet (已发布). */
  | 'ANNOUNCED'
  /** Closed by a regulator after evaluating its effect (结案); final. */
  | 'CLOSED'
  /** Completed (召回完成): every unit back, or judged done by the enterprise or a regulator. */
  | 'COMPLETED'
  /** Under way: progress has been reported (实施中). */
  | 'IN_PROGRESS';

/** How a recall started (召回类型). */
export type RecallType =
  /** Ordered by a regulator (责令召回); the enterprise owes a plan and progress reports by deadlines. */
  | 'ORDERED'
  /** Announced by the enterprise itself (主动召回). */
  | 'VOLUNTARY';

/** How a recall remedies the defect (召回补救措施). */
export type RemedyType =
  /** Return for a refund (退货退款). */
  | 'REFUND'
  /** Repair (修理). */
  | 'REPAIR'
  /** Replacement (更换). */
  | 'REPLACE';

/** Who filed a defect report (缺陷报告来源). */
export type ReporterKind =
  /** A partner agency (合作机构). */
  | 'AGENCY'
  /** A consumer (消费者). */
  | 'CONSUMER'
  /** An enterprise (企业报告). */
  | 'ENTERPRISE'
  /** An inspection, testing or certification body (检验检测认证机构). */
  | 'INSPECTION_BODY'
  /** A regulator (监管部门). */
  | 'REGULATOR';

/** Review state of a credit repair or objection (审核状态). */
export type ReviewState =
  /** Approved (通过): the repair restores the previous tier; an objection is upheld and the change reversed. */
  | 'APPROVED'
  /** Waiting for a regulator (待审核). */
  | 'PENDING'
  /** Rejected with reasons (驳回). */
  | 'REJECTED';

/** Who an account or client is (角色); it decides what may be seen and done. */
export type Role =
  /** An administrator (管理员): accounts and agency clients; sees what regulators see. */
  | 'ADMIN'
  /** A partner-agency OAuth client (合作机构), limited by its scopes. */
  | 'AGENCY'
  /** A consumer (消费者): public warnings and recalls, own complaints and watchlist. */
  | 'CONSUMER'
  /** A member of one enterprise (企业): its credit, recall duties, defect reports and complaints about it. */
  | 'ENTERPRISE'
  /** A customs or market-regulation officer (监管部门): issues warnings, orders recalls, decides credit. */
  | 'REGULATOR';

/** Email and password sign-in (登录). */
export type SignInInput = {
  /** Email address (邮箱). */
  email: string;
  /** Password (密码). */
  password: string;
};

/** A consumer's own sign-up (注册). */
export type SignUpInput = {
  /** Name shown in the apps (显示名称). */
  displayName?: string | null | undefined;
  /** Email address (邮箱), unique; case does not matter. */
  email: string;
  /** Preferred language (界面语言): zh-CN (default) or en. */
  locale?: string | null | undefined;
  /** Password (密码), at least 10 characters. */
  password: string;
};

/** How complaints are grouped into a signal (投诉聚集). */
export type SignalGroup =
  /** Same brand (同一品牌). */
  | 'BRAND'
  /** Same category (同一品类). */
  | 'CATEGORY'
  /** Same barcode (同一商品条码). */
  | 'GTIN';

/** Changes to an agency client (修改合作机构客户端); only the fields given change. */
export type UpdateAgencyClientInput = {
  /** Bucket size in points, 10 to 1000000 (预算上限). */
  budgetMaximum?: number | null | undefined;
  /** Points restored per second, 0.1 to 100000.0 (每秒恢复点数). */
  budgetRestoreRate?: number | null | undefined;
  /** The revision read; CONFLICT (reason STALE) when it changed meanwhile (预期修订号). */
  expectedRevision?: number | null | undefined;
  /** New name (机构名称). */
  name?: string | null | undefined;
  /** True: back to the service default budget (恢复默认预算). */
  resetBudget?: boolean;
  /** New scopes, replacing the old ones; at least one (授权范围). */
  scopes?: Array<AgencyScope> | null | undefined;
};

/** Filters on warnings (预警筛选); every field narrows, none widens visibility. */
export type WarningFilter = {
  /** Names this enterprise (涉及企业), by its unified social credit code (USCC). */
  enterpriseUscc?: string | null | undefined;
  /** At least one of these hazard types (危害类型). */
  hazards?: Array<HazardType> | null | undefined;
  /** HS code prefix (商品编码前缀), 2-10 digits (dots allowed). */
  hsCodePrefix?: string | null | undefined;
  /** Any of these kinds (预警类型), within those the viewer may see. */
  kinds?: Array<WarningKind> | null | undefined;
  /** Any of these levels (预警级别). */
  levels?: Array<WarningLevel> | null | undefined;
  /** Origin country (原产国), ISO 3166-1 alpha-2 code. */
  originCountry?: string | null | undefined;
  /** Part of the product category (产品类别), case-insensitive. */
  productCategory?: string | null | undefined;
  /** Published at or after this time (发布时间起). */
  publishedAfter?: string | null | undefined;
  /** Published before this time (发布时间止). */
  publishedBefore?: string | null | undefined;
  /** Any of these states (状态); DRAFT only matches for regulators and admins. */
  statuses?: Array<WarningStatus> | null | undefined;
  /** Words in the Chinese or English title, summary or code. */
  text?: string | null | undefined;
};

/** Warning kind (预警类型) by audience and purpose; it decides who may see the warning. */
export type WarningKind =
  /** Risk-warning announcement (风险警示公告): mandatory measures and a warning to consumers; public. */
  | 'ANNOUNCEMENT'
  /** Risk-warning circular (风险警示通报) to ports and agencies, to trigger rapid measures; not public: regulators, admins and agencies with circulars:read. */
  | 'CIRCULAR'
  /** Risk-warning notice (风险警示通告) to producers and operators; enterprises, regulators, admins and agencies with warnings:read. */
  | 'NOTICE';

/** Warning level (预警级别) by severity, urgency and scope of impact (Guo Fa [2017] 43). */
export type WarningLevel =
  /** Level IV, general (IV级 一般). */
  | 'BLUE'
  /** Level II, serious (II级 严重). */
  | 'ORANGE'
  /** Level I, particularly serious (I级 特别严重); issued under State Council authorisation. */
  | 'RED'
  /** Level III, relatively serious (III级 较重). */
  | 'YELLOW';

/** Life-cycle state of a warning (预警状态). */
export type WarningStatus =
  /** Not published yet (草稿); only regulators and admins see it. */
  | 'DRAFT'
  /** Lifted (已解除); final, kept with its history. */
  | 'LIFTED'
  /** In force (已发布); its level may be adjusted. */
  | 'PUBLISHED';

export type AlertStreamSubscriptionVariables = Exact<{
  minLevel: WarningLevel;
  after?: string | null | undefined;
  filter?: AlertFilter | null | undefined;
}>;


export type AlertStreamSubscription = { alerts: { cursor: string, type: AlertEventType, trigger: AlertEventType | null, at: string, previousLevel: WarningLevel | null, creditLevel: CreditLevel | null, previousCreditLevel: CreditLevel | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } | null, recall: { id: string, code: string, productName: string, productNameEn: string | null } | null, watched: { code: string, label: string | null } | null, enterprise: { uscc: string, name: string, nameEn: string | null } | null, signal: { group: SignalGroup, key: string, count: number, threshold: number } | null } };

export type AgencyClientFieldsFragment = { id: string, clientId: string, name: string, country: string | null, scopes: Array<AgencyScope>, disabled: boolean, revokedAt: string | null, createdAt: string, secretRotatedAt: string | null, previousSecretExpiresAt: string | null, revision: number, budget: { maximum: number, restoreRate: number, custom: boolean } };

export type AgencyClientsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgencyClientsQuery = { agencyClients: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, clientId: string, name: string, country: string | null, scopes: Array<AgencyScope>, disabled: boolean, revokedAt: string | null, createdAt: string, secretRotatedAt: string | null, previousSecretExpiresAt: string | null, revision: number, usage: Array<{ day: string, requests: number, cost: number, errors: number }>, webhookHealth: { endpoints: number, enabled: number, disabled: number, pendingDeliveries: number, failedDeliveries: number, lastSuccessAt: string | null }, budget: { maximum: number, restoreRate: number, custom: boolean } } }> } };

export type CreateAgencyClientMutationVariables = Exact<{
  input: CreateAgencyClientInput;
}>;


export type CreateAgencyClientMutation = { createAgencyClient: { clientId: string, clientSecret: string, scopes: Array<string> } };

export type UpdateAgencyClientMutationVariables = Exact<{
  id: string | number;
  input: UpdateAgencyClientInput;
}>;


export type UpdateAgencyClientMutation = { updateAgencyClient: { id: string, clientId: string, name: string, country: string | null, scopes: Array<AgencyScope>, disabled: boolean, revokedAt: string | null, createdAt: string, secretRotatedAt: string | null, previousSecretExpiresAt: string | null, revision: number, budget: { maximum: number, restoreRate: number, custom: boolean } } };

export type RotateAgencyClientSecretMutationVariables = Exact<{
  id: string | number;
  graceSeconds: number;
}>;


export type RotateAgencyClientSecretMutation = { rotateAgencyClientSecret: { clientSecret: string, previousSecretExpiresAt: string | null, client: { id: string, clientId: string, name: string, country: string | null, scopes: Array<AgencyScope>, disabled: boolean, revokedAt: string | null, createdAt: string, secretRotatedAt: string | null, previousSecretExpiresAt: string | null, revision: number, budget: { maximum: number, restoreRate: number, custom: boolean } } } };

export type RevokeAgencyClientMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeAgencyClientMutation = { revokeAgencyClient: { id: string, clientId: string, name: string, country: string | null, scopes: Array<AgencyScope>, disabled: boolean, revokedAt: string | null, createdAt: string, secretRotatedAt: string | null, previousSecretExpiresAt: string | null, revision: number, budget: { maximum: number, restoreRate: number, custom: boolean } } };

export type EnterpriseRefFragment = { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null };

export type ViewerFieldsFragment = { id: string, email: string | null, displayName: string | null, role: Role, locale: string | null, scopes: Array<string>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null };

export type AuthFieldsFragment = { accessToken: string, refreshToken: string, expiresIn: number, viewer: { id: string, email: string | null, displayName: string | null, role: Role, locale: string | null, scopes: Array<string>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } };

export type WarningListFieldsFragment = { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null };

export type WarningDetailFieldsFragment = { hsCodes: Array<string>, originCountries: Array<string>, regions: Array<string>, summary: string, summaryEn: string | null, measures: Array<Measure>, issuedBy: string, authorizationRef: string | null, id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, levelHistory: Array<{ fromLevel: WarningLevel | null, toLevel: WarningLevel, reason: string, by: string, at: string }>, enterprises: Array<{ id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, status: RecallStatus, completionRate: number }> };

export type RecallFieldsFragment = { id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { accessToken: string, refreshToken: string, expiresIn: number, viewer: { id: string, email: string | null, displayName: string | null, role: Role, locale: string | null, scopes: Array<string>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { accessToken: string, refreshToken: string, expiresIn: number, viewer: { id: string, email: string | null, displayName: string | null, role: Role, locale: string | null, scopes: Array<string>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } } };

export type RefreshTokenMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshTokenMutation = { refreshToken: { accessToken: string, refreshToken: string, expiresIn: number, viewer: { id: string, email: string | null, displayName: string | null, role: Role, locale: string | null, scopes: Array<string>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } } };

export type SignOutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type SignOutMutation = { signOut: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string | null, displayName: string | null, role: Role, locale: string | null, scopes: Array<string>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } | null };

export type WarningsQueryVariables = Exact<{
  filter?: WarningFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WarningsQuery = { warnings: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WarningByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type WarningByIdQuery = { node:
    | { __typename: 'AgencyClient' }
    | { __typename: 'AuditEntry' }
    | { __typename: 'Complaint' }
    | { __typename: 'CreditApplication' }
    | { __typename: 'DefectReport' }
    | { __typename: 'Enterprise' }
    | { __typename: 'Recall' }
    | { __typename: 'RecallDuty' }
    | { __typename: 'Warning', hsCodes: Array<string>, originCountries: Array<string>, regions: Array<string>, summary: string, summaryEn: string | null, measures: Array<Measure>, issuedBy: string, authorizationRef: string | null, id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, levelHistory: Array<{ fromLevel: WarningLevel | null, toLevel: WarningLevel, reason: string, by: string, at: string }>, enterprises: Array<{ id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, status: RecallStatus, completionRate: number }> }
    | { __typename: 'WebhookEndpoint' }
   | null };

export type RecallsQueryVariables = Exact<{
  filter?: RecallFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RecallsQuery = { recalls: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type IssueWarningMutationVariables = Exact<{
  input: IssueWarningInput;
}>;


export type IssueWarningMutation = { issueWarning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } };

export type PublishWarningMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishWarningMutation = { publishWarning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } };

export type AdjustWarningLevelMutationVariables = Exact<{
  id: string | number;
  level: WarningLevel;
  reason: string;
}>;


export type AdjustWarningLevelMutation = { adjustWarningLevel: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } };

export type LiftWarningMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type LiftWarningMutation = { liftWarning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } };

export type AlertsSubscriptionVariables = Exact<{
  minLevel: WarningLevel;
  after?: string | null | undefined;
}>;


export type AlertsSubscription = { alerts: { cursor: string, type: AlertEventType, at: string, previousLevel: WarningLevel | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } | null } };

export type RecallDetailFieldsFragment = { productCategory: string | null, gtins: Array<string>, batches: Array<string>, traceCodes: Array<string>, crossBorderClass: CrossBorderClass | null, hazard: string | null, hazardEn: string | null, deadline: string | null, completedAt: string | null, closedAt: string | null, closeReason: string | null, id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, remedy: { type: RemedyType, instructions: string, instructionsEn: string | null, contactPhone: string | null, contactUrl: string | null, collectionPoints: Array<string> } | null, progressReports: Array<{ at: string, unitsRecovered: number, refundsCny: number | null, note: string | null }>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null };

export type DutyFieldsFragment = { id: string, kind: DutyKind, title: string, titleEn: string, state: DutyState, dueAt: string, dueDay: string, calendarExact: boolean, workingDaysLeft: number | null, overdueHours: number, metAt: string | null, recall: { id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number } | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } };

export type DefectReportFieldsFragment = { id: string, code: string, status: DefectReportStatus, reporterKind: ReporterKind, productName: string, brand: string | null, model: string | null, gtin: string | null, uscc: string | null, description: string, evidenceIds: Array<string>, createdAt: string, assessment: string | null, assessedAt: string | null, mine: boolean, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, recall: { id: string, code: string } | null };

export type RecallByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type RecallByIdQuery = { node:
    | { __typename: 'AgencyClient' }
    | { __typename: 'AuditEntry' }
    | { __typename: 'Complaint' }
    | { __typename: 'CreditApplication' }
    | { __typename: 'DefectReport' }
    | { __typename: 'Enterprise' }
    | { __typename: 'Recall', productCategory: string | null, gtins: Array<string>, batches: Array<string>, traceCodes: Array<string>, crossBorderClass: CrossBorderClass | null, hazard: string | null, hazardEn: string | null, deadline: string | null, completedAt: string | null, closedAt: string | null, closeReason: string | null, id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, remedy: { type: RemedyType, instructions: string, instructionsEn: string | null, contactPhone: string | null, contactUrl: string | null, collectionPoints: Array<string> } | null, progressReports: Array<{ at: string, unitsRecovered: number, refundsCny: number | null, note: string | null }>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null }
    | { __typename: 'RecallDuty' }
    | { __typename: 'Warning' }
    | { __typename: 'WebhookEndpoint' }
   | null };

export type ProductLookupQueryVariables = Exact<{
  code: string;
}>;


export type ProductLookupQuery = { productLookup: { code: string, codeType: ProductCodeType, valid: boolean, gtin14: string | null, product: { code: string, codeType: ProductCodeType, name: string, nameEn: string | null, brand: string | null, model: string | null, category: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } | null, warnings: Array<{ id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null }> } };

export type MyDutiesQueryVariables = Exact<{
  states?: Array<DutyState> | DutyState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyDutiesQuery = { me: { id: string, duties: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, kind: DutyKind, title: string, titleEn: string, state: DutyState, dueAt: string, dueDay: string, calendarExact: boolean, workingDaysLeft: number | null, overdueHours: number, metAt: string | null, recall: { id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number } | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type RecallDutiesQueryVariables = Exact<{
  filter?: RecallDutyFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RecallDutiesQuery = { recallDuties: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, kind: DutyKind, title: string, titleEn: string, state: DutyState, dueAt: string, dueDay: string, calendarExact: boolean, workingDaysLeft: number | null, overdueHours: number, metAt: string | null, recall: { id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number } | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReportRecallProgressMutationVariables = Exact<{
  id: string | number;
  unitsRecovered: number;
  refundsCny?: number | null | undefined;
  note?: string | null | undefined;
}>;


export type ReportRecallProgressMutation = { reportRecallProgress: { productCategory: string | null, gtins: Array<string>, batches: Array<string>, traceCodes: Array<string>, crossBorderClass: CrossBorderClass | null, hazard: string | null, hazardEn: string | null, deadline: string | null, completedAt: string | null, closedAt: string | null, closeReason: string | null, id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, remedy: { type: RemedyType, instructions: string, instructionsEn: string | null, contactPhone: string | null, contactUrl: string | null, collectionPoints: Array<string> } | null, progressReports: Array<{ at: string, unitsRecovered: number, refundsCny: number | null, note: string | null }>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null } };

export type CompleteRecallMutationVariables = Exact<{
  id: string | number;
}>;


export type CompleteRecallMutation = { completeRecall: { productCategory: string | null, gtins: Array<string>, batches: Array<string>, traceCodes: Array<string>, crossBorderClass: CrossBorderClass | null, hazard: string | null, hazardEn: string | null, deadline: string | null, completedAt: string | null, closedAt: string | null, closeReason: string | null, id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, remedy: { type: RemedyType, instructions: string, instructionsEn: string | null, contactPhone: string | null, contactUrl: string | null, collectionPoints: Array<string> } | null, progressReports: Array<{ at: string, unitsRecovered: number, refundsCny: number | null, note: string | null }>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null } };

export type CloseRecallMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CloseRecallMutation = { closeRecall: { productCategory: string | null, gtins: Array<string>, batches: Array<string>, traceCodes: Array<string>, crossBorderClass: CrossBorderClass | null, hazard: string | null, hazardEn: string | null, deadline: string | null, completedAt: string | null, closedAt: string | null, closeReason: string | null, id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, remedy: { type: RemedyType, instructions: string, instructionsEn: string | null, contactPhone: string | null, contactUrl: string | null, collectionPoints: Array<string> } | null, progressReports: Array<{ at: string, unitsRecovered: number, refundsCny: number | null, note: string | null }>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null } };

export type FulfilRecallDutyMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type FulfilRecallDutyMutation = { fulfilRecallDuty: { id: string, kind: DutyKind, title: string, titleEn: string, state: DutyState, dueAt: string, dueDay: string, calendarExact: boolean, workingDaysLeft: number | null, overdueHours: number, metAt: string | null, recall: { id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number } | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } } };

export type AnnounceRecallMutationVariables = Exact<{
  input: AnnounceRecallInput;
}>;


export type AnnounceRecallMutation = { announceRecall: { id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null } };

export type OrderRecallMutationVariables = Exact<{
  input: AnnounceRecallInput;
  defectReportId?: string | number | null | undefined;
}>;


export type OrderRecallMutation = { orderRecall: { id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null } };

export type SubmitDefectReportMutationVariables = Exact<{
  input: DefectReportInput;
}>;


export type SubmitDefectReportMutation = { submitDefectReport: { id: string, code: string, status: DefectReportStatus, reporterKind: ReporterKind, productName: string, brand: string | null, model: string | null, gtin: string | null, uscc: string | null, description: string, evidenceIds: Array<string>, createdAt: string, assessment: string | null, assessedAt: string | null, mine: boolean, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, recall: { id: string, code: string } | null } };

export type DefectReportsQueryVariables = Exact<{
  statuses?: Array<DefectReportStatus> | DefectReportStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DefectReportsQuery = { defectReports: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, code: string, status: DefectReportStatus, reporterKind: ReporterKind, productName: string, brand: string | null, model: string | null, gtin: string | null, uscc: string | null, description: string, evidenceIds: Array<string>, createdAt: string, assessment: string | null, assessedAt: string | null, mine: boolean, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, recall: { id: string, code: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BeginDefectAssessmentMutationVariables = Exact<{
  id: string | number;
}>;


export type BeginDefectAssessmentMutation = { beginDefectAssessment: { id: string, code: string, status: DefectReportStatus, reporterKind: ReporterKind, productName: string, brand: string | null, model: string | null, gtin: string | null, uscc: string | null, description: string, evidenceIds: Array<string>, createdAt: string, assessment: string | null, assessedAt: string | null, mine: boolean, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, recall: { id: string, code: string } | null } };

export type AssessDefectReportMutationVariables = Exact<{
  id: string | number;
  confirmed: boolean;
  reason: string;
  recall?: AnnounceRecallInput | null | undefined;
}>;


export type AssessDefectReportMutation = { assessDefectReport: { id: string, code: string, status: DefectReportStatus, reporterKind: ReporterKind, productName: string, brand: string | null, model: string | null, gtin: string | null, uscc: string | null, description: string, evidenceIds: Array<string>, createdAt: string, assessment: string | null, assessedAt: string | null, mine: boolean, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, recall: { id: string, code: string } | null } };

export type RecallEffectivenessQueryVariables = Exact<{
  groupBy: EffectivenessGroup;
  since?: string | null | undefined;
}>;


export type RecallEffectivenessQuery = { recallEffectiveness: Array<{ key: string, label: string | null, recalls: number, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number }> };

export type CreditApplicationFieldsFragment = { id: string, kind: string, state: ReviewState, reason: string, dueAt: string, dueDateExact: boolean, overdue: boolean, uscc: string, evidenceIds: Array<string>, breachId: string | null, submittedAt: string, decidedAt: string | null, decisionReason: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null };

export type BreachFieldsFragment = { id: string, grade: BreachGrade, reason: string, at: string, source: BreachSource, sourceRef: string | null, closedAt: string | null, open: boolean };

export type EnterprisePublicFieldsFragment = { region: string | null, regionCode: string | null, customsCode: string | null, types: Array<EnterpriseType>, isAeo: boolean, aeoCertificateNo: string | null, aeoCertifiedAt: string | null, mutualRecognition: Array<string>, id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null };

export type EnterprisesQueryVariables = Exact<{
  filter?: EnterpriseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EnterprisesQuery = { enterprises: { totalCount: number, edges: Array<{ cursor: string, node: { region: string | null, regionCode: string | null, customsCode: string | null, types: Array<EnterpriseType>, isAeo: boolean, aeoCertificateNo: string | null, aeoCertifiedAt: string | null, mutualRecognition: Array<string>, id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EnterpriseDashboardQueryVariables = Exact<{
  uscc: string;
}>;


export type EnterpriseDashboardQuery = { enterprise: { region: string | null, regionCode: string | null, customsCode: string | null, types: Array<EnterpriseType>, isAeo: boolean, aeoCertificateNo: string | null, aeoCertifiedAt: string | null, mutualRecognition: Array<string>, id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null, creditHistory: Array<{ fromLevel: CreditLevel | null, toLevel: CreditLevel, reason: string, by: string, at: string, basis: CreditBasis, basisRef: string | null }>, breaches: Array<{ id: string, grade: BreachGrade, reason: string, at: string, source: BreachSource, sourceRef: string | null, closedAt: string | null, open: boolean }>, creditApplications: Array<{ id: string, kind: string, state: ReviewState, reason: string, dueAt: string, dueDateExact: boolean, overdue: boolean, uscc: string, evidenceIds: Array<string>, breachId: string | null, submittedAt: string, decidedAt: string | null, decisionReason: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null }>, recalls: Array<{ productCategory: string | null, gtins: Array<string>, batches: Array<string>, traceCodes: Array<string>, crossBorderClass: CrossBorderClass | null, hazard: string | null, hazardEn: string | null, deadline: string | null, completedAt: string | null, closedAt: string | null, closeReason: string | null, id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, model: string | null, type: RecallType, status: RecallStatus, unitsAffected: number, unitsRecovered: number, refundsCny: number, completionRate: number, announcedAt: string, remedy: { type: RemedyType, instructions: string, instructionsEn: string | null, contactPhone: string | null, contactUrl: string | null, collectionPoints: Array<string> } | null, progressReports: Array<{ at: string, unitsRecovered: number, refundsCny: number | null, note: string | null }>, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel } | null }> } | null };

export type EnterpriseStaffViewQueryVariables = Exact<{
  uscc: string;
}>;


export type EnterpriseStaffViewQuery = { enterprise: { region: string | null, regionCode: string | null, customsCode: string | null, types: Array<EnterpriseType>, isAeo: boolean, aeoCertificateNo: string | null, aeoCertifiedAt: string | null, mutualRecognition: Array<string>, id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null, creditHistory: Array<{ fromLevel: CreditLevel | null, toLevel: CreditLevel, reason: string, by: string, at: string, basis: CreditBasis, basisRef: string | null }>, breaches: Array<{ id: string, grade: BreachGrade, reason: string, at: string, source: BreachSource, sourceRef: string | null, closedAt: string | null, open: boolean }>, creditApplications: Array<{ id: string, kind: string, state: ReviewState, reason: string, dueAt: string, dueDateExact: boolean, overdue: boolean, uscc: string, evidenceIds: Array<string>, breachId: string | null, submittedAt: string, decidedAt: string | null, decisionReason: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null }>, creditProposal: { fromLevel: CreditLevel, toLevel: CreditLevel, reason: string } | null } | null };

export type CreditApplicationsQueryVariables = Exact<{
  states?: Array<ReviewState> | ReviewState | null | undefined;
  kinds?: Array<CreditApplicationKind> | CreditApplicationKind | null | undefined;
  uscc?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CreditApplicationsQuery = { creditApplications: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, kind: string, state: ReviewState, reason: string, dueAt: string, dueDateExact: boolean, overdue: boolean, uscc: string, evidenceIds: Array<string>, breachId: string | null, submittedAt: string, decidedAt: string | null, decisionReason: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApplyCreditRepairMutationVariables = Exact<{
  uscc: string;
  reason: string;
  evidenceIds?: Array<string> | string | null | undefined;
  breachId?: string | null | undefined;
}>;


export type ApplyCreditRepairMutation = { applyCreditRepair: { id: string, kind: string, state: ReviewState, reason: string, dueAt: string, dueDateExact: boolean, overdue: boolean, uscc: string, evidenceIds: Array<string>, breachId: string | null, submittedAt: string, decidedAt: string | null, decisionReason: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } };

export type ObjectToRatingMutationVariables = Exact<{
  uscc: string;
  reason: string;
  evidenceIds?: Array<string> | string | null | undefined;
}>;


export type ObjectToRatingMutation = { objectToRating: { id: string, kind: string, state: ReviewState, reason: string, dueAt: string, dueDateExact: boolean, overdue: boolean, uscc: string, evidenceIds: Array<string>, breachId: string | null, submittedAt: string, decidedAt: string | null, decisionReason: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } };

export type ReviewCreditApplicationMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  reason: string;
}>;


export type ReviewCreditApplicationMutation = { reviewCreditApplication: { id: string, kind: string, state: ReviewState, reason: string, dueAt: string, dueDateExact: boolean, overdue: boolean, uscc: string, evidenceIds: Array<string>, breachId: string | null, submittedAt: string, decidedAt: string | null, decisionReason: string | null, enterprise: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } | null } };

export type SetCreditLevelMutationVariables = Exact<{
  uscc: string;
  level: CreditLevel;
  reason: string;
}>;


export type SetCreditLevelMutation = { setCreditLevel: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } };

export type RecordBreachMutationVariables = Exact<{
  uscc: string;
  grade: BreachGrade;
  reason: string;
}>;


export type RecordBreachMutation = { recordBreach: { id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null } };

export type ComplaintFieldsFragment = { id: string, code: string, status: ComplaintStatus, productName: string, brand: string | null, model: string | null, productCode: string | null, productCodeType: ProductCodeType | null, category: string | null, channel: string | null, platform: string | null, region: string | null, description: string, createdAt: string, pseudonymous: boolean, reason: string | null, enterpriseUscc: string | null, deadlines: { acceptBy: string, acceptedAt: string | null, acceptMet: boolean | null, mediationBy: string | null, mediationMet: boolean | null, dueAt: string | null, overdue: boolean, calendarExact: boolean }, timeline: Array<{ at: string, kind: ComplaintEventKind, status: ComplaintStatus, note: string | null }>, answers: Array<{ at: string, text: string }> };

export type MyComplaintsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyComplaintsQuery = { me: { id: string, complaints: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, code: string, status: ComplaintStatus, productName: string, brand: string | null, model: string | null, productCode: string | null, productCodeType: ProductCodeType | null, category: string | null, channel: string | null, platform: string | null, region: string | null, description: string, createdAt: string, pseudonymous: boolean, reason: string | null, enterpriseUscc: string | null, photos: Array<{ id: string, url: string, width: number, height: number }>, deadlines: { acceptBy: string, acceptedAt: string | null, acceptMet: boolean | null, mediationBy: string | null, mediationMet: boolean | null, dueAt: string | null, overdue: boolean, calendarExact: boolean }, timeline: Array<{ at: string, kind: ComplaintEventKind, status: ComplaintStatus, note: string | null }>, answers: Array<{ at: string, text: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ComplaintByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ComplaintByIdQuery = { node:
    | { __typename: 'AgencyClient' }
    | { __typename: 'AuditEntry' }
    | { __typename: 'Complaint', id: string, code: string, status: ComplaintStatus, productName: string, brand: string | null, model: string | null, productCode: string | null, productCodeType: ProductCodeType | null, category: string | null, channel: string | null, platform: string | null, region: string | null, description: string, createdAt: string, pseudonymous: boolean, reason: string | null, enterpriseUscc: string | null, photos: Array<{ id: string, url: string, width: number, height: number }>, deadlines: { acceptBy: string, acceptedAt: string | null, acceptMet: boolean | null, mediationBy: string | null, mediationMet: boolean | null, dueAt: string | null, overdue: boolean, calendarExact: boolean }, timeline: Array<{ at: string, kind: ComplaintEventKind, status: ComplaintStatus, note: string | null }>, answers: Array<{ at: string, text: string }> }
    | { __typename: 'CreditApplication' }
    | { __typename: 'DefectReport' }
    | { __typename: 'Enterprise' }
    | { __typename: 'Recall' }
    | { __typename: 'RecallDuty' }
    | { __typename: 'Warning' }
    | { __typename: 'WebhookEndpoint' }
   | null };

export type ComplaintsQueryVariables = Exact<{
  filter?: ComplaintFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ComplaintsQuery = { complaints: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, code: string, status: ComplaintStatus, productName: string, brand: string | null, model: string | null, productCode: string | null, productCodeType: ProductCodeType | null, category: string | null, channel: string | null, platform: string | null, region: string | null, description: string, createdAt: string, pseudonymous: boolean, reason: string | null, enterpriseUscc: string | null, deadlines: { acceptBy: string, acceptedAt: string | null, acceptMet: boolean | null, mediationBy: string | null, mediationMet: boolean | null, dueAt: string | null, overdue: boolean, calendarExact: boolean }, timeline: Array<{ at: string, kind: ComplaintEventKind, status: ComplaintStatus, note: string | null }>, answers: Array<{ at: string, text: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FileComplaintMutationVariables = Exact<{
  input: FileComplaintInput;
  idempotencyKey: string;
}>;


export type FileComplaintMutation = { fileComplaint: { id: string, code: string, status: ComplaintStatus } };

export type TriageComplaintMutationVariables = Exact<{
  id: string | number;
  status: ComplaintStatus;
  reason?: string | null | undefined;
  uscc?: string | null | undefined;
}>;


export type TriageComplaintMutation = { triageComplaint: { id: string, code: string, status: ComplaintStatus, productName: string, brand: string | null, model: string | null, productCode: string | null, productCodeType: ProductCodeType | null, category: string | null, channel: string | null, platform: string | null, region: string | null, description: string, createdAt: string, pseudonymous: boolean, reason: string | null, enterpriseUscc: string | null, deadlines: { acceptBy: string, acceptedAt: string | null, acceptMet: boolean | null, mediationBy: string | null, mediationMet: boolean | null, dueAt: string | null, overdue: boolean, calendarExact: boolean }, timeline: Array<{ at: string, kind: ComplaintEventKind, status: ComplaintStatus, note: string | null }>, answers: Array<{ at: string, text: string }> } };

export type AnswerComplaintMutationVariables = Exact<{
  id: string | number;
  answer: string;
}>;


export type AnswerComplaintMutation = { answerComplaint: { id: string, code: string, status: ComplaintStatus, productName: string, brand: string | null, model: string | null, productCode: string | null, productCodeType: ProductCodeType | null, category: string | null, channel: string | null, platform: string | null, region: string | null, description: string, createdAt: string, pseudonymous: boolean, reason: string | null, enterpriseUscc: string | null, deadlines: { acceptBy: string, acceptedAt: string | null, acceptMet: boolean | null, mediationBy: string | null, mediationMet: boolean | null, dueAt: string | null, overdue: boolean, calendarExact: boolean }, timeline: Array<{ at: string, kind: ComplaintEventKind, status: ComplaintStatus, note: string | null }>, answers: Array<{ at: string, text: string }> } };

export type ComplaintSignalsQueryVariables = Exact<{
  windowDays: number;
  threshold: number;
}>;


export type ComplaintSignalsQuery = { complaintSignals: Array<{ group: SignalGroup, key: string, count: number, threshold: number, firstAt: string, lastAt: string }> };

export type WatchedFieldsFragment = { code: string, codeType: ProductCodeType, label: string | null, addedAt: string, matches: { warnings: Array<{ id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus }> } };

export type WatchlistQueryVariables = Exact<{ [key: string]: never; }>;


export type WatchlistQuery = { me: { id: string, watchlist: Array<{ code: string, codeType: ProductCodeType, label: string | null, addedAt: string, matches: { warnings: Array<{ id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus }> } }> } | null };

export type WatchProductMutationVariables = Exact<{
  code: string;
  label?: string | null | undefined;
}>;


export type WatchProductMutation = { watchProduct: Array<{ code: string, codeType: ProductCodeType, label: string | null, addedAt: string, matches: { warnings: Array<{ id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus }> } }> };

export type UnwatchProductMutationVariables = Exact<{
  code: string;
}>;


export type UnwatchProductMutation = { unwatchProduct: Array<{ code: string, codeType: ProductCodeType, label: string | null, addedAt: string, matches: { warnings: Array<{ id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, status: RecallStatus }> } }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AgencyClientFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgencyClientFields on AgencyClient {
  id
  clientId
  name
  country
  scopes
  disabled
  revokedAt
  createdAt
  secretRotatedAt
  previousSecretExpiresAt
  revision
  budget {
    maximum
    restoreRate
    custom
  }
}
    `, {"fragmentName":"AgencyClientFields"}) as unknown as TypedDocumentString<AgencyClientFieldsFragment, unknown>;
export const EnterpriseRefFragmentDoc = new TypedDocumentString(`
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
    `, {"fragmentName":"EnterpriseRef"}) as unknown as TypedDocumentString<EnterpriseRefFragment, unknown>;
export const ViewerFieldsFragmentDoc = new TypedDocumentString(`
    fragment ViewerFields on Viewer {
  id
  email
  displayName
  role
  locale
  scopes
  enterprise {
    ...EnterpriseRef
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`, {"fragmentName":"ViewerFields"}) as unknown as TypedDocumentString<ViewerFieldsFragment, unknown>;
export const AuthFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuthFields on AuthPayload {
  accessToken
  refreshToken
  expiresIn
  viewer {
    ...ViewerFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment ViewerFields on Viewer {
  id
  email
  displayName
  role
  locale
  scopes
  enterprise {
    ...EnterpriseRef
  }
}`, {"fragmentName":"AuthFields"}) as unknown as TypedDocumentString<AuthFieldsFragment, unknown>;
export const WarningListFieldsFragmentDoc = new TypedDocumentString(`
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}
    `, {"fragmentName":"WarningListFields"}) as unknown as TypedDocumentString<WarningListFieldsFragment, unknown>;
export const WarningDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment WarningDetailFields on Warning {
  ...WarningListFields
  hsCodes
  originCountries
  regions
  summary
  summaryEn
  measures
  issuedBy
  authorizationRef
  levelHistory {
    fromLevel
    toLevel
    reason
    by
    at
  }
  enterprises {
    ...EnterpriseRef
  }
  recalls {
    id
    code
    productName
    productNameEn
    brand
    status
    completionRate
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`, {"fragmentName":"WarningDetailFields"}) as unknown as TypedDocumentString<WarningDetailFieldsFragment, unknown>;
export const RecallFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`, {"fragmentName":"RecallFields"}) as unknown as TypedDocumentString<RecallFieldsFragment, unknown>;
export const RecallDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecallDetailFields on Recall {
  ...RecallFields
  productCategory
  gtins
  batches
  traceCodes
  crossBorderClass
  hazard
  hazardEn
  deadline
  completedAt
  closedAt
  closeReason
  remedy {
    type
    instructions
    instructionsEn
    contactPhone
    contactUrl
    collectionPoints
  }
  progressReports {
    at
    unitsRecovered
    refundsCny
    note
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}`, {"fragmentName":"RecallDetailFields"}) as unknown as TypedDocumentString<RecallDetailFieldsFragment, unknown>;
export const DutyFieldsFragmentDoc = new TypedDocumentString(`
    fragment DutyFields on RecallDuty {
  id
  kind
  title
  titleEn
  state
  dueAt
  dueDay
  calendarExact
  workingDaysLeft
  overdueHours
  metAt
  recall {
    id
    code
    productName
    productNameEn
    status
    unitsAffected
    unitsRecovered
    refundsCny
    completionRate
  }
  enterprise {
    ...EnterpriseRef
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`, {"fragmentName":"DutyFields"}) as unknown as TypedDocumentString<DutyFieldsFragment, unknown>;
export const DefectReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment DefectReportFields on DefectReport {
  id
  code
  status
  reporterKind
  productName
  brand
  model
  gtin
  uscc
  description
  evidenceIds
  createdAt
  assessment
  assessedAt
  mine
  enterprise {
    ...EnterpriseRef
  }
  recall {
    id
    code
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`, {"fragmentName":"DefectReportFields"}) as unknown as TypedDocumentString<DefectReportFieldsFragment, unknown>;
export const CreditApplicationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CreditApplicationFields on CreditApplication {
  id
  kind
  state
  reason
  dueAt
  dueDateExact
  overdue
  uscc
  evidenceIds
  breachId
  submittedAt
  decidedAt
  decisionReason
  enterprise {
    ...EnterpriseRef
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`, {"fragmentName":"CreditApplicationFields"}) as unknown as TypedDocumentString<CreditApplicationFieldsFragment, unknown>;
export const BreachFieldsFragmentDoc = new TypedDocumentString(`
    fragment BreachFields on Breach {
  id
  grade
  reason
  at
  source
  sourceRef
  closedAt
  open
}
    `, {"fragmentName":"BreachFields"}) as unknown as TypedDocumentString<BreachFieldsFragment, unknown>;
export const EnterprisePublicFieldsFragmentDoc = new TypedDocumentString(`
    fragment EnterprisePublicFields on Enterprise {
  ...EnterpriseRef
  region
  regionCode
  customsCode
  types
  isAeo
  aeoCertificateNo
  aeoCertifiedAt
  mutualRecognition
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`, {"fragmentName":"EnterprisePublicFields"}) as unknown as TypedDocumentString<EnterprisePublicFieldsFragment, unknown>;
export const ComplaintFieldsFragmentDoc = new TypedDocumentString(`
    fragment ComplaintFields on Complaint {
  id
  code
  status
  productName
  brand
  model
  productCode
  productCodeType
  category
  channel
  platform
  region
  description
  createdAt
  pseudonymous
  reason
  enterpriseUscc
  deadlines {
    acceptBy
    acceptedAt
    acceptMet
    mediationBy
    mediationMet
    dueAt
    overdue
    calendarExact
  }
  timeline {
    at
    kind
    status
    note
  }
  answers {
    at
    text
  }
}
    `, {"fragmentName":"ComplaintFields"}) as unknown as TypedDocumentString<ComplaintFieldsFragment, unknown>;
export const WatchedFieldsFragmentDoc = new TypedDocumentString(`
    fragment WatchedFields on WatchedProduct {
  code
  codeType
  label
  addedAt
  matches {
    warnings {
      id
      code
      title
      titleEn
      level
    }
    recalls {
      id
      code
      productName
      productNameEn
      status
    }
  }
}
    `, {"fragmentName":"WatchedFields"}) as unknown as TypedDocumentString<WatchedFieldsFragment, unknown>;
export const AlertStreamDocument = new TypedDocumentString(`
    subscription AlertStream($minLevel: WarningLevel!, $after: String, $filter: AlertFilter) {
  alerts(minLevel: $minLevel, after: $after, filter: $filter) {
    cursor
    type
    trigger
    at
    previousLevel
    creditLevel
    previousCreditLevel
    warning {
      ...WarningListFields
    }
    recall {
      id
      code
      productName
      productNameEn
    }
    watched {
      code
      label
    }
    enterprise {
      uscc
      name
      nameEn
    }
    signal {
      group
      key
      count
      threshold
    }
  }
}
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`) as unknown as TypedDocumentString<AlertStreamSubscription, AlertStreamSubscriptionVariables>;
export const AgencyClientsDocument = new TypedDocumentString(`
    query AgencyClients($first: Int, $after: String) {
  agencyClients(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AgencyClientFields
        usage(days: 14) {
          day
          requests
          cost
          errors
        }
        webhookHealth {
          endpoints
          enabled
          disabled
          pendingDeliveries
          failedDeliveries
          lastSuccessAt
        }
      }
    }
  }
}
    fragment AgencyClientFields on AgencyClient {
  id
  clientId
  name
  country
  scopes
  disabled
  revokedAt
  createdAt
  secretRotatedAt
  previousSecretExpiresAt
  revision
  budget {
    maximum
    restoreRate
    custom
  }
}`) as unknown as TypedDocumentString<AgencyClientsQuery, AgencyClientsQueryVariables>;
export const CreateAgencyClientDocument = new TypedDocumentString(`
    mutation CreateAgencyClient($input: CreateAgencyClientInput!) {
  createAgencyClient(input: $input) {
    clientId
    clientSecret
    scopes
  }
}
    `) as unknown as TypedDocumentString<CreateAgencyClientMutation, CreateAgencyClientMutationVariables>;
export const UpdateAgencyClientDocument = new TypedDocumentString(`
    mutation UpdateAgencyClient($id: ID!, $input: UpdateAgencyClientInput!) {
  updateAgencyClient(id: $id, input: $input) {
    ...AgencyClientFields
  }
}
    fragment AgencyClientFields on AgencyClient {
  id
  clientId
  name
  country
  scopes
  disabled
  revokedAt
  createdAt
  secretRotatedAt
  previousSecretExpiresAt
  revision
  budget {
    maximum
    restoreRate
    custom
  }
}`) as unknown as TypedDocumentString<UpdateAgencyClientMutation, UpdateAgencyClientMutationVariables>;
export const RotateAgencyClientSecretDocument = new TypedDocumentString(`
    mutation RotateAgencyClientSecret($id: ID!, $graceSeconds: Int!) {
  rotateAgencyClientSecret(id: $id, graceSeconds: $graceSeconds) {
    clientSecret
    previousSecretExpiresAt
    client {
      ...AgencyClientFields
    }
  }
}
    fragment AgencyClientFields on AgencyClient {
  id
  clientId
  name
  country
  scopes
  disabled
  revokedAt
  createdAt
  secretRotatedAt
  previousSecretExpiresAt
  revision
  budget {
    maximum
    restoreRate
    custom
  }
}`) as unknown as TypedDocumentString<RotateAgencyClientSecretMutation, RotateAgencyClientSecretMutationVariables>;
export const RevokeAgencyClientDocument = new TypedDocumentString(`
    mutation RevokeAgencyClient($id: ID!) {
  revokeAgencyClient(id: $id) {
    ...AgencyClientFields
  }
}
    fragment AgencyClientFields on AgencyClient {
  id
  clientId
  name
  country
  scopes
  disabled
  revokedAt
  createdAt
  secretRotatedAt
  previousSecretExpiresAt
  revision
  budget {
    maximum
    restoreRate
    custom
  }
}`) as unknown as TypedDocumentString<RevokeAgencyClientMutation, RevokeAgencyClientMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    ...AuthFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment ViewerFields on Viewer {
  id
  email
  displayName
  role
  locale
  scopes
  enterprise {
    ...EnterpriseRef
  }
}
fragment AuthFields on AuthPayload {
  accessToken
  refreshToken
  expiresIn
  viewer {
    ...ViewerFields
  }
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    ...AuthFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment ViewerFields on Viewer {
  id
  email
  displayName
  role
  locale
  scopes
  enterprise {
    ...EnterpriseRef
  }
}
fragment AuthFields on AuthPayload {
  accessToken
  refreshToken
  expiresIn
  viewer {
    ...ViewerFields
  }
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const RefreshTokenDocument = new TypedDocumentString(`
    mutation RefreshToken($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) {
    ...AuthFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment ViewerFields on Viewer {
  id
  email
  displayName
  role
  locale
  scopes
  enterprise {
    ...EnterpriseRef
  }
}
fragment AuthFields on AuthPayload {
  accessToken
  refreshToken
  expiresIn
  viewer {
    ...ViewerFields
  }
}`) as unknown as TypedDocumentString<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut($refreshToken: String!) {
  signOut(refreshToken: $refreshToken)
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...ViewerFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment ViewerFields on Viewer {
  id
  email
  displayName
  role
  locale
  scopes
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const WarningsDocument = new TypedDocumentString(`
    query Warnings($filter: WarningFilter, $first: Int, $after: String) {
  warnings(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        ...WarningListFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`) as unknown as TypedDocumentString<WarningsQuery, WarningsQueryVariables>;
export const WarningByIdDocument = new TypedDocumentString(`
    query WarningById($id: ID!) {
  node(id: $id) {
    __typename
    ... on Warning {
      ...WarningDetailFields
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}
fragment WarningDetailFields on Warning {
  ...WarningListFields
  hsCodes
  originCountries
  regions
  summary
  summaryEn
  measures
  issuedBy
  authorizationRef
  levelHistory {
    fromLevel
    toLevel
    reason
    by
    at
  }
  enterprises {
    ...EnterpriseRef
  }
  recalls {
    id
    code
    productName
    productNameEn
    brand
    status
    completionRate
  }
}`) as unknown as TypedDocumentString<WarningByIdQuery, WarningByIdQueryVariables>;
export const RecallsDocument = new TypedDocumentString(`
    query Recalls($filter: RecallFilter, $first: Int, $after: String) {
  recalls(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        ...RecallFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}`) as unknown as TypedDocumentString<RecallsQuery, RecallsQueryVariables>;
export const IssueWarningDocument = new TypedDocumentString(`
    mutation IssueWarning($input: IssueWarningInput!) {
  issueWarning(input: $input) {
    ...WarningListFields
  }
}
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`) as unknown as TypedDocumentString<IssueWarningMutation, IssueWarningMutationVariables>;
export const PublishWarningDocument = new TypedDocumentString(`
    mutation PublishWarning($id: ID!) {
  publishWarning(id: $id) {
    ...WarningListFields
  }
}
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`) as unknown as TypedDocumentString<PublishWarningMutation, PublishWarningMutationVariables>;
export const AdjustWarningLevelDocument = new TypedDocumentString(`
    mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {
  adjustWarningLevel(id: $id, level: $level, reason: $reason) {
    ...WarningListFields
  }
}
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`) as unknown as TypedDocumentString<AdjustWarningLevelMutation, AdjustWarningLevelMutationVariables>;
export const LiftWarningDocument = new TypedDocumentString(`
    mutation LiftWarning($id: ID!, $reason: String!) {
  liftWarning(id: $id, reason: $reason) {
    ...WarningListFields
  }
}
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`) as unknown as TypedDocumentString<LiftWarningMutation, LiftWarningMutationVariables>;
export const AlertsDocument = new TypedDocumentString(`
    subscription Alerts($minLevel: WarningLevel!, $after: String) {
  alerts(minLevel: $minLevel, after: $after) {
    cursor
    type
    at
    previousLevel
    warning {
      ...WarningListFields
    }
  }
}
    fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}`) as unknown as TypedDocumentString<AlertsSubscription, AlertsSubscriptionVariables>;
export const RecallByIdDocument = new TypedDocumentString(`
    query RecallById($id: ID!) {
  node(id: $id) {
    __typename
    ... on Recall {
      ...RecallDetailFields
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}
fragment RecallDetailFields on Recall {
  ...RecallFields
  productCategory
  gtins
  batches
  traceCodes
  crossBorderClass
  hazard
  hazardEn
  deadline
  completedAt
  closedAt
  closeReason
  remedy {
    type
    instructions
    instructionsEn
    contactPhone
    contactUrl
    collectionPoints
  }
  progressReports {
    at
    unitsRecovered
    refundsCny
    note
  }
}`) as unknown as TypedDocumentString<RecallByIdQuery, RecallByIdQueryVariables>;
export const ProductLookupDocument = new TypedDocumentString(`
    query ProductLookup($code: String!) {
  productLookup(code: $code) {
    code
    codeType
    valid
    gtin14
    product {
      code
      codeType
      name
      nameEn
      brand
      model
      category
      enterprise {
        ...EnterpriseRef
      }
    }
    warnings {
      ...WarningListFields
    }
    recalls {
      ...RecallFields
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment WarningListFields on Warning {
  id
  code
  title
  titleEn
  level
  kind
  status
  hazards
  productCategory
  publishedAt
  liftedAt
  authorizationRef
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}`) as unknown as TypedDocumentString<ProductLookupQuery, ProductLookupQueryVariables>;
export const MyDutiesDocument = new TypedDocumentString(`
    query MyDuties($states: [DutyState!], $first: Int, $after: String) {
  me {
    id
    duties(states: $states, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...DutyFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment DutyFields on RecallDuty {
  id
  kind
  title
  titleEn
  state
  dueAt
  dueDay
  calendarExact
  workingDaysLeft
  overdueHours
  metAt
  recall {
    id
    code
    productName
    productNameEn
    status
    unitsAffected
    unitsRecovered
    refundsCny
    completionRate
  }
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<MyDutiesQuery, MyDutiesQueryVariables>;
export const RecallDutiesDocument = new TypedDocumentString(`
    query RecallDuties($filter: RecallDutyFilter, $first: Int, $after: String) {
  recallDuties(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        ...DutyFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment DutyFields on RecallDuty {
  id
  kind
  title
  titleEn
  state
  dueAt
  dueDay
  calendarExact
  workingDaysLeft
  overdueHours
  metAt
  recall {
    id
    code
    productName
    productNameEn
    status
    unitsAffected
    unitsRecovered
    refundsCny
    completionRate
  }
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<RecallDutiesQuery, RecallDutiesQueryVariables>;
export const ReportRecallProgressDocument = new TypedDocumentString(`
    mutation ReportRecallProgress($id: ID!, $unitsRecovered: Int!, $refundsCny: Float, $note: String) {
  reportRecallProgress(
    id: $id
    unitsRecovered: $unitsRecovered
    refundsCny: $refundsCny
    note: $note
  ) {
    ...RecallDetailFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}
fragment RecallDetailFields on Recall {
  ...RecallFields
  productCategory
  gtins
  batches
  traceCodes
  crossBorderClass
  hazard
  hazardEn
  deadline
  completedAt
  closedAt
  closeReason
  remedy {
    type
    instructions
    instructionsEn
    contactPhone
    contactUrl
    collectionPoints
  }
  progressReports {
    at
    unitsRecovered
    refundsCny
    note
  }
}`) as unknown as TypedDocumentString<ReportRecallProgressMutation, ReportRecallProgressMutationVariables>;
export const CompleteRecallDocument = new TypedDocumentString(`
    mutation CompleteRecall($id: ID!) {
  completeRecall(id: $id) {
    ...RecallDetailFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}
fragment RecallDetailFields on Recall {
  ...RecallFields
  productCategory
  gtins
  batches
  traceCodes
  crossBorderClass
  hazard
  hazardEn
  deadline
  completedAt
  closedAt
  closeReason
  remedy {
    type
    instructions
    instructionsEn
    contactPhone
    contactUrl
    collectionPoints
  }
  progressReports {
    at
    unitsRecovered
    refundsCny
    note
  }
}`) as unknown as TypedDocumentString<CompleteRecallMutation, CompleteRecallMutationVariables>;
export const CloseRecallDocument = new TypedDocumentString(`
    mutation CloseRecall($id: ID!, $reason: String!) {
  closeRecall(id: $id, reason: $reason) {
    ...RecallDetailFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}
fragment RecallDetailFields on Recall {
  ...RecallFields
  productCategory
  gtins
  batches
  traceCodes
  crossBorderClass
  hazard
  hazardEn
  deadline
  completedAt
  closedAt
  closeReason
  remedy {
    type
    instructions
    instructionsEn
    contactPhone
    contactUrl
    collectionPoints
  }
  progressReports {
    at
    unitsRecovered
    refundsCny
    note
  }
}`) as unknown as TypedDocumentString<CloseRecallMutation, CloseRecallMutationVariables>;
export const FulfilRecallDutyDocument = new TypedDocumentString(`
    mutation FulfilRecallDuty($id: ID!, $note: String!) {
  fulfilRecallDuty(id: $id, note: $note) {
    ...DutyFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment DutyFields on RecallDuty {
  id
  kind
  title
  titleEn
  state
  dueAt
  dueDay
  calendarExact
  workingDaysLeft
  overdueHours
  metAt
  recall {
    id
    code
    productName
    productNameEn
    status
    unitsAffected
    unitsRecovered
    refundsCny
    completionRate
  }
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<FulfilRecallDutyMutation, FulfilRecallDutyMutationVariables>;
export const AnnounceRecallDocument = new TypedDocumentString(`
    mutation AnnounceRecall($input: AnnounceRecallInput!) {
  announceRecall(input: $input) {
    ...RecallFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}`) as unknown as TypedDocumentString<AnnounceRecallMutation, AnnounceRecallMutationVariables>;
export const OrderRecallDocument = new TypedDocumentString(`
    mutation OrderRecall($input: AnnounceRecallInput!, $defectReportId: ID) {
  orderRecall(input: $input, defectReportId: $defectReportId) {
    ...RecallFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}`) as unknown as TypedDocumentString<OrderRecallMutation, OrderRecallMutationVariables>;
export const SubmitDefectReportDocument = new TypedDocumentString(`
    mutation SubmitDefectReport($input: DefectReportInput!) {
  submitDefectReport(input: $input) {
    ...DefectReportFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment DefectReportFields on DefectReport {
  id
  code
  status
  reporterKind
  productName
  brand
  model
  gtin
  uscc
  description
  evidenceIds
  createdAt
  assessment
  assessedAt
  mine
  enterprise {
    ...EnterpriseRef
  }
  recall {
    id
    code
  }
}`) as unknown as TypedDocumentString<SubmitDefectReportMutation, SubmitDefectReportMutationVariables>;
export const DefectReportsDocument = new TypedDocumentString(`
    query DefectReports($statuses: [DefectReportStatus!], $first: Int, $after: String) {
  defectReports(statuses: $statuses, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        ...DefectReportFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment DefectReportFields on DefectReport {
  id
  code
  status
  reporterKind
  productName
  brand
  model
  gtin
  uscc
  description
  evidenceIds
  createdAt
  assessment
  assessedAt
  mine
  enterprise {
    ...EnterpriseRef
  }
  recall {
    id
    code
  }
}`) as unknown as TypedDocumentString<DefectReportsQuery, DefectReportsQueryVariables>;
export const BeginDefectAssessmentDocument = new TypedDocumentString(`
    mutation BeginDefectAssessment($id: ID!) {
  beginDefectAssessment(id: $id) {
    ...DefectReportFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment DefectReportFields on DefectReport {
  id
  code
  status
  reporterKind
  productName
  brand
  model
  gtin
  uscc
  description
  evidenceIds
  createdAt
  assessment
  assessedAt
  mine
  enterprise {
    ...EnterpriseRef
  }
  recall {
    id
    code
  }
}`) as unknown as TypedDocumentString<BeginDefectAssessmentMutation, BeginDefectAssessmentMutationVariables>;
export const AssessDefectReportDocument = new TypedDocumentString(`
    mutation AssessDefectReport($id: ID!, $confirmed: Boolean!, $reason: String!, $recall: AnnounceRecallInput) {
  assessDefectReport(
    id: $id
    confirmed: $confirmed
    reason: $reason
    recall: $recall
  ) {
    ...DefectReportFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment DefectReportFields on DefectReport {
  id
  code
  status
  reporterKind
  productName
  brand
  model
  gtin
  uscc
  description
  evidenceIds
  createdAt
  assessment
  assessedAt
  mine
  enterprise {
    ...EnterpriseRef
  }
  recall {
    id
    code
  }
}`) as unknown as TypedDocumentString<AssessDefectReportMutation, AssessDefectReportMutationVariables>;
export const RecallEffectivenessDocument = new TypedDocumentString(`
    query RecallEffectiveness($groupBy: EffectivenessGroup!, $since: DateTime) {
  recallEffectiveness(groupBy: $groupBy, since: $since) {
    key
    label
    recalls
    unitsAffected
    unitsRecovered
    refundsCny
    completionRate
  }
}
    `) as unknown as TypedDocumentString<RecallEffectivenessQuery, RecallEffectivenessQueryVariables>;
export const EnterprisesDocument = new TypedDocumentString(`
    query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {
  enterprises(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        ...EnterprisePublicFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment EnterprisePublicFields on Enterprise {
  ...EnterpriseRef
  region
  regionCode
  customsCode
  types
  isAeo
  aeoCertificateNo
  aeoCertifiedAt
  mutualRecognition
}`) as unknown as TypedDocumentString<EnterprisesQuery, EnterprisesQueryVariables>;
export const EnterpriseDashboardDocument = new TypedDocumentString(`
    query EnterpriseDashboard($uscc: String!) {
  enterprise(uscc: $uscc) {
    ...EnterprisePublicFields
    creditHistory {
      fromLevel
      toLevel
      reason
      by
      at
      basis
      basisRef
    }
    breaches {
      ...BreachFields
    }
    creditApplications {
      ...CreditApplicationFields
    }
    recalls {
      ...RecallDetailFields
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment RecallFields on Recall {
  id
  code
  productName
  productNameEn
  brand
  model
  type
  status
  enterprise {
    ...EnterpriseRef
  }
  warning {
    id
    code
    title
    titleEn
    level
  }
  unitsAffected
  unitsRecovered
  refundsCny
  completionRate
  announcedAt
}
fragment RecallDetailFields on Recall {
  ...RecallFields
  productCategory
  gtins
  batches
  traceCodes
  crossBorderClass
  hazard
  hazardEn
  deadline
  completedAt
  closedAt
  closeReason
  remedy {
    type
    instructions
    instructionsEn
    contactPhone
    contactUrl
    collectionPoints
  }
  progressReports {
    at
    unitsRecovered
    refundsCny
    note
  }
}
fragment CreditApplicationFields on CreditApplication {
  id
  kind
  state
  reason
  dueAt
  dueDateExact
  overdue
  uscc
  evidenceIds
  breachId
  submittedAt
  decidedAt
  decisionReason
  enterprise {
    ...EnterpriseRef
  }
}
fragment BreachFields on Breach {
  id
  grade
  reason
  at
  source
  sourceRef
  closedAt
  open
}
fragment EnterprisePublicFields on Enterprise {
  ...EnterpriseRef
  region
  regionCode
  customsCode
  types
  isAeo
  aeoCertificateNo
  aeoCertifiedAt
  mutualRecognition
}`) as unknown as TypedDocumentString<EnterpriseDashboardQuery, EnterpriseDashboardQueryVariables>;
export const EnterpriseStaffViewDocument = new TypedDocumentString(`
    query EnterpriseStaffView($uscc: String!) {
  enterprise(uscc: $uscc) {
    ...EnterprisePublicFields
    creditHistory {
      fromLevel
      toLevel
      reason
      by
      at
      basis
      basisRef
    }
    breaches {
      ...BreachFields
    }
    creditApplications {
      ...CreditApplicationFields
    }
    creditProposal {
      fromLevel
      toLevel
      reason
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment CreditApplicationFields on CreditApplication {
  id
  kind
  state
  reason
  dueAt
  dueDateExact
  overdue
  uscc
  evidenceIds
  breachId
  submittedAt
  decidedAt
  decisionReason
  enterprise {
    ...EnterpriseRef
  }
}
fragment BreachFields on Breach {
  id
  grade
  reason
  at
  source
  sourceRef
  closedAt
  open
}
fragment EnterprisePublicFields on Enterprise {
  ...EnterpriseRef
  region
  regionCode
  customsCode
  types
  isAeo
  aeoCertificateNo
  aeoCertifiedAt
  mutualRecognition
}`) as unknown as TypedDocumentString<EnterpriseStaffViewQuery, EnterpriseStaffViewQueryVariables>;
export const CreditApplicationsDocument = new TypedDocumentString(`
    query CreditApplications($states: [ReviewState!], $kinds: [CreditApplicationKind!], $uscc: String, $first: Int, $after: String) {
  creditApplications(
    states: $states
    kinds: $kinds
    uscc: $uscc
    first: $first
    after: $after
  ) {
    totalCount
    edges {
      cursor
      node {
        ...CreditApplicationFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment CreditApplicationFields on CreditApplication {
  id
  kind
  state
  reason
  dueAt
  dueDateExact
  overdue
  uscc
  evidenceIds
  breachId
  submittedAt
  decidedAt
  decisionReason
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<CreditApplicationsQuery, CreditApplicationsQueryVariables>;
export const ApplyCreditRepairDocument = new TypedDocumentString(`
    mutation ApplyCreditRepair($uscc: String!, $reason: String!, $evidenceIds: [String!], $breachId: String) {
  applyCreditRepair(
    uscc: $uscc
    reason: $reason
    evidenceIds: $evidenceIds
    breachId: $breachId
  ) {
    ...CreditApplicationFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment CreditApplicationFields on CreditApplication {
  id
  kind
  state
  reason
  dueAt
  dueDateExact
  overdue
  uscc
  evidenceIds
  breachId
  submittedAt
  decidedAt
  decisionReason
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<ApplyCreditRepairMutation, ApplyCreditRepairMutationVariables>;
export const ObjectToRatingDocument = new TypedDocumentString(`
    mutation ObjectToRating($uscc: String!, $reason: String!, $evidenceIds: [String!]) {
  objectToRating(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds) {
    ...CreditApplicationFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment CreditApplicationFields on CreditApplication {
  id
  kind
  state
  reason
  dueAt
  dueDateExact
  overdue
  uscc
  evidenceIds
  breachId
  submittedAt
  decidedAt
  decisionReason
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<ObjectToRatingMutation, ObjectToRatingMutationVariables>;
export const ReviewCreditApplicationDocument = new TypedDocumentString(`
    mutation ReviewCreditApplication($id: ID!, $approve: Boolean!, $reason: String!) {
  reviewCreditApplication(id: $id, approve: $approve, reason: $reason) {
    ...CreditApplicationFields
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}
fragment CreditApplicationFields on CreditApplication {
  id
  kind
  state
  reason
  dueAt
  dueDateExact
  overdue
  uscc
  evidenceIds
  breachId
  submittedAt
  decidedAt
  decisionReason
  enterprise {
    ...EnterpriseRef
  }
}`) as unknown as TypedDocumentString<ReviewCreditApplicationMutation, ReviewCreditApplicationMutationVariables>;
export const SetCreditLevelDocument = new TypedDocumentString(`
    mutation SetCreditLevel($uscc: String!, $level: CreditLevel!, $reason: String!) {
  setCreditLevel(uscc: $uscc, level: $level, reason: $reason) {
    ...EnterpriseRef
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`) as unknown as TypedDocumentString<SetCreditLevelMutation, SetCreditLevelMutationVariables>;
export const RecordBreachDocument = new TypedDocumentString(`
    mutation RecordBreach($uscc: String!, $grade: BreachGrade!, $reason: String!) {
  recordBreach(uscc: $uscc, grade: $grade, reason: $reason) {
    ...EnterpriseRef
  }
}
    fragment EnterpriseRef on Enterprise {
  id
  uscc
  name
  nameEn
  creditLevel
}`) as unknown as TypedDocumentString<RecordBreachMutation, RecordBreachMutationVariables>;
export const MyComplaintsDocument = new TypedDocumentString(`
    query MyComplaints($first: Int, $after: String) {
  me {
    id
    complaints(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...ComplaintFields
          photos {
            id
            url
            width
            height
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment ComplaintFields on Complaint {
  id
  code
  status
  productName
  brand
  model
  productCode
  productCodeType
  category
  channel
  platform
  region
  description
  createdAt
  pseudonymous
  reason
  enterpriseUscc
  deadlines {
    acceptBy
    acceptedAt
    acceptMet
    mediationBy
    mediationMet
    dueAt
    overdue
    calendarExact
  }
  timeline {
    at
    kind
    status
    note
  }
  answers {
    at
    text
  }
}`) as unknown as TypedDocumentString<MyComplaintsQuery, MyComplaintsQueryVariables>;
export const ComplaintByIdDocument = new TypedDocumentString(`
    query ComplaintById($id: ID!) {
  node(id: $id) {
    __typename
    ... on Complaint {
      ...ComplaintFields
      photos {
        id
        url
        width
        height
      }
    }
  }
}
    fragment ComplaintFields on Complaint {
  id
  code
  status
  productName
  brand
  model
  productCode
  productCodeType
  category
  channel
  platform
  region
  description
  createdAt
  pseudonymous
  reason
  enterpriseUscc
  deadlines {
    acceptBy
    acceptedAt
    acceptMet
    mediationBy
    mediationMet
    dueAt
    overdue
    calendarExact
  }
  timeline {
    at
    kind
    status
    note
  }
  answers {
    at
    text
  }
}`) as unknown as TypedDocumentString<ComplaintByIdQuery, ComplaintByIdQueryVariables>;
export const ComplaintsDocument = new TypedDocumentString(`
    query Complaints($filter: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        ...ComplaintFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ComplaintFields on Complaint {
  id
  code
  status
  productName
  brand
  model
  productCode
  productCodeType
  category
  channel
  platform
  region
  description
  createdAt
  pseudonymous
  reason
  enterpriseUscc
  deadlines {
    acceptBy
    acceptedAt
    acceptMet
    mediationBy
    mediationMet
    dueAt
    overdue
    calendarExact
  }
  timeline {
    at
    kind
    status
    note
  }
  answers {
    at
    text
  }
}`) as unknown as TypedDocumentString<ComplaintsQuery, ComplaintsQueryVariables>;
export const FileComplaintDocument = new TypedDocumentString(`
    mutation FileComplaint($input: FileComplaintInput!, $idempotencyKey: String!) {
  fileComplaint(input: $input, idempotencyKey: $idempotencyKey) {
    id
    code
    status
  }
}
    `) as unknown as TypedDocumentString<FileComplaintMutation, FileComplaintMutationVariables>;
export const TriageComplaintDocument = new TypedDocumentString(`
    mutation TriageComplaint($id: ID!, $status: ComplaintStatus!, $reason: String, $uscc: String) {
  triageComplaint(id: $id, status: $status, reason: $reason, uscc: $uscc) {
    ...ComplaintFields
  }
}
    fragment ComplaintFields on Complaint {
  id
  code
  status
  productName
  brand
  model
  productCode
  productCodeType
  category
  channel
  platform
  region
  description
  createdAt
  pseudonymous
  reason
  enterpriseUscc
  deadlines {
    acceptBy
    acceptedAt
    acceptMet
    mediationBy
    mediationMet
    dueAt
    overdue
    calendarExact
  }
  timeline {
    at
    kind
    status
    note
  }
  answers {
    at
    text
  }
}`) as unknown as TypedDocumentString<TriageComplaintMutation, TriageComplaintMutationVariables>;
export const AnswerComplaintDocument = new TypedDocumentString(`
    mutation AnswerComplaint($id: ID!, $answer: String!) {
  answerComplaint(id: $id, answer: $answer) {
    ...ComplaintFields
  }
}
    fragment ComplaintFields on Complaint {
  id
  code
  status
  productName
  brand
  model
  productCode
  productCodeType
  category
  channel
  platform
  region
  description
  createdAt
  pseudonymous
  reason
  enterpriseUscc
  deadlines {
    acceptBy
    acceptedAt
    acceptMet
    mediationBy
    mediationMet
    dueAt
    overdue
    calendarExact
  }
  timeline {
    at
    kind
    status
    note
  }
  answers {
    at
    text
  }
}`) as unknown as TypedDocumentString<AnswerComplaintMutation, AnswerComplaintMutationVariables>;
export const ComplaintSignalsDocument = new TypedDocumentString(`
    query ComplaintSignals($windowDays: Int!, $threshold: Int!) {
  complaintSignals(windowDays: $windowDays, threshold: $threshold) {
    group
    key
    count
    threshold
    firstAt
    lastAt
  }
}
    `) as unknown as TypedDocumentString<ComplaintSignalsQuery, ComplaintSignalsQueryVariables>;
export const WatchlistDocument = new TypedDocumentString(`
    query Watchlist {
  me {
    id
    watchlist {
      ...WatchedFields
    }
  }
}
    fragment WatchedFields on WatchedProduct {
  code
  codeType
  label
  addedAt
  matches {
    warnings {
      id
      code
      title
      titleEn
      level
    }
    recalls {
      id
      code
      productName
      productNameEn
      status
    }
  }
}`) as unknown as TypedDocumentString<WatchlistQuery, WatchlistQueryVariables>;
export const WatchProductDocument = new TypedDocumentString(`
    mutation WatchProduct($code: String!, $label: String) {
  watchProduct(code: $code, label: $label) {
    ...WatchedFields
  }
}
    fragment WatchedFields on WatchedProduct {
  code
  codeType
  label
  addedAt
  matches {
    warnings {
      id
      code
      title
      titleEn
      level
    }
    recalls {
      id
      code
      productName
      productNameEn
      status
    }
  }
}`) as unknown as TypedDocumentString<WatchProductMutation, WatchProductMutationVariables>;
export const UnwatchProductDocument = new TypedDocumentString(`
    mutation UnwatchProduct($code: String!) {
  unwatchProduct(code: $code) {
    ...WatchedFields
  }
}
    fragment WatchedFields on WatchedProduct {
  code
  codeType
  label
  addedAt
  matches {
    warnings {
      id
      code
      title
      titleEn
      level
    }
    recalls {
      id
      code
      productName
      productNameEn
      status
    }
  }
}`) as unknown as TypedDocumentString<UnwatchProductMutation, UnwatchProductMutationVariables>;