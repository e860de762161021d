"""Persisted queries: Apollo's automatic persisted queries (APQ) on GET and POST, and trusted documents.

APQ: a client sends `extensions.persistedQuery {version: 1, sha256Hash}` without `query`; an unknown hash answers
the standard `PersistedQueryNotFound` error (message as Apollo, Relay and urql clients expect; `extensions.code`
NOT_FOUND, the contract's code, and `extensions.persistedQuery` PERSISTED_QUERY_NOT_FOUND), the client then sends
query and hash once, and the document is registered for every worker (collection `persisted_documents`, plus a
per-process LRU). GET requests by hash can then be cached by a CDN.

Trusted documents: the front end's documents are registered at start from the build manifest
(tools/persisted/extract.py). With `QSRADAR_TRUSTED_DOCUMENTS=only`, browsers and signed-in accounts may run only
those (by hash or by full text; anything else is FORBIDDEN and nothing new is registered); agency clients, who
integrate by code with documents of their own, keep sending any document under their cost budget.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
from collections import OrderedDict
from pathlib import Path

from graphql import GraphQLError, parse
from pymongo.errors import DuplicateKeyError
from strawberry.http import GraphQLRequestData

from auth.viewer import Viewer
from documents.enums import Role
from documents.persisted.models import PersistedDocument
from documents.settings import get_settings
from gql.core.errors import ErrorCode
from gql.core.limits import MAX_TOKENS

log = logging.getLogger("qsradar.persisted")
NOT_FOUND_MESSAGE = "PersistedQueryNotFound"
MAX_REMEMBERED = 2000  # documents kept in memory per process
_HASH = re.compile(r"^[0-9a-f]{64}$")

_trusted: dict[str, str] = {}
_known: OrderedDict[str, str] = OrderedDict()


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def load_manifest(path: Path) -> dict[str, str]:
    """{hash: text} of a manifest; entries whose hash does not match their text are refused."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.warning("no persisted-documents manifest at %s", path)
        return {}
    bad = [h for h, text in data.items() if sha256(text) != h]
    if bad:
        raise ValueError(f"{path}: {len(bad)} entries do not match their SHA-256")
    return dict(data)


async def register_manifest(path: Path | None = None) -> int:
    """At start: remember the trusted documents and store them for every worker (idempotent)."""
    manifest = load_manifest(path or get_settings().persisted_manifest)
    _trusted.clear()
    _trusted.update(manifest)
    coll = PersistedDocument.get_pymongo_collection()
    for digest, text in manifest.items():
        await coll.replace_one({"_id": digest}, {"_id": digest, "query": text, "trusted": True}, upsert=True)
    return len(manifest)


def _only(viewer: Viewer) -> bool:
    """Whether this viewer may run trusted documents only."""
    return get_settings().trusted_documents == "only" and viewer.role is not Role.AGENCY


def _error(code: ErrorCode, message: str, **extensions: object) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code.value, **extensions})


def _remember(digest: str, text: str) -> None:
    _known[digest] = text
    _known.move_to_end(digest)
    while len(_known) > MAX_REMEMBERED:
        _known.popitem(last=False)


async def _lookup(digest: str, trusted_only: bool) -> str | None:
    if (text := _trusted.get(digest)) is not None:
        return text
    if trusted_only:
        return None
    if (text := _known.get(digest)) is not None:
        return text
    doc = await PersistedDocument.get_pymongo_collection().find_one({"_id": digest})
    if doc is None:
        return None
    _remember(digest, doc["query"])
    return str(doc["query"])


async def _register(digest: str, text: str) -> None:
    try:
        parse(text, max_tokens=MAX_TOKENS)
    except GraphQLError:
        return  # not worth keeping: the normal path reports the syntax error
    _remember(digest, text)
    try:
        await PersistedDocument.get_pymongo_collection().insert_one({"_id": digest, "query": text, "trusted": False})
    except DuplicateKeyError:
        pass


async def resolve(data: GraphQLRequestData, viewer: Viewer) -> GraphQLRequestData | GraphQLError:
    """The request with its document (from its hash when sent by hash), or the error that refuses it."""
    only = _only(viewer)
    extension = (data.extensions or {}).get("persistedQuery")
    if extension is None:
        if only and isinstance(data.query, str) and sha256(data.query) not in _trusted:
            return _error(ErrorCode.FORBIDDEN, "only registered documents may run here (trusted documents)",
                          persistedQuery="PERSISTED_QUERY_NOT_ALLOWED")
        return data
    digest = extension.get("sha256Hash") if isinstance(extension, dict) else None
    if not isinstance(extension, dict) or extension.get("version") != 1 or not isinstance(digest, str) \
            or not _HASH.match(digest):
        return _error(ErrorCode.BAD_USER_INPUT, "extensions.persistedQuery must be {version: 1, sha256Hash: "
                      "<64 lower-case hex digits>}", field="extensions.persistedQuery")
    if data.query is None:
        text = await _lookup(digest, only)
        if text is None:
            return _error(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE, persistedQuery="PERSISTED_QUERY_NOT_FOUND")
        return dataclasses.replace(data, query=text)
    if sha256(data.query) != digest:
        return _error(ErrorCode.BAD_USER_INPUT, "provided sha256Hash does not match query",
                      field="extensions.persistedQuery.sha256Hash")
    if digest in _trusted:
        return data
    if only:
        return _error(ErrorCode.FORBIDDEN, "only registered documents may run here (trusted documents)",
                      persistedQuery="PERSISTED_QUERY_NOT_ALLOWED")
    await _register(digest, data.query)
    return data


def websocket_refusal(viewer: Viewer, query: str) -> GraphQLError | None:
    """The same allowlist for documents sent over WebSocket (by full text: APQ is an HTTP protocol)."""
    if _only(viewer) and sha256(query) not in _trusted:
        return _error(ErrorCode.FORBIDDEN, "only registered documents may run here (trusted documents)",
                      persistedQuery="PERSISTED_QUERY_NOT_ALLOWED")
    return None
