"""`POST /uploads` (one photo or evidence file, multipart field `file`, Bearer token) and `GET /uploads/{id}`.

The body is parsed as it streams (python-multipart): the file part goes to a spooled temporary file (memory up to
1 MB, then disk) and the 10 MB limit is enforced while reading, so no body is ever held whole in memory. The type
is checked from the bytes, the image re-encoded without metadata and stored in GridFS (documents/uploads). A retry
(header `Upload-Key` or `?key=`, or the same bytes again) answers with the first upload's id. Refusals use the
contract's error shape: 400 BAD_USER_INPUT (wrong type, renamed, damaged, no `file`), 413 BAD_USER_INPUT (too
large), 401, 403, 409; nothing is stored for any of them. Unclaimed uploads are swept after 24 h (at most every
10 minutes per process, on the upload path).
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections.abc import AsyncIterator
from typing import IO, Any, cast

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from auth.errors import Unauthenticated
from auth.viewer import viewer_from_authorization
from auth.visibility import uploads as visibility
from documents.core.errors import NotFound, RuleViolation, StateConflict
from documents.uploads import actions
from documents.uploads.images import MAX_BYTES
from gql.core.errors import ErrorCode
from gql.core.node import decode_id, global_id

log = logging.getLogger("qsradar.uploads")
MULTIPART_OVERHEAD = 64 * 1024  # boundaries, part headers and small fields around the one file
MAX_BODY = MAX_BYTES + MULTIPART_OVERHEAD
MAX_DRAIN = 4 * MAX_BODY  # an oversized body is read (and dropped) up to this, so the client sees its 413
SPOOL_IN_MEMORY = 1024 * 1024
SWEEP_EVERY_SECONDS = 600.0
_last_sweep = 0.0
_sweeps: set[asyncio.Task[Any]] = set()


def _error(status: int, code: ErrorCode, message: str, field: str | None = None) -> JSONResponse:
    extensions: dict[str, str] = {"code": code.value}
    if field:
        extensions["field"] = field
    return JSONResponse({"errors": [{"message": message, "extensions": extensions}]}, status_code=status,
                        headers={"Cache-Control": "no-store"})


class _TooLarge(Exception):
    pass


class _FilePart:
    """Receives the multipart callbacks: the `file` part's bytes are spooled, counted and capped."""

    def __init__(self) -> None:
        self.file: IO[bytes] | None = None
        self.size = 0
        self.found = False
        self._header_field = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._in_file = False

    def callbacks(self) -> dict[str, Any]:
        return {"on_part_begin": self._begin, "on_header_field": self._field, "on_header_value": self._value,
                "on_header_end": self._header_end, "on_headers_finished": self._headers_done,
                "on_part_data": self._data, "on_part_end": self._end}

    def _begin(self) -> None:
        self._headers = {}
        self._in_file = False

    def _field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field, self._header_value = b"", b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if options.get(b"name") == b"file" and not self.found:
            self.found = self._in_file = True
            self.file = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 (closed by close())

    def _data(self, data: bytes, start: int, end: int) -> None:
        if not self._in_file or self.file is None:
            return
        self.size += end - start
        if self.size > MAX_BYTES:
            raise _TooLarge
        self.file.write(data[start:end])

    def _end(self) -> None:
        self._in_file = False

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


async def _drain(stream: AsyncIterator[bytes], already: int) -> None:
    """Read and drop the rest of an oversized body (up to MAX_DRAIN), so the client reads its 413."""
    total = already
    try:
        async for chunk in stream:
            total += len(chunk)
            if total > MAX_DRAIN:
                return
    except ClientDisconnect:
        return


def _maybe_sweep() -> None:
    global _last_sweep
    now = time.monotonic()
    if now - _last_sweep < SWEEP_EVERY_SECONDS:
        return
    _last_sweep = now

    async def run() -> None:
        try:
            await actions.sweep()
        except Exception:
            log.warning("upload sweep failed", exc_info=True)

    task = asyncio.create_task(run())
    _sweeps.add(task)
    task.add_done_callback(_sweeps.discard)


