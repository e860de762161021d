"""Query limits: token count (at parse), then depth, aliases, introspection and a cost budget, measured
before graphql-core's own validation so no document can make validation itself slow.

Every refusal answers QUERY_TOO_COMPLEX. The cost of a field is 1 plus its children's cost, multiplied by
the page size of a paginated field (`first`, or the largest page when given by a variable). Each fragment is
measured once and its measure reused wherever it is spread, so the work is linear in the document's size
(re-walking a fragment per spread doubled the time per level of `fragment F1 { ...F2 ...F2 }`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from gql.core.connections import DEFAULT_PAGE, MAX_PAGE

MAX_TOKENS = 5000
MAX_DEPTH = 12
MAX_ALIASES = 50
MAX_COST = 10000
MAX_SELECTIONS = 1000  # written fields and spreads: graphql-core's overlap check is quadratic in them
MAX_INTROSPECTION_ROOTS = 2  # GraphiQL sends one `__schema`; 100 aliased ones were 3.1 MB an answer
CACHE_SIZE = 512  # parsed and validated documents kept per process
_INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
# Saturate counts here: a fragment bomb's true cost is astronomically large and only "over" matters.
_CAP = 1 << 62


@dataclass(frozen=True, slots=True)
class Measure:
    """What one selection set weighs: cost, depth below it, aliases and introspection roots in it."""

    cost: int = 0
    depth: int = 0
    aliases: int = 0
    introspection: int = 0

    def plus(self, other: Measure) -> Measure:
        return Measure(min(self.cost + other.cost, _CAP), max(self.depth, other.depth),
                       min(self.aliases + other.aliases, _CAP), min(self.introspection + other.introspection, _CAP))


_CONNECTION_CHILDREN = frozenset({"edges", "nodes"})


def _page_factor(field: FieldNode, variables: dict[str, Any] | None = None) -> int:
    """The page size a field multiplies its children by. Without `variables` (validation, cached per document):
    a variable counts as the largest page. With them (the budget, gql/core/budget.py): the variable's value, and a
    connection (a field selecting `edges`/`nodes`) without `first` counts as the default page."""
    for arg in field.arguments or ():
        if arg.name.value == "first":
            if isinstance(arg.value, IntValueNode):
                return max(1, min(int(arg.value.value), MAX_PAGE))
            if variables is None:
                return MAX_PAGE  # a variable: assume the largest page
            value = variables.get(arg.value.name.value) if isinstance(arg.value, VariableNode) else None
            if isinstance(value, int) and not isinstance(value, bool):
                return max(1, min(value, MAX_PAGE))
            if isinstance(arg.value, VariableNode | NullValueNode) and value is None:
                return DEFAULT_PAGE
            return MAX_PAGE
    if variables is not None and field.selection_set is not None and any(
            isinstance(s, FieldNode) and s.name.value in _CONNECTION_CHILDREN for s in field.selection_set.selections):
        return DEFAULT_PAGE
    return 1


class _Measurer:
    """Measures selection sets; each named fragment once (a cycle counts as empty: validation refuses it)."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any] | None = None) -> None:
        self.fragments = fragments
        self.variables = variables
        self.done: dict[str, Measure] = {}
        self.in_progress: set[str] = set()

    def fragment(self, name: str) -> Measure:
        if (known := self.done.get(name)) is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return Measure()
        self.in_progress.add(name)
        measure = self.selection_set(definition.selection_set, in_introspection=False)
        self.in_progress.discard(name)
        self.done[name] = measure
        return measure

    def selection_set(self, selection_set: SelectionSetNode | None, in_introspection: bool) -> Measure:
        total = Measure()
        if selection_set is None:
            return total
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                introspective = in_introspection or sel.name.value in _INTROSPECTION_ROOTS
                child = self.selection_set(sel.selection_set, introspective)
                # Introspection depth is bounded by the schema's type wrappers (GraphiQL's own query is 13
                # deep), so it does not count towards depth; its aliases and cost do.
                depth = 0 if introspective else 1 + child.depth
                total = total.plus(Measure(
                    cost=min(1 + _page_factor(sel, self.variables) * child.cost, _CAP),
                    depth=depth,
                    aliases=child.aliases + (sel.alias is not None),
                    introspection=child.introspection + (sel.name.value in _INTROSPECTION_ROOTS),
                ))
            elif isinstance(sel, InlineFragmentNode):
                total = total.plus(self.selection_set(sel.selection_set, in_introspection))
            elif isinstance(sel, FragmentSpreadNode):
                total = total.plus(self.fragment(sel.name.value))
        return total


def measure_operations(document: DocumentNode, variables: dict[str, Any] | None = None,
                       ) -> Iterator[tuple[OperationDefinitionNode, Measure]]:
    """Each operation of `document` with its measure; linear in the document's size. With `variables`, page sizes
    given by variables are taken from them (see `_page_factor`)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    measurer = _Measurer(fragments, variables)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            yield definition, measurer.selection_set(definition.selection_set, in_introspection=False)


def _written_selections(selection_set: SelectionSetNode | None) -> int:
    """Selections as written (a fragment's body counts once, where it is defined)."""
    if selection_set is None:
        return 0
    return sum(1 + _written_selections(getattr(sel, "selection_set", None)) for sel in selection_set.selections)


def complexity_errors(document: DocumentNode) -> list[GraphQLError]:
    """QUERY_TOO_COMPLEX errors for operations over a limit (empty when the document is within them)."""
    selections = sum(_written_selections(d.selection_set) for d in document.definitions
                     if isinstance(d, OperationDefinitionNode | FragmentDefinitionNode))
    if selections > MAX_SELECTIONS:
        return [GraphQLError(f"{selections} selections exceed {MAX_SELECTIONS}", document.definitions[0],
                             extensions={"code": "QUERY_TOO_COMPLEX"})]
    errors = []
    for operation, m in measure_operations(document):
        problem = None
        if m.depth > MAX_DEPTH:
            problem = f"query depth {m.depth} exceeds {MAX_DEPTH}"
        elif m.aliases > MAX_ALIASES:
            problem = f"{m.aliases} aliases exceed {MAX_ALIASES}"
        elif m.introspection > MAX_INTROSPECTION_ROOTS:
            problem = f"{m.introspection} introspection fields exceed {MAX_INTROSPECTION_ROOTS}"
        elif m.cost > MAX_COST:
            problem = f"query cost {m.cost if m.cost < _CAP else 'over ' + str(_CAP)} exceeds {MAX_COST}"
        if problem:
            errors.append(GraphQLError(problem, operation, extensions={"code": "QUERY_TOO_COMPLEX"}))
    return errors


@lru_cache(maxsize=CACHE_SIZE)
def _checked(schema: GraphQLSchema, document: DocumentNode,
             rules: tuple[type[ValidationRule], ...]) -> list[GraphQLError]:
    return complexity_errors(document) or validate_document(schema, document, rules)


class LimitedValidation(SchemaExtension):
    """Limits first, then the standard rules, cached per process (the parser cache hands back one document)."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        assert ctx.graphql_document is not None
        ctx.pre_execution_errors = _checked(ctx.schema._schema, ctx.graphql_document, ctx.validation_rules)
        yield
