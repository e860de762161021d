"""The warning's life-cycle rules, on the document itself (no service needed): documents/warning.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from documents.core.errors import RuleViolation, StateConflict
from documents.enums import HazardType, WarningKind, WarningLevel, WarningStatus
from documents.warnings.models import Warning, format_code, normalise_hs_code
from tests.stack import Stack

AT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module", autouse=True)
async def registered_documents(live_server: Stack) -> None:
    """Beanie documents must be registered before use: on the session's embedded server, in a database
    of their own; the rules themselves never touch it."""
    from beanie import init_beanie
    from pymongo import AsyncMongoClient

    client: AsyncMongoClient = AsyncMongoClient(f"mongodb://127.0.0.1:{live_server.embedded_db()['port']}/"
                                                "?directConnection=true")
    await init_beanie(database=client["rules"], document_models=[Warning], skip_indexes=True)


def draft(**overrides: object) -> Warning:
    fields: dict = {"title": " 移动电源过热 ", "level": WarningLevel.ORANGE, "kind": WarningKind.ANNOUNCEMENT,
                    "hazards": [HazardType.PHYSICAL, HazardType.PHYSICAL], "product_category": "移动电源",
                    "hs_codes": ["8507.60"], "origin_countries": ["cn"], "summary": "起火风险",
                    "issued_by": "海关总署"}
    fields.update(overrides)
    return Warning(**fields)


def test_validation_normalises_what_was_typed() -> None:
    w = draft()
    w.validate_content()
    assert (w.title, w.hazards, w.hs_codes, w.origin_countries) == ("移动电源过热", [HazardType.PHYSICAL], ["850760"], ["CN"])


@pytest.mark.parametrize("overrides, field", [
    ({"title": " "}, "title"), ({"summary": ""}, "summary"), ({"hazards": []}, "hazards"),
    ({"origin_countries": ["ZZ"]}, "originCountries"), ({"hs_codes": ["12345"]}, "hsCodes"),
    ({"level": WarningLevel.RED}, "authorizationRef"), ({"issued_by": " "}, "issuedBy"),
    ({"title_en": "x" * 201}, "titleEn"), ({"product_category": "x" * 121}, "productCategory"),
    ({"regions": ["深圳"] * 251}, "regions"), ({"authorization_ref": "x" * 121}, "authorizationRef"),
])
def test_validation_names_the_field(overrides: dict, field: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        draft(**overrides).validate_content()
    assert raised.value.field == field


def test_publish_records_the_initial_level_once() -> None:
    w = draft()
    w.publish(by="reg", at=AT, code=format_code(2026, 123))
    assert (w.status, w.code, w.published_at) == (WarningStatus.PUBLISHED, "RW-2026-000123", AT)
    assert [(h.from_level, h.to_level) for h in w.level_history] == [(None, WarningLevel.ORANGE)]
    with pytest.raises(StateConflict):
        w.publish(by="reg", at=AT)


def test_only_published_warnings_change_level_and_every_change_is_history() -> None:
    w = draft()
    with pytest.raises(StateConflict):
        w.adjust_level(WarningLevel.YELLOW, "evidence", "reg")
    w.publish(by="reg", at=AT)
    with pytest.raises(StateConflict):
        w.adjust_level(WarningLevel.ORANGE, "same level", "reg")
    with pytest.raises(RuleViolation):
        w.adjust_level(WarningLevel.YELLOW, "  ", "reg")
    with pytest.raises(RuleViolation):
        w.adjust_level(WarningLevel.YELLOW, "x" * 1001, "reg")
    with pytest.raises(RuleViolation):  # level I needs the State Council authorisation
        w.adjust_level(WarningLevel.RED, "worse", "reg")
    w.authorization_ref = "国务院授权〔2026〕1号"
    w.adjust_level(WarningLevel.RED, "worse", "reg")
    w.adjust_level(WarningLevel.BLUE, "better", "reg")
    assert [(h.from_level, h.to_level) for h in w.level_history] == [
        (None, WarningLevel.ORANGE), (WarningLevel.ORANGE, WarningLevel.RED), (WarningLevel.RED, WarningLevel.BLUE)]


def test_lifted_is_final() -> None:
    w = draft()
    w.publish(by="reg", at=AT)
    with pytest.raises(RuleViolation):
        w.lift(" ", "reg")
    w.lift("risk gone", "reg", at=AT)
    assert (w.status, w.lifted_at, len(w.level_history)) == (WarningStatus.LIFTED, AT, 2)
    for change in (lambda: w.adjust_level(WarningLevel.BLUE, "x", "reg"), lambda: w.lift("again", "reg"),
                   lambda: w.publish(by="reg")):
        with pytest.raises(StateConflict):
            change()


def test_derived_fields_serve_the_query_shapes() -> None:
    w = draft(title_en="Power banks")
    w.validate_content()
    w.publish(by="reg", at=AT, code="RW-2026-000001")
    w.refresh_derived()
    assert w.sort_key.startswith("20260301080000") and w.sort_key.endswith(str(w.id))
    assert "power banks" in w.search_text and "rw-2026-000001" in w.search_text
    assert w.hs_prefixes == ["85", "850", "8507", "85076", "850760"]
    assert normalise_hs_code("8507 60 00") == "85076000"
