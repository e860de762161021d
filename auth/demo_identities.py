"""Demo accounts and the demo agency client (development mode only; password from the settings)."""

from __future__ import annotations

from auth.agency_clients import register_client
from auth.sessions import create_account
from documents.accounts.agency_clients import AgencyClient
from documents.accounts.models import Account
from documents.core.errors import StateConflict
from documents.demo.data import DEMO_USCC
from documents.enums import AgencyScope, Role
from documents.settings import get_settings

DEMO_ACCOUNTS = [
    ("consumer@demo.test", Role.CONSUMER, "演示消费者 Demo Consumer", None),
    ("enterprise@demo.test", Role.ENTERPRISE, "演示企业用户 Demo Enterprise", DEMO_USCC),
    ("regulator@demo.test", Role.REGULATOR, "演示监管员 Demo Regulator", None),
    ("admin@demo.test", Role.ADMIN, "演示管理员 Demo Admin", None),
]
DEMO_CLIENT_ID = "demo-agency"


async def seed_demo_identities() -> None:
    """Create the demo identities that do not exist yet."""
    password = get_settings().demo_password
    for email, role, name, uscc in DEMO_ACCOUNTS:
        if await Account.find_one(Account.email == email):
            continue
        try:
            await create_account(email, password, role, display_name=name, enterprise_uscc=uscc)
        except StateConflict:
            pass  # another worker got there first
    if not await AgencyClient.find_one(AgencyClient.client_id == DEMO_CLIENT_ID):
        try:
            await register_client(DEMO_CLIENT_ID, "演示合作机构 Demo partner agency", list(AgencyScope),
                                  by="system:demo-seed", secret=password)
        except StateConflict:
            pass
