"""Serves the built web front (frontend/dist) at `/`, with history-mode fallback to index.html.

- Precompressed files: the build writes `name.br` and `name.gz` next to each text asset; when the
  client accepts `br` (or `gzip`) and the sibling exists, it is sent with `Content-Encoding` and the
  original's media type. Every compressible answer carries `Vary: Accept-Encoding`.
- Cache: hashed files under `assets/` are immutable for a year; everything else (index.html, the
  service worker, the manifest) is `no-cache`, so a new build is picked up on the next visit.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>qsradar</title>
<p>前端尚未构建 / The web front is not built: run <code>make run</code>.</p>"""

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
# Only these are precompressed at build time (vite.config.ts, compression plugin).
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".svg", ".json", ".webmanifest", ".txt", ".xml", ".map"}
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")  # streaming compilation needs it (the barcode reader)


def accepted_encodings(header: str) -> set[str]:
    """Codings the client accepts (q=0 excluded); `*` stands for both of ours."""
    out: set[str] = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        if not name:
            continue
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if name == "*":
            out.update(code for code, _ in ENCODINGS)
        else:
            out.add(name)
    return out


class FrontendFiles(StaticFiles):
    """Static files; unknown paths without a file extension get index.html (client-side routes)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        served = path
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or "." in Path(path).name:
                raise
            served = "index.html"
            response = await super().get_response(served, scope)
        if isinstance(response, FileResponse) and response.status_code == 200:
            response = self._precompressed(response, scope)
        if served.startswith("assets/"):
            response.headers["Cache-Control"] = IMMUTABLE
        else:
            response.headers["Cache-Control"] = NO_CACHE
        return response

    def _precompressed(self, response: FileResponse, scope: Scope) -> Response:
        original = Path(str(response.path))
        if original.suffix.lower() not in COMPRESSIBLE:
            return response
        response.headers["Vary"] = "Accept-Encoding"
        accepted = accepted_encodings(Headers(scope=scope).get("accept-encoding", ""))
        for coding, suffix in ENCODINGS:
            if coding not in accepted:
                continue
            candidate = original.with_name(original.name + suffix)
            try:
                stat = os.stat(candidate)
            except OSError:
                continue
            media_type = response.media_type or mimetypes.guess_type(original.name)[0] or "application/octet-stream"
            compressed = FileResponse(candidate, stat_result=stat, media_type=media_type,
                                      headers={"Content-Encoding": coding, "Vary": "Accept-Encoding"})
            return compressed
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
