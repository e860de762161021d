"""POST /uploads and GET /uploads/{id}: images checked from their bytes, re-encoded without EXIF/GPS, stored in
GridFS; oversized, wrong-type and renamed files refused with BAD_USER_INPUT and nothing stored; a connection dropped
mid-upload then retried gives one complaint with all its photos; photos only for their uploader and regulators."""

from __future__ import annotations

import io
import socket
import uuid
from collections.abc import Iterator

import httpx
import pillow_heif
import pytest
from PIL import Image

from tests.complaints_support import FILE, complaint_input, new_consumer, png_bytes
from tests.stack import Stack, code_of

pillow_heif.register_heif_opener()


def upload(stack: Stack, token: str | None, data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg",
           key: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if key:
        headers["Upload-Key"] = key
    return httpx.post(f"{stack.base_url}/uploads", files={"file": (name, data, content_type)}, headers=headers,
                      timeout=60)


def stored_for(db: object, owner_gid: str) -> int:
    from gql.core.node import decode_id

    decoded = decode_id(owner_gid, "Account")
    assert decoded is not None
    return len(list(db["upload_records"].find({"owner_id": str(decoded[1])})))  # type: ignore[index]


def jpeg_with_gps() -> bytes:
    return png_bytes(size=(64, 48), exif_gps=True, fmt="JPEG")


def test_a_jpeg_is_reencoded_without_exif_or_gps(live_server: Stack) -> None:
    me = new_consumer(live_server)
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the original carries GPS
    answer = upload(live_server, me["token"], original)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["contentType"] == "image/jpeg" and (body["width"], body["height"]) == (64, 48)
    got = httpx.get(f"{live_server.base_url}/uploads/{body['id']}", headers={"Authorization": f"Bearer {me['token']}"})
    assert got.status_code == 200 and got.headers["content-type"] == "image/jpeg"
    stored = Image.open(io.BytesIO(got.content))
    assert not stored.getexif() and "exif" not in stored.info
    assert b"TestCam" not in got.content and b"Exif" not in got.content


@pytest.mark.parametrize("fmt, mime, stored_as", [("PNG", "image/png", "image/png"), ("WEBP", "image/webp", "image/webp"),
                                                  ("HEIF", "image/heic", "image/jpeg")])
def test_png_webp_and_heic_are_accepted(live_server: Stack, fmt: str, mime: str, stored_as: str) -> None:
    me = new_consumer(live_server)
    answer = upload(live_server, me["token"], png_bytes(fmt=fmt), name=f"photo.{fmt.lower()}", content_type=mime)
    assert answer.status_code == 201, answer.text
    assert answer.json()["contentType"] == stored_as


@pytest.mark.parametrize("data, name, mime", [
    (b"%PDF-1.7 this is not an image at all" * 10, "photo.jpg", "image/jpeg"),  # a renamed PDF
    (b"GIF89a" + b"\x00" * 200, "photo.gif", "image/gif"),  # a GIF: not an accepted type
    (b"\xff\xd8\xff\xe0" + b"\x00" * 300, "photo.jpg", "image/jpeg"),  # JPEG magic, damaged body
    (b"\x89PNG\r\n\x1a\n" + b"garbage" * 30, "photo.png", "image/png"),  # PNG magic, damaged body
    (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "photo.png", "image/png"),  # renamed SVG
])
def test_wrong_type_or_renamed_files_are_refused_and_nothing_is_stored(live_server: Stack, db: object, data: bytes,
                                                                        name: str, mime: str) -> None:
    me = new_consumer(live_server)
    answer = upload(live_server, me["token"], data, name=name, content_type=mime)
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "file"}
    assert stored_for(db, me["id"]) == 0


def test_a_png_named_jpg_is_stored_as_what_its_bytes_are(live_server: Stack) -> None:
    answer = upload(live_server, new_consumer(live_server)["token"], png_bytes(), name="x.jpg", content_type="image/jpeg")
    assert answer.status_code == 201 and answer.json()["contentType"] == "image/png"


