"""Serves the built web front (frontend/dist) at `/`, with history-mode fallback to index.html."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import StaticFiles

NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>qsradar</title>
<p>前端尚未构建 / The web front is not built: run <code>make run</code>.</p>"""


class FrontendFiles(StaticFiles):
    """Static files; unknown paths without a file extension get index.html (client-side routes)."""

    async def get_response(self, path: str, scope) -> Response:  # type: ignore[no-untyped-def]
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or "." in Path(path).name:
                raise
            response = await super().get_response("index.html", scope)
        if path.startswith("assets/"):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def frontend_app(dist: Path):  # type: ignore[no-untyped-def]
    """The ASGI app for `/`: the build once it exists (checked per request until then), else a hint."""
    files: FrontendFiles | None = None

    async def app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        nonlocal files
        if files is None and (dist / "index.html").is_file():
            files = FrontendFiles(directory=dist, html=True)
        if files is None:
            await HTMLResponse(NOT_BUILT)(scope, receive, send)
            return
        await files(scope, receive, send)

    return app
