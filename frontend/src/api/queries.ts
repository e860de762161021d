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

// ---- Recalls, duties, defect reports (issue 11) ----

graphql(`
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
`)

graphql(`
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
`)

graphql(`
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
`)

export const RECALL_BY_ID = graphql(`
  query RecallById($id: ID!) {
    node(id: $id) {
      __typename
      ... on Recall {
        ...RecallDetailFields
      }
    }
  }
`)

export const PRODUCT_LOOKUP = graphql(`
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
`)

export const MY_DUTIES = graphql(`
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
`)

export const RECALL_DUTIES = graphql(`
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
`)

export const REPORT_RECALL_PROGRESS = graphql(`
  mutation ReportRecallProgress($id: ID!, $unitsRecovered: Int!, $refundsCny: Float, $note: String) {
    reportRecallProgress(id: $id, unitsRecovered: $unitsRecovered, refundsCny: $refundsCny, note: $note) {
      ...RecallDetailFields
    }
  }
`)

export const COMPLETE_RECALL = graphql(`
  mutation CompleteRecall($id: ID!) {
    completeRecall(id: $id) {
      ...RecallDetailFields
    }
  }
`)

export const CLOSE_RECALL = graphql(`
  mutation CloseRecall($id: ID!, $reason: String!) {
    closeRecall(id: $id, reason: $reason) {
      ...RecallDetailFields
    }
  }
`)

export const FULFIL_DUTY = graphql(`
  mutation FulfilRecallDuty($id: ID!, $note: String!) {
    fulfilRecallDuty(id: $id, note: $note) {
      ...DutyFields
    }
  }
`)

export const ANNOUNCE_RECALL = graphql(`
  mutation AnnounceRecall($input: AnnounceRecallInput!) {
    announceRecall(input: $input) {
      ...RecallFields
    }
  }
`)

export const ORDER_RECALL = graphql(`
  mutation OrderRecall($input: AnnounceRecallInput!, $defectReportId: ID) {
    orderRecall(input: $input, defectReportId: $defectReportId) {
      ...RecallFields
    }
  }
`)

export const SUBMIT_DEFECT_REPORT = graphql(`
  mutation SubmitDefectReport($input: DefectReportInput!) {
    submitDefectReport(input: $input) {
      ...DefectReportFields
    }
  }
`)

export const DEFECT_REPORTS = graphql(`
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
`)

export const BEGIN_DEFECT_ASSESSMENT = graphql(`
  mutation BeginDefectAssessment($id: ID!) {
    beginDefectAssessment(id: $id) {
      ...DefectReportFields
    }
  }
`)

export const ASSESS_DEFECT_REPORT = graphql(`
  mutation AssessDefectReport($id: ID!, $confirmed: Boolean!, $reason: String!, $recall: AnnounceRecallInput) {
    assessDefectReport(id: $id, confirmed: $confirmed, reason: $reason, recall: $recall) {
      ...DefectReportFields
    }
  }
`)

export const RECALL_EFFECTIVENESS = graphql(`
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
`)

// ---- Enterprise credit (issue 12) ----

graphql(`
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
`)

graphql(`
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
`)

graphql(`
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
`)

export const ENTERPRISES = graphql(`
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
`)

export const ENTERPRISE_DASHBOARD = graphql(`
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
`)

export const ENTERPRISE_STAFF_VIEW = graphql(`
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
`)

export const CREDIT_APPLICATIONS = graphql(`
  query CreditApplications($states: [ReviewState!], $kinds: [CreditApplicationKind!], $uscc: String, $first: Int, $after: String) {
    creditApplications(states: $states, kinds: $kinds, uscc: $uscc, first: $first, after: $after) {
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
`)

export const APPLY_CREDIT_REPAIR = graphql(`
  mutation ApplyCreditRepair($uscc: String!, $reason: String!, $evidenceIds: [String!], $breachId: String) {
    applyCreditRepair(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds, breachId: $breachId) {
      ...CreditApplicationFields
    }
  }
`)

export const OBJECT_TO_RATING = graphql(`
  mutation ObjectToRating($uscc: String!, $reason: String!, $evidenceIds: [String!]) {
    objectToRating(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds) {
      ...CreditApplicationFields
    }
  }
`)

export const REVIEW_CREDIT_APPLICATION = graphql(`
  mutation ReviewCreditApplication($id: ID!, $approve: Boolean!, $reason: String!) {
    reviewCreditApplication(id: $id, approve: $approve, reason: $reason) {
      ...CreditApplicationFields
    }
  }
`)

export const SET_CREDIT_LEVEL = graphql(`
  mutation SetCreditLevel($uscc: String!, $level: CreditLevel!, $reason: String!) {
    setCreditLevel(uscc: $uscc, level: $level, reason: $reason) {
      ...EnterpriseRef
    }
  }
`)

export const RECORD_BREACH = graphql(`
  mutation RecordBreach($uscc: String!, $grade: BreachGrade!, $reason: String!) {
    recordBreach(uscc: $uscc, grade: $grade, reason: $reason) {
      ...EnterpriseRef
    }
  }
`)

// ---- Complaints, lookup, watchlist (issue 13) ----

graphql(`
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
`)

export const MY_COMPLAINTS = graphql(`
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
`)

export const COMPLAINT_BY_ID = graphql(`
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
`)

export const COMPLAINTS = graphql(`
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
`)

export const FILE_COMPLAINT = graphql(`
  mutation FileComplaint($input: FileComplaintInput!, $idempotencyKey: String!) {
    fileComplaint(input: $input, idempotencyKey: $idempotencyKey) {
      id
      code
      status
    }
  }
`)

export const TRIAGE_COMPLAINT = graphql(`
  mutation TriageComplaint($id: ID!, $status: ComplaintStatus!, $reason: String, $uscc: String) {
    triageComplaint(id: $id, status: $status, reason: $reason, uscc: $uscc) {
      ...ComplaintFields
    }
  }
`)

export const ANSWER_COMPLAINT = graphql(`
  mutation AnswerComplaint($id: ID!, $answer: String!) {
    answerComplaint(id: $id, answer: $answer) {
      ...ComplaintFields
    }
  }
`)

export const COMPLAINT_SIGNALS = graphql(`
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
`)

graphql(`
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
`)

export const WATCHLIST = graphql(`
  query Watchlist {
    me {
      id
      watchlist {
        ...WatchedFields
      }
    }
  }
`)

export const WATCH_PRODUCT = graphql(`
  mutation WatchProduct($code: String!, $label: String) {
    watchProduct(code: $code, label: $label) {
      ...WatchedFields
    }
  }
`)

export const UNWATCH_PRODUCT = graphql(`
  mutation UnwatchProduct($code: String!) {
    unwatchProduct(code: $code) {
      ...WatchedFields
    }
  }
`)