def test_oversized_files_are_refused_while_streaming_and_nothing_is_stored(live_server: Stack, db: object) -> None:
    me = new_consumer(live_server)
    big = b"\xff\xd8\xff\xe0" + b"\x00" * (10 * 1024 * 1024 + 1)
    declared = upload(live_server, me["token"], big)  # Content-Length over the limit: refused before reading
    assert declared.status_code == 413
    assert declared.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"

    boundary = "b" + uuid.uuid4().hex

    def chunked() -> Iterator[bytes]:  # no Content-Length: the limit is enforced while the body streams
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
               "Content-Type: image/jpeg\r\n\r\n").encode()
        yield b"\xff\xd8\xff\xe0"
        for _ in range(11):
            yield b"\x00" * (1024 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    streamed = httpx.post(f"{live_server.base_url}/uploads", content=chunked(), timeout=60,
                          headers={"Authorization": f"Bearer {me['token']}",
                                   "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert streamed.status_code == 413
    assert streamed.json()["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "file"}
    assert stored_for(db, me["id"]) == 0


def test_uploads_need_a_signed_in_account_and_a_file_field(live_server: Stack, tokens: dict[str, str]) -> None:
    assert upload(live_server, None, png_bytes()).status_code == 401
    assert upload(live_server, "not-a-token", png_bytes()).status_code == 401
    assert upload(live_server, tokens["agency"], png_bytes()).status_code == 403
    wrong_field = httpx.post(f"{live_server.base_url}/uploads", files={"photo": ("a.png", png_bytes(), "image/png")},
                             headers={"Authorization": f"Bearer {tokens['consumer']}"})
    assert wrong_field.status_code == 400 and wrong_field.json()["errors"][0]["extensions"]["field"] == "file"
    not_multipart = httpx.post(f"{live_server.base_url}/uploads", content=png_bytes(),
                               headers={"Authorization": f"Bearer {tokens['consumer']}", "Content-Type": "image/png"})
    assert not_multipart.status_code == 400


def _drop_mid_upload(stack: Stack, token: str, data: bytes) -> None:
    """Send the headers and half of a multipart body, then close the connection."""
    boundary = "drop" + uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
            "Content-Type: image/png\r\n\r\n").encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()
    request = (f"POST /uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
               f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", stack.port), timeout=10) as sock:
        sock.sendall(request + body[: len(body) // 2])


def test_a_dropped_upload_then_retried_gives_one_complaint_with_all_its_photos(live_server: Stack, db: object,
                                                                              tokens: dict[str, str]) -> None:
    me = new_consumer(live_server)
    first, second = png_bytes(size=(300, 200), color=(1, 2, 3)), png_bytes(size=(300, 200), color=(9, 8, 7))
    _drop_mid_upload(live_server, me["token"], first)
    # The retry arrives (perhaps twice: the first answer lost); both get the same id, one record is kept.
    a1 = upload(live_server, me["token"], first, name="p.png", content_type="image/png", key="photo-1-attempt")
    a2 = upload(live_server, me["token"], first, name="p.png", content_type="image/png", key="photo-1-attempt")
    b1 = upload(live_server, me["token"], second, name="q.png", content_type="image/png")
    b2 = upload(live_server, me["token"], second, name="q.png", content_type="image/png")  # same bytes, no key
    assert (a1.status_code, a2.status_code, b1.status_code, b2.status_code) == (201, 200, 201, 200)
    assert a1.json()["id"] == a2.json()["id"] and b1.json()["id"] == b2.json()["id"]
    assert stored_for(db, me["id"]) == 2
    photos = [a1.json()["id"], b1.json()["id"], a2.json()["id"]]  # the client lists a retried id twice
    variables = {"i": complaint_input(photoIds=photos), "k": "photo-complaint-1"}
    filed = [live_server.gql(FILE, variables, token=me["token"]) for _ in range(3)]  # and retries the filing
    assert all("errors" not in f for f in filed), filed
    assert len({f["data"]["fileComplaint"]["id"] for f in filed}) == 1
    complaint = filed[0]["data"]["fileComplaint"]
    assert [p["id"] for p in complaint["photos"]] == [a1.json()["id"], b1.json()["id"]]
    mine = live_server.gql("{ me { complaints { totalCount } } }", token=me["token"])
    assert mine["data"]["me"]["complaints"]["totalCount"] == 1
    # Photos: the uploader and regulators; never the enterprise concerned, another consumer or an agency.
    url = f"{live_server.base_url}{complaint['photos'][0]['url']}"
    assert httpx.get(url, headers={"Authorization": f"Bearer {me['token']}"}).status_code == 200
    assert httpx.get(url, headers={"Authorization": f"Bearer {tokens['regulator']}"}).status_code == 200
    for who in ("enterprise", "consumer", "agency"):
        assert httpx.get(url, headers={"Authorization": f"Bearer {tokens[who]}"}).status_code == 403, who
    assert httpx.get(url).status_code == 401
    node = "query($id: ID!) { node(id: $id) { ... on Complaint { photos { id } } } }"
    assert live_server.gql(node, {"id": complaint["id"]}, token=tokens["enterprise"])["data"]["node"]["photos"] == []
    assert len(live_server.gql(node, {"id": complaint["id"]}, token=tokens["regulator"])["data"]["node"]["photos"]) == 2


def test_photos_belong_to_their_uploader_and_to_one_complaint(live_server: Stack) -> None:
    alice, bob = new_consumer(live_server), new_consumer(live_server)
    photo = upload(live_server, alice["token"], png_bytes(color=(5, 5, 5)), content_type="image/png").json()["id"]
    theft = live_server.gql(FILE, {"i": complaint_input(photoIds=[photo]), "k": "steal-photo-01"}, token=bob["token"])
    assert code_of(theft) == "BAD_USER_INPUT" and theft["errors"][0]["extensions"]["field"] == "photoIds"
    ok = live_server.gql(FILE, {"i": complaint_input(photoIds=[photo]), "k": "own-photo-0001"}, token=alice["token"])
    assert "errors" not in ok, ok
    again = live_server.gql(FILE, {"i": complaint_input(photoIds=[photo], description="another complaint, same photo"),
                                   "k": "own-photo-0002"}, token=alice["token"])
    assert code_of(again) == "CONFLICT"
    seven = [photo] * 1 + [f"x{i}" for i in range(6)]
    too_many = live_server.gql(FILE, {"i": complaint_input(photoIds=seven), "k": "too-many-0001"}, token=alice["token"])
    assert code_of(too_many) == "BAD_USER_INPUT"


async def test_unclaimed_uploads_are_swept_after_24_hours(live_server: Stack, db: object) -> None:
    from datetime import timedelta

    from documents.core.clock import utcnow
    from documents.db import client as database
    from documents.db.registry import all_documents
    from documents.uploads import actions

    me = new_consumer(live_server)
    stale = upload(live_server, me["token"], png_bytes(color=(11, 22, 33)), content_type="image/png").json()["id"]
    fresh = upload(live_server, me["token"], png_bytes(color=(44, 55, 66)), content_type="image/png").json()["id"]
    claimed = upload(live_server, me["token"], png_bytes(color=(77, 88, 99)), content_type="image/png").json()["id"]
    filed = live_server.gql(FILE, {"i": complaint_input(photoIds=[claimed]), "k": "sweep-key-0001"}, token=me["token"])
    assert "errors" not in filed, filed
    from gql.core.node import decode_id

    records = db["upload_records"]  # type: ignore[index]
    for gid in (stale, claimed):  # both uploaded 25 hours ago (whole documents: see documents/db/query_shapes.py)
        oid = decode_id(gid, "Upload")[1]  # type: ignore[index]
        doc = records.find_one({"_id": oid})
        records.replace_one({"_id": oid}, {**doc, "created_at": utcnow() - timedelta(hours=25)})
    uri = f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/?directConnection=true"
    await database.connect(uri, "qsradar", all_documents())
    try:
        assert await actions.sweep() >= 1
    finally:
        await database.disconnect()
    remaining = {str(d["_id"]) for d in records.find({"owner_id": str(decode_id(me["id"], "Account")[1])})}  # type: ignore[index]
    assert remaining == {str(decode_id(fresh, "Upload")[1]), str(decode_id(claimed, "Upload")[1])}  # type: ignore[index]
    gone = httpx.get(f"{live_server.base_url}/uploads/{stale}", headers={"Authorization": f"Bearer {me['token']}"})
    assert gone.status_code == 404
    kept = httpx.get(f"{live_server.base_url}/uploads/{claimed}", headers={"Authorization": f"Bearer {me['token']}"})
    assert kept.status_code == 200
