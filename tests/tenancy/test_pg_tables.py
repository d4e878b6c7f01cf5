"""Table discovery: no import circle between storage and the table modules; found per domain."""

from __future__ import annotations

import subprocess
import sys

from core.tenancy.storage import platform_tables, tenant_tables
from core.tenancy.unbound import table_module_names


def _fresh_python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)


def test_table_modules_do_not_import_storage() -> None:
    # Each table module imports only the placeholder module, never storage (which finds them).
    _fresh_python(
        "import sys\n"
        "import core.accounts.tables, core.audit.tables, core.tenancy.tables\n"
        "assert 'core.tenancy.storage' not in sys.modules, 'tables import storage'\n"
    )
    # And storage imports no table module until tables are asked for.
    _fresh_python(
        "import sys\n"
        "import core.tenancy.storage as st\n"
        "assert not [m for m in sys.modules if m.endswith('.tables')], 'storage imports tables'\n"
        "assert 'tenant' in {t._meta.tablename for t in st.platform_tables()}\n"
    )


def test_tables_are_found_per_domain() -> None:
    assert {"core.accounts.tables", "core.audit.tables", "core.tenancy.tables"} <= set(
        table_module_names()
    )
    platform = {t._meta.tablename for t in platform_tables()}
    tenant = {t._meta.tablename for t in tenant_tables()}
    assert {"tenant", "account", "api_token", "platform_audit_entry"} <= platform
    assert {"person", "role_grant", "audit_entry"} <= tenant
    assert not platform & tenant