async def _viewer(request: Request) -> Any:
    try:
        viewer = await viewer_from_authorization(request.headers.get("authorization"))
    except Unauthenticated as exc:
        return _error(401, ErrorCode.UNAUTHENTICATED, str(exc))
    if viewer.is_anonymous:
        return _error(401, ErrorCode.UNAUTHENTICATED, "sign in first (Authorization: Bearer <token>)")
    return viewer


async def upload(request: Request) -> Response:
    """Receive one image; answer `{"id": ...}` (201 when stored now, 200 for a retry of a stored one)."""
    viewer = await _viewer(request)
    if isinstance(viewer, Response):
        return viewer
    if not visibility.can_upload(viewer) or viewer.subject_id is None:
        return _error(403, ErrorCode.FORBIDDEN, "only signed-in accounts upload files")
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        return _error(400, ErrorCode.BAD_USER_INPUT, "send multipart/form-data with the image in the field 'file'",
                      "file")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        return _error(413, ErrorCode.BAD_USER_INPUT, f"a file may have at most {MAX_BYTES // (1024 * 1024)} MB",
                      "file")
    part = _FilePart()
    parser = MultipartParser(boundary, cast(Any, part.callbacks()))
    total = 0
    stream = request.stream()
    try:
        try:
            async for chunk in stream:
                total += len(chunk)
                if total > MAX_BODY:
                    raise _TooLarge
                parser.write(chunk)
            parser.finalize()
        except _TooLarge:
            await _drain(stream, total)
            return _error(413, ErrorCode.BAD_USER_INPUT,
                          f"a file may have at most {MAX_BYTES // (1024 * 1024)} MB", "file")
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is listening; nothing was stored
        except Exception:
            return _error(400, ErrorCode.BAD_USER_INPUT, "the multipart body is malformed", "file")
        if not part.found or part.file is None or part.size == 0:
            return _error(400, ErrorCode.BAD_USER_INPUT, "no image in the field 'file'", "file")
        key = request.headers.get("upload-key") or request.query_params.get("key")
        try:
            record, created = await actions.store(part.file, viewer.subject_id, key)
        except RuleViolation as exc:
            return _error(400, ErrorCode.BAD_USER_INPUT, str(exc), exc.field or "file")
        except StateConflict as exc:
            return _error(409, ErrorCode.CONFLICT, str(exc), "uploadKey")
    finally:
        part.close()
    _maybe_sweep()
    return JSONResponse({"id": global_id("Upload", record.id), "contentType": record.content_type,
                         "size": record.size, "width": record.width, "height": record.height},
                        status_code=201 if created else 200, headers={"Cache-Control": "no-store"})


async def download(request: Request) -> Response:
    """The stored image, for its uploader and regulators/administrators (403 for anyone else)."""
    viewer = await _viewer(request)
    if isinstance(viewer, Response):
        return viewer
    decoded = decode_id(request.path_params["id"], "Upload")
    if decoded is None:
        return _error(404, ErrorCode.NOT_FOUND, "no such upload")
    try:
        record = await actions.load(decoded[1])
    except NotFound as exc:
        return _error(404, ErrorCode.NOT_FOUND, str(exc))
    if not visibility.can_see(viewer, record.model_dump()):
        return _error(403, ErrorCode.FORBIDDEN, "photos are visible to their uploader and regulators only")
    return StreamingResponse(actions.open_stream(record.id), media_type=record.content_type,
                             headers={"Cache-Control": "private, no-store", "Content-Length": str(record.size),
                                      "Content-Disposition": "inline"})


UPLOAD_ROUTES = [Route("/uploads", upload, methods=["POST"]), Route("/uploads/{id}", download, methods=["GET"])]
