"""The Starlette service: app, GraphQL view, health, metrics endpoint, feeds, front end, public cache."""
