"""Identities, passwords, tokens, roles and scopes. May import documents; never gql."""
