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
    "\n  query Recalls($first: Int, $after: String) {\n    recalls(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...RecallFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RecallsDocument,
    "\n  mutation IssueWarning($input: IssueWarningInput!) {\n    issueWarning(input: $input) {\n      ...WarningListFields\n    }\n  }\n": typeof types.IssueWarningDocument,
    "\n  mutation PublishWarning($id: ID!) {\n    publishWarning(id: $id) {\n      ...WarningListFields\n    }\n  }\n": typeof types.PublishWarningDocument,
    "\n  mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {\n    adjustWarningLevel(id: $id, level: $level, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": typeof types.AdjustWarningLevelDocument,
    "\n  mutation LiftWarning($id: ID!, $reason: String!) {\n    liftWarning(id: $id, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": typeof types.LiftWarningDocument,
    "\n  subscription Alerts($minLevel: WarningLevel!, $after: String) {\n    alerts(minLevel: $minLevel, after: $after) {\n      cursor\n      type\n      at\n      previousLevel\n      warning {\n        ...WarningListFields\n      }\n    }\n  }\n": typeof types.AlertsDocument,
};
const documents: Documents = {
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
    "\n  query Recalls($first: Int, $after: String) {\n    recalls(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...RecallFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RecallsDocument,
    "\n  mutation IssueWarning($input: IssueWarningInput!) {\n    issueWarning(input: $input) {\n      ...WarningListFields\n    }\n  }\n": types.IssueWarningDocument,
    "\n  mutation PublishWarning($id: ID!) {\n    publishWarning(id: $id) {\n      ...WarningListFields\n    }\n  }\n": types.PublishWarningDocument,
    "\n  mutation AdjustWarningLevel($id: ID!, $level: WarningLevel!, $reason: String!) {\n    adjustWarningLevel(id: $id, level: $level, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": types.AdjustWarningLevelDocument,
    "\n  mutation LiftWarning($id: ID!, $reason: String!) {\n    liftWarning(id: $id, reason: $reason) {\n      ...WarningListFields\n    }\n  }\n": types.LiftWarningDocument,
    "\n  subscription Alerts($minLevel: WarningLevel!, $after: String) {\n    alerts(minLevel: $minLevel, after: $after) {\n      cursor\n      type\n      at\n      previousLevel\n      warning {\n        ...WarningListFields\n      }\n    }\n  }\n": types.AlertsDocument,
};

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
export function graphql(source: "\n  query Recalls($first: Int, $after: String) {\n    recalls(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...RecallFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').RecallsDocument;
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
