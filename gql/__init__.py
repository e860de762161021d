"""The strawberry GraphQL schema and the Starlette app that serves it."""
