"""The front end's types are generated from frontend/schema.graphql, which must be the service's SDL (`make schema`)."""

from __future__ import annotations

from gql.schema import schema
from tests.stack import ROOT


def test_checked_in_sdl_is_the_service_schema() -> None:
    checked_in = (ROOT / "frontend" / "schema.graphql").read_text()
    assert checked_in.strip() == schema.as_str().strip(), "frontend/schema.graphql is stale: run `make schema`"
