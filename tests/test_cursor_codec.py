"""The one opaque codec (gql/core/cursors.py) and everything built on it: page cursors, alert cursors, global ids.
Any string decodes to a value or to BAD_USER_INPUT (None for `node`), never to a crash; what is encoded decodes back."""

from __future__ import annotations

import pytest
from bson import ObjectId
from hypothesis import given
from hypothesis import strategies as st

from gql.alerts.subscription import decode_cursor as decode_alert_cursor
from gql.alerts.subscription import encode_cursor as encode_alert_cursor
from gql.core import cursors
from gql.core.connections import decode_cursor as decode_page_cursor
from gql.core.connections import encode_cursor as encode_page_cursor
from gql.core.errors import ApiError, ErrorCode
from gql.core.node import decode_id, global_id

garbage = st.one_of(st.text(max_size=600), st.binary(max_size=400).map(lambda b: b.decode("latin-1")),
                    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=", max_size=80))


@given(garbage)
def test_garbage_never_crashes_the_codec(token: str) -> None:
    decoded = cursors.decode(token)
    assert decoded is None or (isinstance(decoded[0], str) and isinstance(decoded[1], str))


@given(garbage)
def test_garbage_page_and_alert_cursors_are_bad_input(token: str) -> None:
    for decode in (decode_page_cursor, decode_alert_cursor):
        try:
            decode(token)
        except ApiError as exc:
            assert exc.code is ErrorCode.BAD_USER_INPUT and exc.extensions == {"field": "after"}


@given(garbage)
def test_garbage_global_ids_are_not_found(token: str) -> None:
    decoded = decode_id(token)
    assert decoded is None or isinstance(decoded[1], ObjectId)


@given(st.text(alphabet="0123456789", min_size=1, max_size=20), st.text(alphabet="0123456789abcdef", min_size=24,
                                                                       max_size=24))
def test_page_cursors_round_trip(digits: str, oid: str) -> None:
    key = f"{digits}|{oid}"
    assert decode_page_cursor(encode_page_cursor(key)) == key


@given(st.integers(min_value=0, max_value=2**53))
def test_alert_cursors_round_trip(seq: int) -> None:
    assert decode_alert_cursor(encode_alert_cursor(seq)) == seq


@given(st.sampled_from(["Warning", "Recall", "Enterprise", "Complaint"]), st.binary(min_size=12, max_size=12))
def test_global_ids_round_trip_and_keep_their_type(type_name: str, raw: bytes) -> None:
    oid = ObjectId(raw)
    gid = global_id(type_name, oid)
    assert decode_id(gid) == (type_name, oid)
    assert decode_id(gid, "Other") is None


def test_one_kind_of_token_is_not_another() -> None:
    page = encode_page_cursor("20250101000000000000|6b04")
    with pytest.raises(ApiError):
        decode_alert_cursor(page)
    with pytest.raises(ApiError):
        decode_page_cursor(encode_alert_cursor(5))
