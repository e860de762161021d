"""Pre-serialised graphql-transport-ws `next` frames: one JSON encoding per shared result, not per subscriber.

A subscription event is executed once per (event, audience) (gql/core/shared_results.py), so every subscriber
of that audience gets the very same `data` object. Its JSON is encoded once here and spliced into each
subscriber's frame with that subscriber's operation id; a payload with errors or extensions (per subscriber)
takes the ordinary path.
"""

from __future__ import annotations

from collections.abc import Mapping

import orjson

# id(data) -> (data, its payload's JSON). The entry keeps `data` alive, so an id cannot be reused by another
# object while its entry exists; the bound keeps single-use results (a replay to one subscriber) from piling up.
_payloads: dict[int, tuple[object, str]] = {}
CACHE_LIMIT = 512


def payload_json(data: object) -> str:
    """The JSON of `{"data": data}`, encoded once per data object."""
    cached = _payloads.get(id(data))
    if cached is not None and cached[0] is data:
        return cached[1]
    encoded = orjson.dumps({"data": data}).decode()
    if len(_payloads) >= CACHE_LIMIT:
        _payloads.clear()  # events are delivered in order: older entries are done with
    _payloads[id(data)] = (data, encoded)
    return encoded


def next_frame(message: Mapping[str, object]) -> str | None:
    """The text frame of a `next` message whose payload is only `data` (shared per audience); None for any
    other message, which the caller encodes as usual."""
    payload = message.get("payload")
    if message.get("type") != "next" or type(payload) is not dict or len(payload) != 1:
        return None
    data = payload.get("data")
    op_id = message.get("id")
    if type(data) is not dict or type(op_id) is not str:
        return None
    # Ids are usually short ASCII letters and digits: quoted as they are; anything else through the encoder.
    quoted = f'"{op_id}"' if op_id.isascii() and op_id.isalnum() else orjson.dumps(op_id).decode()
    return '{"id":' + quoted + ',"type":"next","payload":' + payload_json(data) + "}"
