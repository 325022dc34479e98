"""Migrations do the same thing forever: they never import live application code (issue 8)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Callables Django itself writes into a migration (a field's upload_to or default): the only allowed
# references (signalen: an attachment's upload_to; audit: the chain head's random register token).
TOEGESTAAN = {"schakelpunt.signalen.models", "schakelpunt.audit.models"}


def _migraties() -> list[Path]:
    return sorted(p for p in ROOT.glob("*/migrations/*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", _migraties(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_a_migration_imports_no_live_code(path):
    tree = ast.parse(path.read_text())
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    live = {m for m in modules if m.startswith("schakelpunt")} - TOEGESTAAN
    assert not live, f"{path.name} imports {sorted(live)}: freeze the data in the migration instead"
