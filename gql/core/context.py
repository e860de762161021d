"""Per-request (or per-WebSocket-connection) context: the viewer and the request's DataLoaders."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket

from auth.viewer import ANONYMOUS, Viewer
from gql.core.loaders import Loaders

# The fields of the HTTP request being served (request id, operation, role, duration), for log lines.
request_context: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("request_context",
                                                                                       default=None)


@dataclass
class Context:
    """What every resolver gets as `info.context`."""

    request: Request | WebSocket
    response: Any = None
    viewer: Viewer = ANONYMOUS
    connection_params: dict[str, Any] | None = None
    # Pages the service runs for itself on the caller's behalf (the NDJSON export): visibility as usual,
    # but not charged to the cost budget page by page.
    internal: bool = False

    _loaders: Loaders | None = None

    @property
    def loaders(self) -> Loaders:
        """Created on first use. A WebSocket context lives as long as the connection, so each
        use there gets fresh loaders (a cache must not outlive one event)."""
        if isinstance(self.request, WebSocket):
            return Loaders()
        if self._loaders is None:
            self._loaders = Loaders()
        return self._loaders

    @property
    def client_address(self) -> str | None:
        client = self.request.client
        return client.host if client else None
