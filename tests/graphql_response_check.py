"""What a GraphQL answer must look like, whatever the query: the checks the fuzz tests apply to every case.

- never a 5xx, never a traceback, always a JSON object with only `data`, `errors`, `extensions`;
- every error has a contract code, and none is INTERNAL (a generated query must never hit an unexpected error);
- `data` matches the query and the schema: every selected field present, non-null fields never null,
  lists are lists, scalars and enums of their type (null propagation per the GraphQL spec).
"""

from __future__ import annotations

import json
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)

CONTRACT_CODES = {"UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT", "RATE_LIMITED",
                  "QUERY_TOO_COMPLEX", "INTERNAL"}
INT_RANGE = (-(2**31), 2**31 - 1)


def problems(schema: GraphQLSchema, query: str, status: int, text: str) -> list[str]:
    """Everything wrong with one answer (empty when it is fine)."""
    found: list[str] = []
    if status >= 500:
        found.append(f"HTTP {status}")
    if "Traceback" in text:
        found.append("traceback in the body")
    try:
        body = json.loads(text)
    except ValueError:
        return [*found, f"not JSON: {text[:100]!r}"]
    if not isinstance(body, dict) or not set(body) <= {"data", "errors", "extensions"} or not body:
        return [*found, f"not a GraphQL response: {text[:100]!r}"]
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code not in CONTRACT_CODES:
            found.append(f"error without a contract code: {error}")
        elif code == "INTERNAL":
            found.append(f"INTERNAL: {error}")
        if not isinstance(error.get("message"), str):
            found.append(f"error without a message: {error}")
    if "errors" not in body and not isinstance(body.get("data"), dict):
        found.append("no errors and no data")
    data = body.get("data")
    if isinstance(data, dict):
        document = parse(query)
        _Checker(schema, document, found).operation(data)
    return found


def _covers(condition: Any, runtime: Any) -> bool:
    """Does a fragment on `condition` apply to a value of object type `runtime`?"""
    if condition is runtime:
        return True
    if isinstance(condition, GraphQLInterfaceType) and isinstance(runtime, GraphQLObjectType):
        return condition in runtime.interfaces
    if isinstance(condition, GraphQLUnionType):
        return runtime in condition.types
    return False


class _Checker:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, found: list[str]) -> None:
        self.schema = schema
        self.found = found
        self.fragments = {d.name.value: d for d in document.definitions if hasattr(d, "type_condition")
                          and not isinstance(d, OperationDefinitionNode)}
        self.operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]

    def operation(self, data: dict) -> None:
        if len(self.operations) != 1:
            return  # the operation name decides; generated documents hold one operation
        op = self.operations[0]
        root = {"query": self.schema.query_type, "mutation": self.schema.mutation_type,
                "subscription": self.schema.subscription_type}[op.operation.value]
        assert root is not None
        self.selections(root, op.selection_set, data, [], strict=True)

    def selections(self, parent: GraphQLObjectType | GraphQLInterfaceType, selection_set: SelectionSetNode,
                   value: dict, path: list[Any], strict: bool) -> None:
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                self.field(parent, node, value, path, strict)
            elif isinstance(node, InlineFragmentNode | FragmentSpreadNode):
                fragment = self.fragments[node.name.value] if isinstance(node, FragmentSpreadNode) else node
                condition = self.schema.get_type(fragment.type_condition.name.value) \
                    if fragment.type_condition else parent
                # Without __typename the runtime type of an abstract value is unknown: check what is there.
                runtime = self._runtime_type(value)
                if condition is not parent and runtime is not None and not _covers(condition, runtime):
                    continue  # a fragment for another type
                applies = condition is parent or runtime is not None
                target = condition if isinstance(condition, GraphQLObjectType | GraphQLInterfaceType) else parent
                self.selections(target, fragment.selection_set, value, path, strict and applies)

    def _runtime_type(self, value: dict) -> Any:
        name = value.get("__typename")
        return self.schema.get_type(name) if isinstance(name, str) else None

    def field(self, parent: GraphQLObjectType | GraphQLInterfaceType, node: FieldNode, value: dict,
              path: list[Any], strict: bool) -> None:
        name = node.name.value
        key = node.alias.value if node.alias else name
        if key not in value:
            if strict:
                self.found.append(f"missing field {'.'.join(map(str, [*path, key]))}")
            return
        if name.startswith("__"):
            return
        definition = parent.fields.get(name)
        if definition is None:
            self.found.append(f"unknown field {name} on {parent.name}")
            return
        self.value(definition.type, node, value[key], [*path, key])

    def value(self, type_: Any, node: FieldNode, v: Any, path: list[Any]) -> None:
        where = ".".join(map(str, path))
        if isinstance(type_, GraphQLNonNull):
            if v is None:
                self.found.append(f"null in non-null {where}")
                return
            type_ = type_.of_type
        if v is None:
            return
        if isinstance(type_, GraphQLList):
            if not isinstance(v, list):
                self.found.append(f"not a list at {where}")
                return
            for i, item in enumerate(v):
                self.value(type_.of_type, node, item, [*path, i])
        elif isinstance(type_, GraphQLEnumType):
            if v not in type_.values:
                self.found.append(f"{v!r} is not a {type_.name} at {where}")
        elif isinstance(type_, GraphQLScalarType):
            ok = {"Int": lambda x: isinstance(x, int) and not isinstance(x, bool) and INT_RANGE[0] <= x <= INT_RANGE[1],
                  "Float": lambda x: isinstance(x, int | float) and not isinstance(x, bool),
                  "String": lambda x: isinstance(x, str), "ID": lambda x: isinstance(x, str),
                  "Boolean": lambda x: isinstance(x, bool)}.get(type_.name, lambda x: True)
            if not ok(v):
                self.found.append(f"{v!r} is not a {type_.name} at {where}")
        elif isinstance(type_, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
            if not isinstance(v, dict):
                self.found.append(f"not an object at {where}")
            elif node.selection_set is not None:
                parent = type_ if not isinstance(type_, GraphQLUnionType) else (self._runtime_type(v) or type_)
                if isinstance(parent, GraphQLUnionType):
                    # Only fragments select on a union; strictness needs the runtime type.
                    for sel in node.selection_set.selections:
                        if isinstance(sel, InlineFragmentNode | FragmentSpreadNode):
                            frag = self.fragments[sel.name.value] if isinstance(sel, FragmentSpreadNode) else sel
                            cond = self.schema.get_type(frag.type_condition.name.value)
                            self.selections(cond, frag.selection_set, v, path, strict=False)
                else:
                    self.selections(parent, node.selection_set, v, path, strict=True)
