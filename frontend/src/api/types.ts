// View-model names for the generated GraphQL types (api/generated/, from schema.graphql and
// the documents in api/queries.ts). Nothing here restates a field: every shape is derived
// from a generated result type, so a schema change shows up as a type error in the views.
import type {
  AlertsSubscription,
  BreachFieldsFragment,
  BreachGrade,
  ComplaintFieldsFragment,
  ComplaintStatus,
  CreditApplicationFieldsFragment,
  CreditLevel,
  DefectReportFieldsFragment,
  DefectReportStatus,
  DutyFieldsFragment,
  DutyState,
  EffectivenessGroup,
  EnterprisePublicFieldsFragment,
  EnterpriseType,
  RecallDetailFieldsFragment,
  RecallStatus,
  RecallType,
  RemedyType,
  ReviewState,
  WatchedFieldsFragment,
  AuthFieldsFragment,
  EnterpriseRefFragment,
  HazardType,
  Measure,
  RecallFieldsFragment,
  ViewerFieldsFragment,
  WarningDetailFieldsFragment,
  WarningKind,
  WarningLevel,
  WarningListFieldsFragment,
  WarningStatus,
} from './generated/graphql'

export type {
  AnnounceRecallInput,
  BreachGrade,
  ComplaintStatus,
  CreditLevel,
  DefectReportStatus,
  DutyState,
  EffectivenessGroup,
  EnterpriseType,
  FileComplaintInput,
  RecallStatus,
  RecallType,
  RemedyType,
  ReviewState,
  HazardType,
  IssueWarningInput,
  Measure,
  Role,
  WarningFilter,
  WarningKind,
  WarningLevel,
  WarningStatus,
} from './generated/graphql'

export type WarningListItem = WarningListFieldsFragment
export type WarningDetail = WarningDetailFieldsFragment
export type Recall = RecallFieldsFragment
export type EnterpriseRef = EnterpriseRefFragment
export type Viewer = ViewerFieldsFragment
export type AuthPayload = AuthFieldsFragment
// A warning alert: the stream's events without a warning (credit changes, complaint signals, watchlist
// matches) are kept apart by alerts.ts (its StreamEvent), so the banner and lists always have one.
export type AlertEvent = Omit<AlertsSubscription['alerts'], 'warning'> & {
  warning: NonNullable<AlertsSubscription['alerts']['warning']>
}
export type RecallDetail = RecallDetailFieldsFragment
export type Duty = DutyFieldsFragment
export type DefectReport = DefectReportFieldsFragment
export type CreditApplication = CreditApplicationFieldsFragment
export type Breach = BreachFieldsFragment
export type EnterprisePublic = EnterprisePublicFieldsFragment
export type Complaint = ComplaintFieldsFragment
export type WatchedProduct = WatchedFieldsFragment

/**
 * Every member of a GraphQL enum, in the order the UI lists them. The generated types are
 * unions (no run-time values, sorted alphabetically); the Record makes a member added to or
 * removed from the schema a type error here, while the key order stays the display order.
 */
function members<T extends string>(order: Record<T, true>): readonly T[] {
  return Object.keys(order) as T[]
}

export const WARNING_LEVELS = members<WarningLevel>({ RED: true, ORANGE: true, YELLOW: true, BLUE: true })
export const WARNING_KINDS = members<WarningKind>({ CIRCULAR: true, NOTICE: true, ANNOUNCEMENT: true })
export const WARNING_STATUSES = members<WarningStatus>({ DRAFT: true, PUBLISHED: true, LIFTED: true })
export const HAZARD_TYPES = members<HazardType>({ HEALTH: true, PHYSICAL: true, CHEMICAL: true, BIOLOGICAL: true, ENVIRONMENTAL: true })
export const MEASURES = members<Measure>({
  CREDIT_DOWNGRADE: true,
  TRACEABILITY_INVESTIGATION: true,
  DEFECT_RECALL: true,
  TIGHTENED_SUPERVISION: true,
  RESTRICT_TRADE: true,
  BAN_TRADE: true,
  SEIZURE: true,
  RETURN_SHIPMENT: true,
  SALES_SUSPENSION: true,
  DESTRUCTION: true,
  TAKE_DOWN: true,
})

export const CREDIT_LEVELS = members<CreditLevel>({ AEO_ADVANCED: true, AEO_CERTIFIED: true, REGULAR: true, DISHONEST: true, SERIOUSLY_DISHONEST: true })
export const RECALL_STATUSES = members<RecallStatus>({ ANNOUNCED: true, IN_PROGRESS: true, COMPLETED: true, CLOSED: true })
export const RECALL_TYPES = members<RecallType>({ VOLUNTARY: true, ORDERED: true })
export const REMEDY_TYPES = members<RemedyType>({ REFUND: true, REPAIR: true, REPLACE: true })
export const DUTY_STATES = members<DutyState>({ OPEN: true, OVERDUE: true, MET: true })
export const BREACH_GRADES = members<BreachGrade>({ MINOR: true, GENERAL: true, SERIOUS: true })
export const REVIEW_STATES = members<ReviewState>({ PENDING: true, APPROVED: true, REJECTED: true })
export const COMPLAINT_STATUSES = members<ComplaintStatus>({ RECEIVED: true, TRIAGED: true, INVESTIGATING: true, RESOLVED: true, REJECTED: true })
export const DEFECT_REPORT_STATUSES = members<DefectReportStatus>({ SUBMITTED: true, UNDER_ASSESSMENT: true, CONFIRMED: true, DISMISSED: true })
export const EFFECTIVENESS_GROUPS = members<EffectivenessGroup>({ CATEGORY: true, BRAND: true, ENTERPRISE: true })
export const ENTERPRISE_TYPES = members<EnterpriseType>({
  MANUFACTURER: true,
  IMPORTER: true,
  EXPORTER: true,
  CROSS_BORDER_PLATFORM: true,
  CROSS_BORDER_OPERATOR: true,
  WAREHOUSE: true,
})

/** The contract's `extensions.code` values, plus NETWORK for a request that got no answer. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'INTERNAL',
  'NETWORK',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
