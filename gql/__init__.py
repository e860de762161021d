"""The GraphQL schema per domain (gql/<domain>/), its shared parts (gql/core/) and the service (gql/service/)."""
