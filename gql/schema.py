"""The schema: root types merged from each capability, limits, caches and error codes."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxTokensLimiter, ParserCache
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from gql.accounts import AccountMutation, AccountQuery
from gql.alerts import AlertSubscription
from gql.enterprises import Enterprise, EnterpriseMutation, EnterpriseQuery
from gql.errors import classify
from gql.limits import CACHE_SIZE, MAX_TOKENS, LimitedValidation
from gql.metrics import OperationMetrics
from gql.node import NodeQuery
from gql.public_cache import PublicCacheHints
from gql.shared_results import SharedResultExecutionContext
from gql.recalls import Recall, RecallQuery
from gql.warning_mutations import WarningMutation
from gql.warnings import Warning, WarningQuery

Query = merge_types("Query", (NodeQuery, WarningQuery, RecallQuery, EnterpriseQuery, AccountQuery))
Mutation = merge_types("Mutation", (AccountMutation, WarningMutation, EnterpriseMutation))
Subscription = merge_types("Subscription", (AlertSubscription,))


class QsradarSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Give every outgoing error its contract code (and log the unexpected ones)."""
        for error in errors:
            classify(error)


def build_schema() -> QsradarSchema:
    """A new schema; extensions are classes or factories so no request state is shared."""
    extensions: list[Any] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        LimitedValidation,
        OperationMetrics,
        PublicCacheHints,
    ]
    return QsradarSchema(query=Query, mutation=Mutation, subscription=Subscription,
                         types=[Warning, Recall, Enterprise], extensions=extensions,
                         execution_context_class=SharedResultExecutionContext)


schema = build_schema()
