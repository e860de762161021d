// The admin's agency-client documents (issue 14): list with usage and webhook health, create, update,
// rotate the secret, revoke. Only administrators may run them (the server refuses every other role).
import { graphql } from './generated'

graphql(`
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
`)

export const AGENCY_CLIENTS = graphql(`
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
`)

export const CREATE_AGENCY_CLIENT = graphql(`
  mutation CreateAgencyClient($input: CreateAgencyClientInput!) {
    createAgencyClient(input: $input) {
      clientId
      clientSecret
      scopes
    }
  }
`)

export const UPDATE_AGENCY_CLIENT = graphql(`
  mutation UpdateAgencyClient($id: ID!, $input: UpdateAgencyClientInput!) {
    updateAgencyClient(id: $id, input: $input) {
      ...AgencyClientFields
    }
  }
`)

export const ROTATE_AGENCY_CLIENT_SECRET = graphql(`
  mutation RotateAgencyClientSecret($id: ID!, $graceSeconds: Int!) {
    rotateAgencyClientSecret(id: $id, graceSeconds: $graceSeconds) {
      clientSecret
      previousSecretExpiresAt
      client {
        ...AgencyClientFields
      }
    }
  }
`)

export const REVOKE_AGENCY_CLIENT = graphql(`
  mutation RevokeAgencyClient($id: ID!) {
    revokeAgencyClient(id: $id) {
      ...AgencyClientFields
    }
  }
`)
