// GraphQL documents used by the front end. `npm run codegen` reads every `graphql(...)`
// call in src/ and writes their result and variable types to api/generated/; the call
// returns a typed document string, so `gql(DOC, vars)` checks the variables and types the
// answer. Fragments are referenced by name: the generated document carries their text.
//
// English fields (titleEn, summaryEn, productNameEn, nameEn) are always requested, so that
// switching the language shows them at once without refetching every list.
import { graphql } from './generated'

graphql(`
  fragment EnterpriseRef on Enterprise {
    id
    uscc
    name
    nameEn
    creditLevel
  }
`)

graphql(`
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
`)

graphql(`
  fragment AuthFields on AuthPayload {
    accessToken
    refreshToken
    expiresIn
    viewer {
      ...ViewerFields
    }
  }
`)

graphql(`
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
`)

graphql(`
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
`)

graphql(`
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
`)

export const SIGN_IN = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...AuthFields
    }
  }
`)

export const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...AuthFields
    }
  }
`)

export const REFRESH_TOKEN = graphql(`
  mutation RefreshToken($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      ...AuthFields
    }
  }
`)

export const SIGN_OUT = graphql(`
  mutation SignOut($refreshToken: String!) {
    signOut(refreshToken: $refreshToken)
  }
`)

export const ME = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`)

export const WARNINGS = graphql(`
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
`)

export const WARNING_BY_ID = graphql(`
  query WarningById($id: ID!) {
    node(id: $id) {
      __typename
      ... on Warning {
        ...WarningDetailFields
      }
    }
  }
`)

export const RECALLS = graphql(`
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
`)

export const ISSUE_WARNING = graphql(`
  mutation IssueWarning($input: IssueWarningInput!) {
    issueWarning(input: $input) {
      ...WarningListFields
    }
  }
`)

export const PUBLISH_WARNING = graphql(`
  mutation PublishWarning($id: ID!) {
    publishWarning(id: $id) {
      ...WarningListFields
    }
  }
`)

export const ADJUST_WARNING_LEVEL = graphql(`
  mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {
    adjustWarningLevel(id: $id, level: $level, reason: $reason) {
      ...WarningListFields
    }
  }
`)

export const LIFT_WARNING = graphql(`
  mutation LiftWarning($id: ID!, $reason: String!) {
    liftWarning(id: $id, reason: $reason) {
      ...WarningListFields
    }
  }
`)

export const ALERTS_SUBSCRIPTION = graphql(`
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
`)
