"""The Relay Node interface, global ids and `node(id:)`: each type registers how to load itself by id
under its own visibility, so `node` names no concrete type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry
from bson import ObjectId
from bson.errors import InvalidId
from strawberry.types import Info

from gql.core import cursors

NodeLoader = Callable[[Info, ObjectId], Awaitable[Any]]
_loaders: dict[str, NodeLoader] = {}


@strawberry.interface(description="An object with a global, opaque id (Relay Node).")
class Node:
    id: strawberry.ID = strawberry.field(description="Global, opaque id (全局 ID); pass it to `node(id:)`.")


def register_node(type_name: str, load: NodeLoader) -> None:
    """Make `type_name` reachable through `node(id:)`; `load` returns None for what the viewer may not see."""
    _loaders[type_name] = load


def global_id(type_name: str, object_id: ObjectId | str) -> strawberry.ID:
    """The global id of a node."""
    return strawberry.ID(cursors.encode(type_name, object_id))


def decode_id(gid: str, type_name: str | None = None) -> tuple[str, ObjectId] | None:
    """(type name, ObjectId) of a global id (of `type_name` when given), or None when it is not one of ours."""
    decoded = cursors.decode(gid)
    if decoded is None or (type_name is not None and decoded[0] != type_name):
        return None
    try:
        return decoded[0], ObjectId(decoded[1])
    except (InvalidId, TypeError):
        return None


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id; null when it does not exist or is not visible. "
                                  "任意对象（全局 ID）")
    async def node(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="A global id, as returned in any object's `id`.")]) -> Node | None:
        decoded = decode_id(str(id))
        if decoded is None:
            return None
        load = _loaders.get(decoded[0])
        return await load(info, decoded[1]) if load is not None else None
