"""The schema, assembled from each domain's root types, with limits, caches and error codes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxTokensLimiter, ParserCache, SchemaExtension
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from documents.changelog import actions as changelog_actions
from gql.accounts.mutations import AccountMutation
from gql.accounts.queries import AccountQuery
from gql.alerts.hub import poke_after_mutation
from gql.alerts.subscription import AlertSubscription
from gql.audit.queries import AuditQuery
from gql.audit.types import AuditEntry
from gql.complaints.mutations import ComplaintMutation
from gql.complaints.queries import ComplaintQuery
from gql.complaints.types import Complaint
from gql.core.budget import CostBudget
from gql.core.errors import classify
from gql.core.limits import CACHE_SIZE, MAX_TOKENS, LimitedValidation
from gql.core.metrics import measuring_operation
from gql.core.node import NodeQuery
from gql.core.shared_results import SharedResultExecutionContext
from gql.defects.mutations import DefectMutation
from gql.defects.queries import DefectQuery
from gql.defects.types import DefectReport
from gql.enterprises.mutations import EnterpriseMutation
from gql.enterprises.queries import EnterpriseQuery
from gql.enterprises.types import Enterprise
from gql.products.queries import ProductQuery
from gql.recalls.mutations import RecallMutation
from gql.recalls.queries import RecallQuery
from gql.recalls.types import Recall, RecallDuty
from gql.service.public_cache import hint_after_operation
from gql.warnings.mutations import WarningMutation
from gql.warnings.queries import WarningQuery
from gql.warnings.types import Warning
from gql.watchlist.mutations import WatchlistMutation
from gql.webhooks.mutations import WebhookMutation
from gql.webhooks.queries import WebhookQuery
from gql.webhooks.types import WebhookEndpoint

Query = merge_types("Query", (NodeQuery, WarningQuery, RecallQuery, DefectQuery, EnterpriseQuery, AccountQuery,
                                     ComplaintQuery, ProductQuery, WebhookQuery, AuditQuery))
Mutation = merge_types("Mutation", (AccountMutation, WarningMutation, RecallMutation, DefectMutation,
                                    EnterpriseMutation, ComplaintMutation, WatchlistMutation, WebhookMutation))
Subscription = merge_types("Subscription", (AlertSubscription,))
# merge_types takes no description: the root types get theirs here (the API docs start at them).
ROOT_DESCRIPTIONS = {
    Query: "Reads (查询): warnings, recalls, enterprises and credit, complaints, defect reports, product lookup, "
           "the viewer, and any object by its global id.",
    Mutation: "Writes (变更): each checks its role and the caller's visibility, and answers typed errors "
              "(extensions.code).",
    Subscription: "Real-time alerts (实时预警推送) over graphql-transport-ws, replayable after a cursor.",
}
for _root, _text in ROOT_DESCRIPTIONS.items():
    _root.__strawberry_definition__.description = _text  # type: ignore[attr-defined]


class QsradarSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Give every outgoing error its contract code (and log the unexpected ones)."""
        for error in errors:
            classify(error)


class OperationHooks(SchemaExtension):
    """The service's duties around each operation, in one hook: a subscription holds every operation hook for
    the life of its socket (~1 KB each), so there is one, not three. Metrics and the request's log line; HTTP
    cache hints (gql/service/public_cache.py); reading the change log after a mutation that wrote to it."""

    def on_operation(self) -> Iterator[None]:
        ctx = self.execution_context
        with measuring_operation(ctx), changelog_actions.tracking_appends() as appended:
            yield
        hint_after_operation(ctx)
        poke_after_mutation(ctx, appended)


def build_schema() -> QsradarSchema:
    """A new schema; extensions are classes or factories so no request state is shared."""
    extensions: list[Any] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        LimitedValidation,
        CostBudget,  # after LimitedValidation: costs only valid documents
        OperationHooks,
    ]
    return QsradarSchema(query=Query, mutation=Mutation, subscription=Subscription,
                         types=[Warning, Recall, RecallDuty, DefectReport, Enterprise, Complaint, WebhookEndpoint,
                                AuditEntry],
                         extensions=extensions,
                         execution_context_class=SharedResultExecutionContext)


schema = build_schema()
