"""Query limits: token count (at parse), depth, aliases and a cost budget (at validation).

Every refusal answers QUERY_TOO_COMPLEX. The cost of a field is 1 plus its children's cost,
multiplied by the page size of a paginated field (`first`, or 100 when given by a variable).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
)

from gql.pagination import MAX_PAGE

MAX_TOKENS = 5000
MAX_DEPTH = 12
MAX_ALIASES = 50
MAX_COST = 10000
CACHE_SIZE = 512  # parsed and validated documents kept per process


def _page_factor(field: FieldNode) -> int:
    for arg in field.arguments or ():
        if arg.name.value == "first":
            if isinstance(arg.value, IntValueNode):
                return max(1, min(int(arg.value.value), MAX_PAGE))
            return MAX_PAGE  # a variable: assume the largest page
    return 1


class _Measure:
    def __init__(self, fragments: dict[str, Any]) -> None:
        self.fragments = fragments
        self.aliases = 0
        self.max_depth = 0

    def cost(self, selection_set: SelectionSetNode | None, depth: int, seen: frozenset[str]) -> int:
        if selection_set is None:
            return 0
        total = 0
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                if sel.name.value.startswith("__"):
                    continue  # introspection is bounded by the schema itself
                if sel.alias is not None:
                    self.aliases += 1
                self.max_depth = max(self.max_depth, depth)
                total += 1 + _page_factor(sel) * self.cost(sel.selection_set, depth + 1, seen)
            elif isinstance(sel, InlineFragmentNode):
                total += self.cost(sel.selection_set, depth, seen)
            elif isinstance(sel, FragmentSpreadNode):
                name = sel.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in seen:
                    total += self.cost(fragment.selection_set, depth, seen | {name})
        return total


class ComplexityRule(ValidationRule):
    """Refuses operations over the depth, alias or cost limits."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> None:
        fragments = {f.name.value: f for f in self.context.document.definitions if hasattr(f, "type_condition")}
        m = _Measure(fragments)
        cost = m.cost(node.selection_set, 1, frozenset())
        problem = None
        if m.max_depth > MAX_DEPTH:
            problem = f"query depth {m.max_depth} exceeds {MAX_DEPTH}"
        elif m.aliases > MAX_ALIASES:
            problem = f"{m.aliases} aliases exceed {MAX_ALIASES}"
        elif cost > MAX_COST:
            problem = f"query cost {cost} exceeds {MAX_COST}"
        if problem:
            self.report_error(GraphQLError(problem, node, extensions={"code": "QUERY_TOO_COMPLEX"}))
