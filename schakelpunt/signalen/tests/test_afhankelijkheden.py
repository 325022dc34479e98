"""The dependency between signalen and the subject register runs one way (issue 8).

subjecten may import signalen (the register listens to signals); signalen never imports subjecten:
what a signal screen needs from the register it asks through ``signalen.register``.
"""

import ast
from pathlib import Path

import pytest

SIGNALEN = Path(__file__).resolve().parents[1]
SUBJECTEN = SIGNALEN.parent / "subjecten"


def _imports(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def _code(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "tests" not in p.relative_to(folder).parts)


@pytest.mark.parametrize("path", _code(SIGNALEN), ids=lambda p: str(p.relative_to(SIGNALEN)))
def test_signalen_never_imports_the_register(path):
    bad = sorted(m for m in _imports(path) if m == "schakelpunt.subjecten" or m.startswith("schakelpunt.subjecten."))
    assert not bad, f"{path.name} imports {bad}: ask the register through signalen.register instead"


def test_the_register_does_import_signalen():
    """The other direction exists (and the test above would pass vacuously if the folders moved)."""
    assert any(m.startswith("schakelpunt.signalen") for path in _code(SUBJECTEN) for m in _imports(path)), (
        "subjecten no longer imports signalen: check the paths in this test"
    )
