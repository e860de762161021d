/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription AlertStream($minLevel: WarningLevel!, $after: String, $filter: AlertFilter) {\n    alerts(minLevel: $minLevel, after: $after, filter: $filter) {\n      cursor\n      type\n      trigger\n      at\n      previousLevel\n      creditLevel\n      previousCreditLevel\n      warning {\n        ...WarningListFields\n      }\n      recall {\n        id\n        code\n        productName\n        productNameEn\n      }\n      watched {\n        code\n        label\n      }\n      enterprise {\n        uscc\n        name\n        nameEn\n      }\n      signal {\n        group\n        key\n        count\n        threshold\n      }\n    }\n  }\n": typeof types.AlertStreamDocument,
    "\n  fragment AgencyClientFields on AgencyClient {\n    id\n    clientId\n    name\n    country\n    scopes\n    disabled\n    revokedAt\n    createdAt\n    secretRotatedAt\n    previousSecretExpiresAt\n    revision\n    budget {\n      maximum\n      restoreRate\n      custom\n    }\n  }\n": typeof types.AgencyClientFieldsFragmentDoc,
    "\n  query AgencyClients($first: Int, $after: String) {\n    agencyClients(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AgencyClientFields\n          usage(days: 14) {\n            day\n            requests\n            cost\n            errors\n          }\n          webhookHealth {\n            endpoints\n            enabled\n            disabled\n            pendingDeliveries\n            failedDeliveries\n            lastSuccessAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.AgencyClientsDocument,
    "\n  mutation CreateAgencyClient($input: CreateAgencyClientInput!) {\n    createAgencyClient(input: $input) {\n      clientId\n      clientSecret\n      scopes\n    }\n  }\n": typeof types.CreateAgencyClientDocument,
    "\n  mutation UpdateAgencyClient($id: ID!, $input: UpdateAgencyClientInput!) {\n    updateAgencyClient(id: $id, input: $input) {\n      ...AgencyClientFields\n    }\n  }\n": typeof types.UpdateAgencyClientDocument,
    "\n  mutation RotateAgencyClientSecret($id: ID!, $graceSeconds: Int!) {\n    rotateAgencyClientSecret(id: $id, graceSeconds: $graceSeconds) {\n      clientSecret\n      previousSecretExpiresAt\n      client {\n        ...AgencyClientFields\n      }\n    }\n  }\n": typeof types.RotateAgencyClientSecretDocument,
    "\n  mutation RevokeAgencyClient($id: ID!) {\n    revokeAgencyClient(id: $id) {\n      ...AgencyClientFields\n    }\n  }\n": typeof types.RevokeAgencyClientDocument,
    "\n  fragment EnterpriseRef on Enterprise {\n    id\n    uscc\n    name\n    nameEn\n    creditLevel\n  }\n": typeof types.EnterpriseRefFragmentDoc,
    "\n  fragment ViewerFields on Viewer {\n    id\n    email\n    displayName\n    role\n    locale\n    scopes\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    viewer {\n      ...ViewerFields\n    }\n  }\n": typeof types.AuthFieldsFragmentDoc,
    "\n  fragment WarningListFields on Warning {\n    id\n    code\n    title\n    titleEn\n    level\n    kind\n    status\n    hazards\n    productCategory\n    publishedAt\n    liftedAt\n    authorizationRef\n  }\n": typeof types.WarningListFieldsFragmentDoc,
    "\n  fragment WarningDetailFields on Warning {\n    ...WarningListFields\n    hsCodes\n    originCountries\n    regions\n    summary\n    summaryEn\n    measures\n    issuedBy\n    authorizationRef\n    levelHistory {\n      fromLevel\n      toLevel\n      reason\n      by\n      at\n    }\n    enterprises {\n      ...EnterpriseRef\n    }\n    recalls {\n      id\n      code\n      productName\n      productNameEn\n      brand\n      status\n      completionRate\n    }\n  }\n": typeof types.WarningDetailFieldsFragmentDoc,
    "\n  fragment RecallFields on Recall {\n    id\n    code\n    productName\n    productNameEn\n    brand\n    model\n    type\n    status\n    enterprise {\n      ...EnterpriseRef\n    }\n    warning {\n      id\n      code\n      title\n      titleEn\n      level\n    }\n    unitsAffected\n    unitsRecovered\n    refundsCny\n    completionRate\n    announcedAt\n  }\n": typeof types.RecallFieldsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...AuthFields\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": typeof types.SignOutDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Warnings($filter: WarningFilter, $first: Int, $after: String) {\n    warnings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...WarningListFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WarningsDocument,
    "\n  query WarningById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Warning {\n        ...WarningDetailFields\n      }\n    }\n  }\n": typeof types.WarningByIdDocument,
    "\n  query Recalls($filter: RecallFilter, $first: Int, $after: String) {\n    recalls(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...RecallFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RecallsDocument,
    "\n  mutation IssueWarning($input: IssueWarningInput!) {\n    issueWarning(input: $input) {\n      ...WarningListFields\n    }\n  }\n": typeof types.IssueWarningDocument,
    "\n  mutation PublishWarning($id: ID!) {\n    publishWarning(id: $id) {\n      ...WarningListFields\n    }\n  }\n": typeof types.PublishWarningDocument,
    "\n  mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {\n    adjustWarningLevel(id: $id, level: $level, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": typeof types.AdjustWarningLevelDocument,
    "\n  mutation LiftWarning($id: ID!, $reason: String!) {\n    liftWarning(id: $id, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": typeof types.LiftWarningDocument,
    "\n  subscription Alerts($minLevel: WarningLevel!, $after: String) {\n    alerts(minLevel: $minLevel, after: $after) {\n      cursor\n      type\n      at\n      previousLevel\n      warning {\n        ...WarningListFields\n      }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  fragment RecallDetailFields on Recall {\n    ...RecallFields\n    productCategory\n    gtins\n    batches\n    traceCodes\n    crossBorderClass\n    hazard\n    hazardEn\n    deadline\n    completedAt\n    closedAt\n    closeReason\n    remedy {\n      type\n      instructions\n      instructionsEn\n      contactPhone\n      contactUrl\n      collectionPoints\n    }\n    progressReports {\n      at\n      unitsRecovered\n      refundsCny\n      note\n    }\n  }\n": typeof types.RecallDetailFieldsFragmentDoc,
    "\n  fragment DutyFields on RecallDuty {\n    id\n    kind\n    title\n    titleEn\n    state\n    dueAt\n    dueDay\n    calendarExact\n    workingDaysLeft\n    overdueHours\n    metAt\n    recall {\n      id\n      code\n      productName\n      productNameEn\n      status\n      unitsAffected\n      unitsRecovered\n      refundsCny\n      completionRate\n    }\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n": typeof types.DutyFieldsFragmentDoc,
    "\n  fragment DefectReportFields on DefectReport {\n    id\n    code\n    status\n    reporterKind\n    productName\n    brand\n    model\n    gtin\n    uscc\n    description\n    evidenceIds\n    createdAt\n    assessment\n    assessedAt\n    mine\n    enterprise {\n      ...EnterpriseRef\n    }\n    recall {\n      id\n      code\n    }\n  }\n": typeof types.DefectReportFieldsFragmentDoc,
    "\n  query RecallById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Recall {\n        ...RecallDetailFields\n      }\n    }\n  }\n": typeof types.RecallByIdDocument,
    "\n  query ProductLookup($code: String!) {\n    productLookup(code: $code) {\n      code\n      codeType\n      valid\n      gtin14\n      product {\n        code\n        codeType\n        name\n        nameEn\n        brand\n        model\n        category\n        enterprise {\n          ...EnterpriseRef\n        }\n      }\n      warnings {\n        ...WarningListFields\n      }\n      recalls {\n        ...RecallFields\n      }\n    }\n  }\n": typeof types.ProductLookupDocument,
    "\n  query MyDuties($states: [DutyState!], $first: Int, $after: String) {\n    me {\n      id\n      duties(states: $states, first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...DutyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MyDutiesDocument,
    "\n  query RecallDuties($filter: RecallDutyFilter, $first: Int, $after: String) {\n    recallDuties(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DutyFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RecallDutiesDocument,
    "\n  mutation ReportRecallProgress($id: ID!, $unitsRecovered: Int!, $refundsCny: Float, $note: String) {\n    reportRecallProgress(id: $id, unitsRecovered: $unitsRecovered, refundsCny: $refundsCny, note: $note) {\n      ...RecallDetailFields\n    }\n  }\n": typeof types.ReportRecallProgressDocument,
    "\n  mutation CompleteRecall($id: ID!) {\n    completeRecall(id: $id) {\n      ...RecallDetailFields\n    }\n  }\n": typeof types.CompleteRecallDocument,
    "\n  mutation CloseRecall($id: ID!, $reason: String!) {\n    closeRecall(id: $id, reason: $reason) {\n      ...RecallDetailFields\n    }\n  }\n": typeof types.CloseRecallDocument,
    "\n  mutation FulfilRecallDuty($id: ID!, $note: String!) {\n    fulfilRecallDuty(id: $id, note: $note) {\n      ...DutyFields\n    }\n  }\n": typeof types.FulfilRecallDutyDocument,
    "\n  mutation AnnounceRecall($input: AnnounceRecallInput!) {\n    announceRecall(input: $input) {\n      ...RecallFields\n    }\n  }\n": typeof types.AnnounceRecallDocument,
    "\n  mutation OrderRecall($input: AnnounceRecallInput!, $defectReportId: ID) {\n    orderRecall(input: $input, defectReportId: $defectReportId) {\n      ...RecallFields\n    }\n  }\n": typeof types.OrderRecallDocument,
    "\n  mutation SubmitDefectReport($input: DefectReportInput!) {\n    submitDefectReport(input: $input) {\n      ...DefectReportFields\n    }\n  }\n": typeof types.SubmitDefectReportDocument,
    "\n  query DefectReports($statuses: [DefectReportStatus!], $first: Int, $after: String) {\n    defectReports(statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DefectReportFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DefectReportsDocument,
    "\n  mutation BeginDefectAssessment($id: ID!) {\n    beginDefectAssessment(id: $id) {\n      ...DefectReportFields\n    }\n  }\n": typeof types.BeginDefectAssessmentDocument,
    "\n  mutation AssessDefectReport($id: ID!, $confirmed: Boolean!, $reason: String!, $recall: AnnounceRecallInput) {\n    assessDefectReport(id: $id, confirmed: $confirmed, reason: $reason, recall: $recall) {\n      ...DefectReportFields\n    }\n  }\n": typeof types.AssessDefectReportDocument,
    "\n  query RecallEffectiveness($groupBy: EffectivenessGroup!, $since: DateTime) {\n    recallEffectiveness(groupBy: $groupBy, since: $since) {\n      key\n      label\n      recalls\n      unitsAffected\n      unitsRecovered\n      refundsCny\n      completionRate\n    }\n  }\n": typeof types.RecallEffectivenessDocument,
    "\n  fragment CreditApplicationFields on CreditApplication {\n    id\n    kind\n    state\n    reason\n    dueAt\n    dueDateExact\n    overdue\n    uscc\n    evidenceIds\n    breachId\n    submittedAt\n    decidedAt\n    decisionReason\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n": typeof types.CreditApplicationFieldsFragmentDoc,
    "\n  fragment BreachFields on Breach {\n    id\n    grade\n    reason\n    at\n    source\n    sourceRef\n    closedAt\n    open\n  }\n": typeof types.BreachFieldsFragmentDoc,
    "\n  fragment EnterprisePublicFields on Enterprise {\n    ...EnterpriseRef\n    region\n    regionCode\n    customsCode\n    types\n    isAeo\n    aeoCertificateNo\n    aeoCertifiedAt\n    mutualRecognition\n  }\n": typeof types.EnterprisePublicFieldsFragmentDoc,
    "\n  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {\n    enterprises(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EnterprisePublicFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EnterprisesDocument,
    "\n  query EnterpriseDashboard($uscc: String!) {\n    enterprise(uscc: $uscc) {\n      ...EnterprisePublicFields\n      creditHistory {\n        fromLevel\n        toLevel\n        reason\n        by\n        at\n        basis\n        basisRef\n      }\n      breaches {\n        ...BreachFields\n      }\n      creditApplications {\n        ...CreditApplicationFields\n      }\n      recalls {\n        ...RecallDetailFields\n      }\n    }\n  }\n": typeof types.EnterpriseDashboardDocument,
    "\n  query EnterpriseStaffView($uscc: String!) {\n    enterprise(uscc: $uscc) {\n      ...EnterprisePublicFields\n      creditHistory {\n        fromLevel\n        toLevel\n        reason\n        by\n        at\n        basis\n        basisRef\n      }\n      breaches {\n        ...BreachFields\n      }\n      creditApplications {\n        ...CreditApplicationFields\n      }\n      creditProposal {\n        fromLevel\n        toLevel\n        reason\n      }\n    }\n  }\n": typeof types.EnterpriseStaffViewDocument,
    "\n  query CreditApplications($states: [ReviewState!], $kinds: [CreditApplicationKind!], $uscc: String, $first: Int, $after: String) {\n    creditApplications(states: $states, kinds: $kinds, uscc: $uscc, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CreditApplicationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CreditApplicationsDocument,
    "\n  mutation ApplyCreditRepair($uscc: String!, $reason: String!, $evidenceIds: [String!], $breachId: String) {\n    applyCreditRepair(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds, breachId: $breachId) {\n      ...CreditApplicationFields\n    }\n  }\n": typeof types.ApplyCreditRepairDocument,
    "\n  mutation ObjectToRating($uscc: String!, $reason: String!, $evidenceIds: [String!]) {\n    objectToRating(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds) {\n      ...CreditApplicationFields\n    }\n  }\n": typeof types.ObjectToRatingDocument,
    "\n  mutation ReviewCreditApplication($id: ID!, $approve: Boolean!, $reason: String!) {\n    reviewCreditApplication(id: $id, approve: $approve, reason: $reason) {\n      ...CreditApplicationFields\n    }\n  }\n": typeof types.ReviewCreditApplicationDocument,
    "\n  mutation SetCreditLevel($uscc: String!, $level: CreditLevel!, $reason: String!) {\n    setCreditLevel(uscc: $uscc, level: $level, reason: $reason) {\n      ...EnterpriseRef\n    }\n  }\n": typeof types.SetCreditLevelDocument,
    "\n  mutation RecordBreach($uscc: String!, $grade: BreachGrade!, $reason: String!) {\n    recordBreach(uscc: $uscc, grade: $grade, reason: $reason) {\n      ...EnterpriseRef\n    }\n  }\n": typeof types.RecordBreachDocument,
    "\n  fragment ComplaintFields on Complaint {\n    id\n    code\n    status\n    productName\n    brand\n    model\n    productCode\n    productCodeType\n    category\n    channel\n    platform\n    region\n    description\n    createdAt\n    pseudonymous\n    reason\n    enterpriseUscc\n    deadlines {\n      acceptBy\n      acceptedAt\n      acceptMet\n      mediationBy\n      mediationMet\n      dueAt\n      overdue\n      calendarExact\n    }\n    timeline {\n      at\n      kind\n      status\n      note\n    }\n    answers {\n      at\n      text\n    }\n  }\n": typeof types.ComplaintFieldsFragmentDoc,
    "\n  query MyComplaints($first: Int, $after: String) {\n    me {\n      id\n      complaints(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...ComplaintFields\n            photos {\n              id\n              url\n              width\n              height\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MyComplaintsDocument,
    "\n  query ComplaintById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Complaint {\n        ...ComplaintFields\n        photos {\n          id\n          url\n          width\n          height\n        }\n      }\n    }\n  }\n": typeof types.ComplaintByIdDocument,
    "\n  query Complaints($filter: ComplaintFilter, $first: Int, $after: String) {\n    complaints(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ComplaintFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ComplaintsDocument,
    "\n  mutation FileComplaint($input: FileComplaintInput!, $idempotencyKey: String!) {\n    fileComplaint(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      code\n      status\n    }\n  }\n": typeof types.FileComplaintDocument,
    "\n  mutation TriageComplaint($id: ID!, $status: ComplaintStatus!, $reason: String, $uscc: String) {\n    triageComplaint(id: $id, status: $status, reason: $reason, uscc: $uscc) {\n      ...ComplaintFields\n    }\n  }\n": typeof types.TriageComplaintDocument,
    "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      ...ComplaintFields\n    }\n  }\n": typeof types.AnswerComplaintDocument,
    "\n  query ComplaintSignals($windowDays: Int!, $threshold: Int!) {\n    complaintSignals(windowDays: $windowDays, threshold: $threshold) {\n      group\n      key\n      count\n      threshold\n      firstAt\n      lastAt\n    }\n  }\n": typeof types.ComplaintSignalsDocument,
    "\n  fragment WatchedFields on WatchedProduct {\n    code\n    codeType\n    label\n    addedAt\n    matches {\n      warnings {\n        id\n        code\n        title\n        titleEn\n        level\n      }\n      recalls {\n        id\n        code\n        productName\n        productNameEn\n        status\n      }\n    }\n  }\n": typeof types.WatchedFieldsFragmentDoc,
    "\n  query Watchlist {\n    me {\n      id\n      watchlist {\n        ...WatchedFields\n      }\n    }\n  }\n": typeof types.WatchlistDocument,
    "\n  mutation WatchProduct($code: String!, $label: String) {\n    watchProduct(code: $code, label: $label) {\n      ...WatchedFields\n    }\n  }\n": typeof types.WatchProductDocument,
    "\n  mutation UnwatchProduct($code: String!) {\n    unwatchProduct(code: $code) {\n      ...WatchedFields\n    }\n  }\n": typeof types.UnwatchProductDocument,
};
const documents: Documents = {
    "\n  subscription AlertStream($minLevel: WarningLevel!, $after: String, $filter: AlertFilter) {\n    alerts(minLevel: $minLevel, after: $after, filter: $filter) {\n      cursor\n      type\n      trigger\n      at\n      previousLevel\n      creditLevel\n      previousCreditLevel\n      warning {\n        ...WarningListFields\n      }\n      recall {\n        id\n        code\n        productName\n        productNameEn\n      }\n      watched {\n        code\n        label\n      }\n      enterprise {\n        uscc\n        name\n        nameEn\n      }\n      signal {\n        group\n        key\n        count\n        threshold\n      }\n    }\n  }\n": types.AlertStreamDocument,
    "\n  fragment AgencyClientFields on AgencyClient {\n    id\n    clientId\n    name\n    country\n    scopes\n    disabled\n    revokedAt\n    createdAt\n    secretRotatedAt\n    previousSecretExpiresAt\n    revision\n    budget {\n      maximum\n      restoreRate\n      custom\n    }\n  }\n": types.AgencyClientFieldsFragmentDoc,
    "\n  query AgencyClients($first: Int, $after: String) {\n    agencyClients(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AgencyClientFields\n          usage(days: 14) {\n            day\n            requests\n            cost\n            errors\n          }\n          webhookHealth {\n            endpoints\n            enabled\n            disabled\n            pendingDeliveries\n            failedDeliveries\n            lastSuccessAt\n          }\n        }\n      }\n    }\n  }\n": types.AgencyClientsDocument,
    "\n  mutation CreateAgencyClient($input: CreateAgencyClientInput!) {\n    createAgencyClient(input: $input) {\n      clientId\n      clientSecret\n      scopes\n    }\n  }\n": types.CreateAgencyClientDocument,
    "\n  mutation UpdateAgencyClient($id: ID!, $input: UpdateAgencyClientInput!) {\n    updateAgencyClient(id: $id, input: $input) {\n      ...AgencyClientFields\n    }\n  }\n": types.UpdateAgencyClientDocument,
    "\n  mutation RotateAgencyClientSecret($id: ID!, $graceSeconds: Int!) {\n    rotateAgencyClientSecret(id: $id, graceSeconds: $graceSeconds) {\n      clientSecret\n      previousSecretExpiresAt\n      client {\n        ...AgencyClientFields\n      }\n    }\n  }\n": types.RotateAgencyClientSecretDocument,
    "\n  mutation RevokeAgencyClient($id: ID!) {\n    revokeAgencyClient(id: $id) {\n      ...AgencyClientFields\n    }\n  }\n": types.RevokeAgencyClientDocument,
    "\n  fragment EnterpriseRef on Enterprise {\n    id\n    uscc\n    name\n    nameEn\n    creditLevel\n  }\n": types.EnterpriseRefFragmentDoc,
    "\n  fragment ViewerFields on Viewer {\n    id\n    email\n    displayName\n    role\n    locale\n    scopes\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    viewer {\n      ...ViewerFields\n    }\n  }\n": types.AuthFieldsFragmentDoc,
    "\n  fragment WarningListFields on Warning {\n    id\n    code\n    title\n    titleEn\n    level\n    kind\n    status\n    hazards\n    productCategory\n    publishedAt\n    liftedAt\n    authorizationRef\n  }\n": types.WarningListFieldsFragmentDoc,
    "\n  fragment WarningDetailFields on Warning {\n    ...WarningListFields\n    hsCodes\n    originCountries\n    regions\n    summary\n    summaryEn\n    measures\n    issuedBy\n    authorizationRef\n    levelHistory {\n      fromLevel\n      toLevel\n      reason\n      by\n      at\n    }\n    enterprises {\n      ...EnterpriseRef\n    }\n    recalls {\n      id\n      code\n      productName\n      productNameEn\n      brand\n      status\n      completionRate\n    }\n  }\n": types.WarningDetailFieldsFragmentDoc,
    "\n  fragment RecallFields on Recall {\n    id\n    code\n    productName\n    productNameEn\n    brand\n    model\n    type\n    status\n    enterprise {\n      ...EnterpriseRef\n    }\n    warning {\n      id\n      code\n      title\n      titleEn\n      level\n    }\n    unitsAffected\n    unitsRecovered\n    refundsCny\n    completionRate\n    announcedAt\n  }\n": types.RecallFieldsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...AuthFields\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n": types.SignOutDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  query Warnings($filter: WarningFilter, $first: Int, $after: String) {\n    warnings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...WarningListFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WarningsDocument,
    "\n  query WarningById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Warning {\n        ...WarningDetailFields\n      }\n    }\n  }\n": types.WarningByIdDocument,
    "\n  query Recalls($filter: RecallFilter, $first: Int, $after: String) {\n    recalls(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...RecallFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RecallsDocument,
    "\n  mutation IssueWarning($input: IssueWarningInput!) {\n    issueWarning(input: $input) {\n      ...WarningListFields\n    }\n  }\n": types.IssueWarningDocument,
    "\n  mutation PublishWarning($id: ID!) {\n    publishWarning(id: $id) {\n      ...WarningListFields\n    }\n  }\n": types.PublishWarningDocument,
    "\n  mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {\n    adjustWarningLevel(id: $id, level: $level, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": types.AdjustWarningLevelDocument,
    "\n  mutation LiftWarning($id: ID!, $reason: String!) {\n    liftWarning(id: $id, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": types.LiftWarningDocument,
    "\n  subscription Alerts($minLevel: WarningLevel!, $after: String) {\n    alerts(minLevel: $minLevel, after: $after) {\n      cursor\n      type\n      at\n      previousLevel\n      warning {\n        ...WarningListFields\n      }\n    }\n  }\n": types.AlertsDocument,
    "\n  fragment RecallDetailFields on Recall {\n    ...RecallFields\n    productCategory\n    gtins\n    batches\n    traceCodes\n    crossBorderClass\n    hazard\n    hazardEn\n    deadline\n    completedAt\n    closedAt\n    closeReason\n    remedy {\n      type\n      instructions\n      instructionsEn\n      contactPhone\n      contactUrl\n      collectionPoints\n    }\n    progressReports {\n      at\n      unitsRecovered\n      refundsCny\n      note\n    }\n  }\n": types.RecallDetailFieldsFragmentDoc,
    "\n  fragment DutyFields on RecallDuty {\n    id\n    kind\n    title\n    titleEn\n    state\n    dueAt\n    dueDay\n    calendarExact\n    workingDaysLeft\n    overdueHours\n    metAt\n    recall {\n      id\n      code\n      productName\n      productNameEn\n      status\n      unitsAffected\n      unitsRecovered\n      refundsCny\n      completionRate\n    }\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n": types.DutyFieldsFragmentDoc,
    "\n  fragment DefectReportFields on DefectReport {\n    id\n    code\n    status\n    reporterKind\n    productName\n    brand\n    model\n    gtin\n    uscc\n    description\n    evidenceIds\n    createdAt\n    assessment\n    assessedAt\n    mine\n    enterprise {\n      ...EnterpriseRef\n    }\n    recall {\n      id\n      code\n    }\n  }\n": types.DefectReportFieldsFragmentDoc,
    "\n  query RecallById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Recall {\n        ...RecallDetailFields\n      }\n    }\n  }\n": types.RecallByIdDocument,
    "\n  query ProductLookup($code: String!) {\n    productLookup(code: $code) {\n      code\n      codeType\n      valid\n      gtin14\n      product {\n        code\n        codeType\n        name\n        nameEn\n        brand\n        model\n        category\n        enterprise {\n          ...EnterpriseRef\n        }\n      }\n      warnings {\n        ...WarningListFields\n      }\n      recalls {\n        ...RecallFields\n      }\n    }\n  }\n": types.ProductLookupDocument,
    "\n  query MyDuties($states: [DutyState!], $first: Int, $after: String) {\n    me {\n      id\n      duties(states: $states, first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...DutyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MyDutiesDocument,
    "\n  query RecallDuties($filter: RecallDutyFilter, $first: Int, $after: String) {\n    recallDuties(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DutyFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RecallDutiesDocument,
    "\n  mutation ReportRecallProgress($id: ID!, $unitsRecovered: Int!, $refundsCny: Float, $note: String) {\n    reportRecallProgress(id: $id, unitsRecovered: $unitsRecovered, refundsCny: $refundsCny, note: $note) {\n      ...RecallDetailFields\n    }\n  }\n": types.ReportRecallProgressDocument,
    "\n  mutation CompleteRecall($id: ID!) {\n    completeRecall(id: $id) {\n      ...RecallDetailFields\n    }\n  }\n": types.CompleteRecallDocument,
    "\n  mutation CloseRecall($id: ID!, $reason: String!) {\n    closeRecall(id: $id, reason: $reason) {\n      ...RecallDetailFields\n    }\n  }\n": types.CloseRecallDocument,
    "\n  mutation FulfilRecallDuty($id: ID!, $note: String!) {\n    fulfilRecallDuty(id: $id, note: $note) {\n      ...DutyFields\n    }\n  }\n": types.FulfilRecallDutyDocument,
    "\n  mutation AnnounceRecall($input: AnnounceRecallInput!) {\n    announceRecall(input: $input) {\n      ...RecallFields\n    }\n  }\n": types.AnnounceRecallDocument,
    "\n  mutation OrderRecall($input: AnnounceRecallInput!, $defectReportId: ID) {\n    orderRecall(input: $input, defectReportId: $defectReportId) {\n      ...RecallFields\n    }\n  }\n": types.OrderRecallDocument,
    "\n  mutation SubmitDefectReport($input: DefectReportInput!) {\n    submitDefectReport(input: $input) {\n      ...DefectReportFields\n    }\n  }\n": types.SubmitDefectReportDocument,
    "\n  query DefectReports($statuses: [DefectReportStatus!], $first: Int, $after: String) {\n    defectReports(statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DefectReportFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DefectReportsDocument,
    "\n  mutation BeginDefectAssessment($id: ID!) {\n    beginDefectAssessment(id: $id) {\n      ...DefectReportFields\n    }\n  }\n": types.BeginDefectAssessmentDocument,
    "\n  mutation AssessDefectReport($id: ID!, $confirmed: Boolean!, $reason: String!, $recall: AnnounceRecallInput) {\n    assessDefectReport(id: $id, confirmed: $confirmed, reason: $reason, recall: $recall) {\n      ...DefectReportFields\n    }\n  }\n": types.AssessDefectReportDocument,
    "\n  query RecallEffectiveness($groupBy: EffectivenessGroup!, $since: DateTime) {\n    recallEffectiveness(groupBy: $groupBy, since: $since) {\n      key\n      label\n      recalls\n      unitsAffected\n      unitsRecovered\n      refundsCny\n      completionRate\n    }\n  }\n": types.RecallEffectivenessDocument,
    "\n  fragment CreditApplicationFields on CreditApplication {\n    id\n    kind\n    state\n    reason\n    dueAt\n    dueDateExact\n    overdue\n    uscc\n    evidenceIds\n    breachId\n    submittedAt\n    decidedAt\n    decisionReason\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n": types.CreditApplicationFieldsFragmentDoc,
    "\n  fragment BreachFields on Breach {\n    id\n    grade\n    reason\n    at\n    source\n    sourceRef\n    closedAt\n    open\n  }\n": types.BreachFieldsFragmentDoc,
    "\n  fragment EnterprisePublicFields on Enterprise {\n    ...EnterpriseRef\n    region\n    regionCode\n    customsCode\n    types\n    isAeo\n    aeoCertificateNo\n    aeoCertifiedAt\n    mutualRecognition\n  }\n": types.EnterprisePublicFieldsFragmentDoc,
    "\n  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {\n    enterprises(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EnterprisePublicFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EnterprisesDocument,
    "\n  query EnterpriseDashboard($uscc: String!) {\n    enterprise(uscc: $uscc) {\n      ...EnterprisePublicFields\n      creditHistory {\n        fromLevel\n        toLevel\n        reason\n        by\n        at\n        basis\n        basisRef\n      }\n      breaches {\n        ...BreachFields\n      }\n      creditApplications {\n        ...CreditApplicationFields\n      }\n      recalls {\n        ...RecallDetailFields\n      }\n    }\n  }\n": types.EnterpriseDashboardDocument,
    "\n  query EnterpriseStaffView($uscc: String!) {\n    enterprise(uscc: $uscc) {\n      ...EnterprisePublicFields\n      creditHistory {\n        fromLevel\n        toLevel\n        reason\n        by\n        at\n        basis\n        basisRef\n      }\n      breaches {\n        ...BreachFields\n      }\n      creditApplications {\n        ...CreditApplicationFields\n      }\n      creditProposal {\n        fromLevel\n        toLevel\n        reason\n      }\n    }\n  }\n": types.EnterpriseStaffViewDocument,
    "\n  query CreditApplications($states: [ReviewState!], $kinds: [CreditApplicationKind!], $uscc: String, $first: Int, $after: String) {\n    creditApplications(states: $states, kinds: $kinds, uscc: $uscc, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CreditApplicationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CreditApplicationsDocument,
    "\n  mutation ApplyCreditRepair($uscc: String!, $reason: String!, $evidenceIds: [String!], $breachId: String) {\n    applyCreditRepair(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds, breachId: $breachId) {\n      ...CreditApplicationFields\n    }\n  }\n": types.ApplyCreditRepairDocument,
    "\n  mutation ObjectToRating($uscc: String!, $reason: String!, $evidenceIds: [String!]) {\n    objectToRating(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds) {\n      ...CreditApplicationFields\n    }\n  }\n": types.ObjectToRatingDocument,
    "\n  mutation ReviewCreditApplication($id: ID!, $approve: Boolean!, $reason: String!) {\n    reviewCreditApplication(id: $id, approve: $approve, reason: $reason) {\n      ...CreditApplicationFields\n    }\n  }\n": types.ReviewCreditApplicationDocument,
    "\n  mutation SetCreditLevel($uscc: String!, $level: CreditLevel!, $reason: String!) {\n    setCreditLevel(uscc: $uscc, level: $level, reason: $reason) {\n      ...EnterpriseRef\n    }\n  }\n": types.SetCreditLevelDocument,
    "\n  mutation RecordBreach($uscc: String!, $grade: BreachGrade!, $reason: String!) {\n    recordBreach(uscc: $uscc, grade: $grade, reason: $reason) {\n      ...EnterpriseRef\n    }\n  }\n": types.RecordBreachDocument,
    "\n  fragment ComplaintFields on Complaint {\n    id\n    code\n    status\n    productName\n    brand\n    model\n    productCode\n    productCodeType\n    category\n    channel\n    platform\n    region\n    description\n    createdAt\n    pseudonymous\n    reason\n    enterpriseUscc\n    deadlines {\n      acceptBy\n      acceptedAt\n      acceptMet\n      mediationBy\n      mediationMet\n      dueAt\n      overdue\n      calendarExact\n    }\n    timeline {\n      at\n      kind\n      status\n      note\n    }\n    answers {\n      at\n      text\n    }\n  }\n": types.ComplaintFieldsFragmentDoc,
    "\n  query MyComplaints($first: Int, $after: String) {\n    me {\n      id\n      complaints(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...ComplaintFields\n            photos {\n              id\n              url\n              width\n              height\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MyComplaintsDocument,
    "\n  query ComplaintById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Complaint {\n        ...ComplaintFields\n        photos {\n          id\n          url\n          width\n          height\n        }\n      }\n    }\n  }\n": types.ComplaintByIdDocument,
    "\n  query Complaints($filter: ComplaintFilter, $first: Int, $after: String) {\n    complaints(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ComplaintFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ComplaintsDocument,
    "\n  mutation FileComplaint($input: FileComplaintInput!, $idempotencyKey: String!) {\n    fileComplaint(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      code\n      status\n    }\n  }\n": types.FileComplaintDocument,
    "\n  mutation TriageComplaint($id: ID!, $status: ComplaintStatus!, $reason: String, $uscc: String) {\n    triageComplaint(id: $id, status: $status, reason: $reason, uscc: $uscc) {\n      ...ComplaintFields\n    }\n  }\n": types.TriageComplaintDocument,
    "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      ...ComplaintFields\n    }\n  }\n": types.AnswerComplaintDocument,
    "\n  query ComplaintSignals($windowDays: Int!, $threshold: Int!) {\n    complaintSignals(windowDays: $windowDays, threshold: $threshold) {\n      group\n      key\n      count\n      threshold\n      firstAt\n      lastAt\n    }\n  }\n": types.ComplaintSignalsDocument,
    "\n  fragment WatchedFields on WatchedProduct {\n    code\n    codeType\n    label\n    addedAt\n    matches {\n      warnings {\n        id\n        code\n        title\n        titleEn\n        level\n      }\n      recalls {\n        id\n        code\n        productName\n        productNameEn\n        status\n      }\n    }\n  }\n": types.WatchedFieldsFragmentDoc,
    "\n  query Watchlist {\n    me {\n      id\n      watchlist {\n        ...WatchedFields\n      }\n    }\n  }\n": types.WatchlistDocument,
    "\n  mutation WatchProduct($code: String!, $label: String) {\n    watchProduct(code: $code, label: $label) {\n      ...WatchedFields\n    }\n  }\n": types.WatchProductDocument,
    "\n  mutation UnwatchProduct($code: String!) {\n    unwatchProduct(code: $code) {\n      ...WatchedFields\n    }\n  }\n": types.UnwatchProductDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertStream($minLevel: WarningLevel!, $after: String, $filter: AlertFilter) {\n    alerts(minLevel: $minLevel, after: $after, filter: $filter) {\n      cursor\n      type\n      trigger\n      at\n      previousLevel\n      creditLevel\n      previousCreditLevel\n      warning {\n        ...WarningListFields\n      }\n      recall {\n        id\n        code\n        productName\n        productNameEn\n      }\n      watched {\n        code\n        label\n      }\n      enterprise {\n        uscc\n        name\n        nameEn\n      }\n      signal {\n        group\n        key\n        count\n        threshold\n      }\n    }\n  }\n"): typeof import('./graphql').AlertStreamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgencyClientFields on AgencyClient {\n    id\n    clientId\n    name\n    country\n    scopes\n    disabled\n    revokedAt\n    createdAt\n    secretRotatedAt\n    previousSecretExpiresAt\n    revision\n    budget {\n      maximum\n      restoreRate\n      custom\n    }\n  }\n"): typeof import('./graphql').AgencyClientFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgencyClients($first: Int, $after: String) {\n    agencyClients(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AgencyClientFields\n          usage(days: 14) {\n            day\n            requests\n            cost\n            errors\n          }\n          webhookHealth {\n            endpoints\n            enabled\n            disabled\n            pendingDeliveries\n            failedDeliveries\n            lastSuccessAt\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AgencyClientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAgencyClient($input: CreateAgencyClientInput!) {\n    createAgencyClient(input: $input) {\n      clientId\n      clientSecret\n      scopes\n    }\n  }\n"): typeof import('./graphql').CreateAgencyClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgencyClient($id: ID!, $input: UpdateAgencyClientInput!) {\n    updateAgencyClient(id: $id, input: $input) {\n      ...AgencyClientFields\n    }\n  }\n"): typeof import('./graphql').UpdateAgencyClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateAgencyClientSecret($id: ID!, $graceSeconds: Int!) {\n    rotateAgencyClientSecret(id: $id, graceSeconds: $graceSeconds) {\n      clientSecret\n      previousSecretExpiresAt\n      client {\n        ...AgencyClientFields\n      }\n    }\n  }\n"): typeof import('./graphql').RotateAgencyClientSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAgencyClient($id: ID!) {\n    revokeAgencyClient(id: $id) {\n      ...AgencyClientFields\n    }\n  }\n"): typeof import('./graphql').RevokeAgencyClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnterpriseRef on Enterprise {\n    id\n    uscc\n    name\n    nameEn\n    creditLevel\n  }\n"): typeof import('./graphql').EnterpriseRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    id\n    email\n    displayName\n    role\n    locale\n    scopes\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n"): typeof import('./graphql').ViewerFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    expiresIn\n    viewer {\n      ...ViewerFields\n    }\n  }\n"): typeof import('./graphql').AuthFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WarningListFields on Warning {\n    id\n    code\n    title\n    titleEn\n    level\n    kind\n    status\n    hazards\n    productCategory\n    publishedAt\n    liftedAt\n    authorizationRef\n  }\n"): typeof import('./graphql').WarningListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WarningDetailFields on Warning {\n    ...WarningListFields\n    hsCodes\n    originCountries\n    regions\n    summary\n    summaryEn\n    measures\n    issuedBy\n    authorizationRef\n    levelHistory {\n      fromLevel\n      toLevel\n      reason\n      by\n      at\n    }\n    enterprises {\n      ...EnterpriseRef\n    }\n    recalls {\n      id\n      code\n      productName\n      productNameEn\n      brand\n      status\n      completionRate\n    }\n  }\n"): typeof import('./graphql').WarningDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecallFields on Recall {\n    id\n    code\n    productName\n    productNameEn\n    brand\n    model\n    type\n    status\n    enterprise {\n      ...EnterpriseRef\n    }\n    warning {\n      id\n      code\n      title\n      titleEn\n      level\n    }\n    unitsAffected\n    unitsRecovered\n    refundsCny\n    completionRate\n    announcedAt\n  }\n"): typeof import('./graphql').RecallFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...AuthFields\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...AuthFields\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      ...AuthFields\n    }\n  }\n"): typeof import('./graphql').RefreshTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($refreshToken: String!) {\n    signOut(refreshToken: $refreshToken)\n  }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Warnings($filter: WarningFilter, $first: Int, $after: String) {\n    warnings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...WarningListFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').WarningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarningById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Warning {\n        ...WarningDetailFields\n      }\n    }\n  }\n"): typeof import('./graphql').WarningByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recalls($filter: RecallFilter, $first: Int, $after: String) {\n    recalls(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...RecallFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').RecallsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueWarning($input: IssueWarningInput!) {\n    issueWarning(input: $input) {\n      ...WarningListFields\n    }\n  }\n"): typeof import('./graphql').IssueWarningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishWarning($id: ID!) {\n    publishWarning(id: $id) {\n      ...WarningListFields\n    }\n  }\n"): typeof import('./graphql').PublishWarningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {\n    adjustWarningLevel(id: $id, level: $level, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n"): typeof import('./graphql').AdjustWarningLevelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiftWarning($id: ID!, $reason: String!) {\n    liftWarning(id: $id, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n"): typeof import('./graphql').LiftWarningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Alerts($minLevel: WarningLevel!, $after: String) {\n    alerts(minLevel: $minLevel, after: $after) {\n      cursor\n      type\n      at\n      previousLevel\n      warning {\n        ...WarningListFields\n      }\n    }\n  }\n"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecallDetailFields on Recall {\n    ...RecallFields\n    productCategory\n    gtins\n    batches\n    traceCodes\n    crossBorderClass\n    hazard\n    hazardEn\n    deadline\n    completedAt\n    closedAt\n    closeReason\n    remedy {\n      type\n      instructions\n      instructionsEn\n      contactPhone\n      contactUrl\n      collectionPoints\n    }\n    progressReports {\n      at\n      unitsRecovered\n      refundsCny\n      note\n    }\n  }\n"): typeof import('./graphql').RecallDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DutyFields on RecallDuty {\n    id\n    kind\n    title\n    titleEn\n    state\n    dueAt\n    dueDay\n    calendarExact\n    workingDaysLeft\n    overdueHours\n    metAt\n    recall {\n      id\n      code\n      productName\n      productNameEn\n      status\n      unitsAffected\n      unitsRecovered\n      refundsCny\n      completionRate\n    }\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n"): typeof import('./graphql').DutyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DefectReportFields on DefectReport {\n    id\n    code\n    status\n    reporterKind\n    productName\n    brand\n    model\n    gtin\n    uscc\n    description\n    evidenceIds\n    createdAt\n    assessment\n    assessedAt\n    mine\n    enterprise {\n      ...EnterpriseRef\n    }\n    recall {\n      id\n      code\n    }\n  }\n"): typeof import('./graphql').DefectReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecallById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Recall {\n        ...RecallDetailFields\n      }\n    }\n  }\n"): typeof import('./graphql').RecallByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductLookup($code: String!) {\n    productLookup(code: $code) {\n      code\n      codeType\n      valid\n      gtin14\n      product {\n        code\n        codeType\n        name\n        nameEn\n        brand\n        model\n        category\n        enterprise {\n          ...EnterpriseRef\n        }\n      }\n      warnings {\n        ...WarningListFields\n      }\n      recalls {\n        ...RecallFields\n      }\n    }\n  }\n"): typeof import('./graphql').ProductLookupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDuties($states: [DutyState!], $first: Int, $after: String) {\n    me {\n      id\n      duties(states: $states, first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...DutyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyDutiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecallDuties($filter: RecallDutyFilter, $first: Int, $after: String) {\n    recallDuties(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DutyFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').RecallDutiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportRecallProgress($id: ID!, $unitsRecovered: Int!, $refundsCny: Float, $note: String) {\n    reportRecallProgress(id: $id, unitsRecovered: $unitsRecovered, refundsCny: $refundsCny, note: $note) {\n      ...RecallDetailFields\n    }\n  }\n"): typeof import('./graphql').ReportRecallProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteRecall($id: ID!) {\n    completeRecall(id: $id) {\n      ...RecallDetailFields\n    }\n  }\n"): typeof import('./graphql').CompleteRecallDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseRecall($id: ID!, $reason: String!) {\n    closeRecall(id: $id, reason: $reason) {\n      ...RecallDetailFields\n    }\n  }\n"): typeof import('./graphql').CloseRecallDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FulfilRecallDuty($id: ID!, $note: String!) {\n    fulfilRecallDuty(id: $id, note: $note) {\n      ...DutyFields\n    }\n  }\n"): typeof import('./graphql').FulfilRecallDutyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnnounceRecall($input: AnnounceRecallInput!) {\n    announceRecall(input: $input) {\n      ...RecallFields\n    }\n  }\n"): typeof import('./graphql').AnnounceRecallDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderRecall($input: AnnounceRecallInput!, $defectReportId: ID) {\n    orderRecall(input: $input, defectReportId: $defectReportId) {\n      ...RecallFields\n    }\n  }\n"): typeof import('./graphql').OrderRecallDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDefectReport($input: DefectReportInput!) {\n    submitDefectReport(input: $input) {\n      ...DefectReportFields\n    }\n  }\n"): typeof import('./graphql').SubmitDefectReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DefectReports($statuses: [DefectReportStatus!], $first: Int, $after: String) {\n    defectReports(statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...DefectReportFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').DefectReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginDefectAssessment($id: ID!) {\n    beginDefectAssessment(id: $id) {\n      ...DefectReportFields\n    }\n  }\n"): typeof import('./graphql').BeginDefectAssessmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssessDefectReport($id: ID!, $confirmed: Boolean!, $reason: String!, $recall: AnnounceRecallInput) {\n    assessDefectReport(id: $id, confirmed: $confirmed, reason: $reason, recall: $recall) {\n      ...DefectReportFields\n    }\n  }\n"): typeof import('./graphql').AssessDefectReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecallEffectiveness($groupBy: EffectivenessGroup!, $since: DateTime) {\n    recallEffectiveness(groupBy: $groupBy, since: $since) {\n      key\n      label\n      recalls\n      unitsAffected\n      unitsRecovered\n      refundsCny\n      completionRate\n    }\n  }\n"): typeof import('./graphql').RecallEffectivenessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CreditApplicationFields on CreditApplication {\n    id\n    kind\n    state\n    reason\n    dueAt\n    dueDateExact\n    overdue\n    uscc\n    evidenceIds\n    breachId\n    submittedAt\n    decidedAt\n    decisionReason\n    enterprise {\n      ...EnterpriseRef\n    }\n  }\n"): typeof import('./graphql').CreditApplicationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BreachFields on Breach {\n    id\n    grade\n    reason\n    at\n    source\n    sourceRef\n    closedAt\n    open\n  }\n"): typeof import('./graphql').BreachFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnterprisePublicFields on Enterprise {\n    ...EnterpriseRef\n    region\n    regionCode\n    customsCode\n    types\n    isAeo\n    aeoCertificateNo\n    aeoCertifiedAt\n    mutualRecognition\n  }\n"): typeof import('./graphql').EnterprisePublicFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {\n    enterprises(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EnterprisePublicFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').EnterprisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterpriseDashboard($uscc: String!) {\n    enterprise(uscc: $uscc) {\n      ...EnterprisePublicFields\n      creditHistory {\n        fromLevel\n        toLevel\n        reason\n        by\n        at\n        basis\n        basisRef\n      }\n      breaches {\n        ...BreachFields\n      }\n      creditApplications {\n        ...CreditApplicationFields\n      }\n      recalls {\n        ...RecallDetailFields\n      }\n    }\n  }\n"): typeof import('./graphql').EnterpriseDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterpriseStaffView($uscc: String!) {\n    enterprise(uscc: $uscc) {\n      ...EnterprisePublicFields\n      creditHistory {\n        fromLevel\n        toLevel\n        reason\n        by\n        at\n        basis\n        basisRef\n      }\n      breaches {\n        ...BreachFields\n      }\n      creditApplications {\n        ...CreditApplicationFields\n      }\n      creditProposal {\n        fromLevel\n        toLevel\n        reason\n      }\n    }\n  }\n"): typeof import('./graphql').EnterpriseStaffViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditApplications($states: [ReviewState!], $kinds: [CreditApplicationKind!], $uscc: String, $first: Int, $after: String) {\n    creditApplications(states: $states, kinds: $kinds, uscc: $uscc, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CreditApplicationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').CreditApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyCreditRepair($uscc: String!, $reason: String!, $evidenceIds: [String!], $breachId: String) {\n    applyCreditRepair(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds, breachId: $breachId) {\n      ...CreditApplicationFields\n    }\n  }\n"): typeof import('./graphql').ApplyCreditRepairDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObjectToRating($uscc: String!, $reason: String!, $evidenceIds: [String!]) {\n    objectToRating(uscc: $uscc, reason: $reason, evidenceIds: $evidenceIds) {\n      ...CreditApplicationFields\n    }\n  }\n"): typeof import('./graphql').ObjectToRatingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewCreditApplication($id: ID!, $approve: Boolean!, $reason: String!) {\n    reviewCreditApplication(id: $id, approve: $approve, reason: $reason) {\n      ...CreditApplicationFields\n    }\n  }\n"): typeof import('./graphql').ReviewCreditApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCreditLevel($uscc: String!, $level: CreditLevel!, $reason: String!) {\n    setCreditLevel(uscc: $uscc, level: $level, reason: $reason) {\n      ...EnterpriseRef\n    }\n  }\n"): typeof import('./graphql').SetCreditLevelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBreach($uscc: String!, $grade: BreachGrade!, $reason: String!) {\n    recordBreach(uscc: $uscc, grade: $grade, reason: $reason) {\n      ...EnterpriseRef\n    }\n  }\n"): typeof import('./graphql').RecordBreachDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ComplaintFields on Complaint {\n    id\n    code\n    status\n    productName\n    brand\n    model\n    productCode\n    productCodeType\n    category\n    channel\n    platform\n    region\n    description\n    createdAt\n    pseudonymous\n    reason\n    enterpriseUscc\n    deadlines {\n      acceptBy\n      acceptedAt\n      acceptMet\n      mediationBy\n      mediationMet\n      dueAt\n      overdue\n      calendarExact\n    }\n    timeline {\n      at\n      kind\n      status\n      note\n    }\n    answers {\n      at\n      text\n    }\n  }\n"): typeof import('./graphql').ComplaintFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyComplaints($first: Int, $after: String) {\n    me {\n      id\n      complaints(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...ComplaintFields\n            photos {\n              id\n              url\n              width\n              height\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyComplaintsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplaintById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Complaint {\n        ...ComplaintFields\n        photos {\n          id\n          url\n          width\n          height\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ComplaintByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Complaints($filter: ComplaintFilter, $first: Int, $after: String) {\n    complaints(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ComplaintFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ComplaintsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileComplaint($input: FileComplaintInput!, $idempotencyKey: String!) {\n    fileComplaint(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      code\n      status\n    }\n  }\n"): typeof import('./graphql').FileComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TriageComplaint($id: ID!, $status: ComplaintStatus!, $reason: String, $uscc: String) {\n    triageComplaint(id: $id, status: $status, reason: $reason, uscc: $uscc) {\n      ...ComplaintFields\n    }\n  }\n"): typeof import('./graphql').TriageComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      ...ComplaintFields\n    }\n  }\n"): typeof import('./graphql').AnswerComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplaintSignals($windowDays: Int!, $threshold: Int!) {\n    complaintSignals(windowDays: $windowDays, threshold: $threshold) {\n      group\n      key\n      count\n      threshold\n      firstAt\n      lastAt\n    }\n  }\n"): typeof import('./graphql').ComplaintSignalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WatchedFields on WatchedProduct {\n    code\n    codeType\n    label\n    addedAt\n    matches {\n      warnings {\n        id\n        code\n        title\n        titleEn\n        level\n      }\n      recalls {\n        id\n        code\n        productName\n        productNameEn\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').WatchedFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Watchlist {\n    me {\n      id\n      watchlist {\n        ...WatchedFields\n      }\n    }\n  }\n"): typeof import('./graphql').WatchlistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WatchProduct($code: String!, $label: String) {\n    watchProduct(code: $code, label: $label) {\n      ...WatchedFields\n    }\n  }\n"): typeof import('./graphql').WatchProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnwatchProduct($code: String!) {\n    unwatchProduct(code: $code) {\n      ...WatchedFields\n    }\n  }\n"): typeof import('./graphql').UnwatchProductDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
