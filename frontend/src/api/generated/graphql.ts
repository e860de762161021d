/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AlertEventType =
  | 'LEVEL_CHANGED'
  | 'LIFTED'
  | 'PUBLISHED';

export type CreditLevel =
  | 'AEO_ADVANCED'
  | 'AEO_CERTIFIED'
  | 'DISHONEST'
  | 'REGULAR'
  | 'SERIOUSLY_DISHONEST';

export type HazardType =
  | 'BIOLOGICAL'
  | 'CHEMICAL'
  | 'ENVIRONMENTAL'
  | 'HEALTH'
  | 'PHYSICAL';

/** A new warning (发布预警). */
export type IssueWarningInput = {
  /** State Council authorisation reference; required for RED (level I). */
  authorizationRef?: string | null | undefined;
  /** Keep as a DRAFT instead of publishing at once. */
  draft?: boolean;
  enterpriseUsccs?: Array<string> | null | undefined;
  hazards: Array<HazardType>;
  hsCodes?: Array<string> | null | undefined;
  /** Issuing authority; defaults to GACC. */
  issuedBy?: string | null | undefined;
  kind: WarningKind;
  level: WarningLevel;
  measures?: Array<Measure> | null | undefined;
  originCountries?: Array<string> | null | undefined;
  productCategory: string;
  regions?: Array<string> | null | undefined;
  summary: string;
  summaryEn?: string | null | undefined;
  title: string;
  titleEn?: string | null | undefined;
};

export type Measure =
  | 'BAN_TRADE'
  | 'CREDIT_DOWNGRADE'
  | 'DEFECT_RECALL'
  | 'DESTRUCTION'
  | 'RESTRICT_TRADE'
  | 'RETURN_SHIPMENT'
  | 'SALES_SUSPENSION'
  | 'SEIZURE'
  | 'TAKE_DOWN'
  | 'TIGHTENED_SUPERVISION'
  | 'TRACEABILITY_INVESTIGATION';

export type RecallStatus =
  | 'ANNOUNCED'
  | 'CLOSED'
  | 'COMPLETED'
  | 'IN_PROGRESS';

export type RecallType =
  | 'ORDERED'
  | 'VOLUNTARY';

export type Role =
  | 'ADMIN'
  | 'AGENCY'
  | 'CONSUMER'
  | 'ENTERPRISE'
  | 'REGULATOR';

export type SignInInput = {
  email: string;
  password: string;
};

export type SignUpInput = {
  displayName?: string | null | undefined;
  email: string;
  locale?: string | null | undefined;
  password: string;
};

/** Filters on warnings (预警筛选); every field narrows, none widens visibility. */
export type WarningFilter = {
  enterpriseUscc?: string | null | undefined;
  hazards?: Array<HazardType> | null | undefined;
  /** HS code prefix, 2-10 digits (dots allowed). */
  hsCodePrefix?: string | null | undefined;
  kinds?: Array<WarningKind> | null | undefined;
  levels?: Array<WarningLevel> | null | undefined;
  /** ISO 3166 code or name. */
  originCountry?: string | null | undefined;
  productCategory?: string | null | undefined;
  publishedAfter?: string | null | undefined;
  publishedBefore?: string | null | undefined;
  statuses?: Array<WarningStatus> | null | undefined;
  /** Words in the Chinese or English title, summary or code. */
  text?: string | null | undefined;
};

export type WarningKind =
  | 'ANNOUNCEMENT'
  | 'CIRCULAR'
  | 'NOTICE';

export type WarningLevel =
  | 'BLUE'
  | 'ORANGE'
  | 'RED'
  | 'YELLOW';

export type WarningStatus =
  | 'DRAFT'
  | 'LIFTED'
  | 'PUBLISHED';

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
    | { __typename: 'Enterprise' }
    | { __typename: 'Recall' }
    | { __typename: 'Warning', hsCodes: Array<string>, originCountries: Array<string>, regions: Array<string>, summary: string, summaryEn: string | null, measures: Array<Measure>, issuedBy: string, authorizationRef: string | null, id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, levelHistory: Array<{ fromLevel: WarningLevel | null, toLevel: WarningLevel, reason: string, by: string, at: string }>, enterprises: Array<{ id: string, uscc: string, name: string, nameEn: string | null, creditLevel: CreditLevel | null }>, recalls: Array<{ id: string, code: string, productName: string, productNameEn: string | null, brand: string | null, status: RecallStatus, completionRate: number }> }
   | null };

export type RecallsQueryVariables = Exact<{
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


export type AlertsSubscription = { alerts: { cursor: string, type: AlertEventType, at: string, previousLevel: WarningLevel | null, warning: { id: string, code: string | null, title: string, titleEn: string | null, level: WarningLevel, kind: WarningKind, status: WarningStatus, hazards: Array<HazardType>, productCategory: string, publishedAt: string | null, liftedAt: string | null, authorizationRef: string | null } } };

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
    query Recalls($first: Int, $after: String) {
  recalls(first: $first, after: $after) {
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