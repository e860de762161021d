// Types mirroring the public GraphQL schema (see shared/contract.md).

export const WARNING_LEVELS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'] as const
export type WarningLevel = (typeof WARNING_LEVELS)[number]

export const WARNING_KINDS = ['CIRCULAR', 'NOTICE', 'ANNOUNCEMENT'] as const
export type WarningKind = (typeof WARNING_KINDS)[number]

export const WARNING_STATUSES = ['DRAFT', 'PUBLISHED', 'LIFTED'] as const
export type WarningStatus = (typeof WARNING_STATUSES)[number]

export const HAZARD_TYPES = ['HEALTH', 'PHYSICAL', 'CHEMICAL', 'BIOLOGICAL', 'ENVIRONMENTAL'] as const
export type HazardType = (typeof HAZARD_TYPES)[number]

export const MEASURES = [
  'CREDIT_DOWNGRADE',
  'TRACEABILITY_INVESTIGATION',
  'DEFECT_RECALL',
  'TIGHTENED_SUPERVISION',
  'RESTRICT_TRADE',
  'BAN_TRADE',
  'SEIZURE',
  'RETURN_SHIPMENT',
  'SALES_SUSPENSION',
  'DESTRUCTION',
  'TAKE_DOWN',
] as const
export type Measure = (typeof MEASURES)[number]

export const ROLES = ['CONSUMER', 'ENTERPRISE', 'REGULATOR', 'AGENCY', 'ADMIN'] as const
export type Role = (typeof ROLES)[number]

export const CREDIT_LEVELS = ['AEO_ADVANCED', 'AEO_CERTIFIED', 'REGULAR', 'DISHONEST', 'SERIOUSLY_DISHONEST'] as const
export type CreditLevel = (typeof CREDIT_LEVELS)[number]

export type RecallType = 'VOLUNTARY' | 'ORDERED'
export type RecallStatus = 'ANNOUNCED' | 'IN_PROGRESS' | 'COMPLETED' | 'CLOSED'
export type AlertEventType = 'PUBLISHED' | 'LEVEL_CHANGED' | 'LIFTED'

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

export interface PageInfo {
  hasNextPage: boolean
  endCursor: string | null
}
export interface Edge<T> {
  cursor: string
  node: T
}
export interface Connection<T> {
  totalCount: number
  edges: Edge<T>[]
  pageInfo: PageInfo
}

export interface EnterpriseRef {
  id: string
  uscc: string
  name: string
  creditLevel: CreditLevel | null
}

export interface LevelChange {
  fromLevel: WarningLevel | null
  toLevel: WarningLevel
  reason: string | null
  by: string | null
  at: string
}

export interface RecallSummary {
  id: string
  code: string
  productName: string
  brand: string | null
  status: RecallStatus
  completionRate: number | null
}

export interface WarningListItem {
  id: string
  code: string
  title: string
  titleEn: string | null
  level: WarningLevel
  kind: WarningKind
  status: WarningStatus
  hazards: HazardType[]
  productCategory: string | null
  publishedAt: string | null
  liftedAt: string | null
}

export interface WarningDetail extends WarningListItem {
  hsCodes: string[] | null
  originCountries: string[] | null
  regions: string[] | null
  summary: string | null
  measures: Measure[] | null
  issuedBy: string | null
  authorizationRef: string | null
  levelHistory: LevelChange[] | null
  enterprises: EnterpriseRef[] | null
  recalls: RecallSummary[] | null
}

export interface Recall {
  id: string
  code: string
  productName: string
  brand: string | null
  model: string | null
  type: RecallType
  status: RecallStatus
  enterprise: EnterpriseRef | null
  warning: { id: string; code: string; title: string; level: WarningLevel } | null
  unitsAffected: number | null
  unitsRecovered: number | null
  refundsCny: number | null
  completionRate: number | null
  announcedAt: string | null
}

export interface Viewer {
  id: string
  email: string
  displayName: string | null
  role: Role
  locale: string | null
  scopes: string[] | null
  enterprise: { uscc: string; name: string; creditLevel: CreditLevel | null } | null
}

export interface AuthPayload {
  accessToken: string
  refreshToken: string
  expiresIn: number
  viewer: Viewer
}

export interface AlertEvent {
  cursor: string
  type: AlertEventType
  at: string
  warning: WarningListItem
}

export interface WarningFilter {
  levels?: WarningLevel[]
  kinds?: WarningKind[]
  statuses?: WarningStatus[]
  hazards?: HazardType[]
  productCategory?: string
  hsCodePrefix?: string
  originCountry?: string
  text?: string
  publishedAfter?: string
  publishedBefore?: string
}

export interface IssueWarningInput {
  title: string
  titleEn?: string
  level: WarningLevel
  kind: WarningKind
  hazards: HazardType[]
  productCategory: string
  hsCodes?: string[]
  originCountries?: string[]
  regions?: string[]
  summary: string
  measures?: Measure[]
  enterpriseUsccs?: string[]
  authorizationRef?: string
  issuedBy?: string
  draft?: boolean
}
