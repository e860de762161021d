"""Permission declarations for root fields, and object-level checks used after loading."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission
from strawberry.types import Info

from auth.viewer import Viewer
from documents.enums import AgencyScope, Role
from gql.core.errors import ApiError, ErrorCode


def viewer_of(info: Info) -> Viewer:
    return info.context.viewer


def unauthenticated() -> ApiError:
    return ApiError(ErrorCode.UNAUTHENTICATED, "sign in first")


def forbid(message: str = "you may not see or change this") -> ApiError:
    """FORBIDDEN, for object-level checks after loading."""
    return ApiError(ErrorCode.FORBIDDEN, message)


def role_permission(*roles: Role) -> type[BasePermission]:
    """A permission class admitting only `roles`: anonymous gets UNAUTHENTICATED, other roles FORBIDDEN."""
    names = "/".join(r.value for r in roles)

    class HasRole(BasePermission):
        message = f"only {names} may do this"

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            viewer = viewer_of(info)
            if viewer.is_anonymous:
                raise unauthenticated()
            if viewer.role not in roles:
                raise forbid(self.message)
            return True

    HasRole.__name__ = f"Is{''.join(r.value.title() for r in roles)}"
    return HasRole


IsRegulator = role_permission(Role.REGULATOR)
IsAdmin = role_permission(Role.ADMIN)


def has_scope(scope: AgencyScope) -> type[BasePermission]:
    """A permission class for agency clients: an agency without `scope` gets FORBIDDEN; other roles pass
    (what they see is their visibility module's answer)."""

    class HasScope(BasePermission):
        message = f"scope {scope.value} is required"

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            viewer = viewer_of(info)
            if viewer.role is Role.AGENCY and not viewer.has_scope(scope):
                raise forbid(self.message)
            return True

    HasScope.__name__ = f"HasScope_{scope.name}"
    return HasScope
