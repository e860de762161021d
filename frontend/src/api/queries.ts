// GraphQL documents used by the front end.

export const VIEWER_FIELDS = `
  id email displayName role locale scopes
  enterprise { uscc name creditLevel }
`

export const AUTH_FIELDS = `accessToken refreshToken expiresIn viewer { ${VIEWER_FIELDS} }`

export const WARNING_LIST_FIELDS = `
  id code title titleEn level kind status hazards productCategory publishedAt liftedAt
`

export const WARNING_DETAIL_FIELDS = `
  ${WARNING_LIST_FIELDS}
  hsCodes originCountries regions summary measures issuedBy authorizationRef
  levelHistory { fromLevel toLevel reason by at }
  enterprises { id uscc name creditLevel }
  recalls { id code productName brand status completionRate }
`

export const RECALL_FIELDS = `
  id code productName brand model type status
  enterprise { id uscc name creditLevel }
  warning { id code title level }
  unitsAffected unitsRecovered refundsCny completionRate announcedAt
`

export const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`
export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`
export const REFRESH_TOKEN = `mutation RefreshToken($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ${AUTH_FIELDS} } }`
export const SIGN_OUT = `mutation SignOut($refreshToken: String!) { signOut(refreshToken: $refreshToken) }`
export const ME = `query Me { me { ${VIEWER_FIELDS} } }`

export const WARNINGS = `
query Warnings($filter: WarningFilter, $first: Int, $after: String) {
  warnings(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { ${WARNING_LIST_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`

export const WARNING_BY_ID = `
query WarningById($id: ID!) {
  node(id: $id) { ... on Warning { ${WARNING_DETAIL_FIELDS} } }
}`

export const RECALLS = `
query Recalls($first: Int, $after: String) {
  recalls(first: $first, after: $after) {
    totalCount
    edges { cursor node { ${RECALL_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`

export const ISSUE_WARNING = `
mutation IssueWarning($input: IssueWarningInput!) {
  issueWarning(input: $input) { ${WARNING_LIST_FIELDS} }
}`

export const ADJUST_WARNING_LEVEL = `
mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {
  adjustWarningLevel(id: $id, level: $level, reason: $reason) { ${WARNING_LIST_FIELDS} }
}`

export const LIFT_WARNING = `
mutation LiftWarning($id: ID!, $reason: String!) {
  liftWarning(id: $id, reason: $reason) { ${WARNING_LIST_FIELDS} }
}`

export const ALERTS_SUBSCRIPTION = `
subscription Alerts($minLevel: WarningLevel, $after: String) {
  alerts(minLevel: $minLevel, after: $after) {
    cursor type at
    warning { ${WARNING_LIST_FIELDS} }
  }
}`
