"""The CI's pip-audit step says plainly when it checked nothing (.ci/pip_audit_summary.py)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / ".ci" / "pip_audit_summary.py"

ALL_SKIPPED = {
    "dependencies": [
        {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited: django (5.2)"},
        {"name": "gunicorn", "skip_reason": "Dependency not found on PyPI and could not be audited: gunicorn (23)"},
    ],
    "fixes": [],
}
CHECKED = {"dependencies": [{"name": "django", "version": "5.2", "vulns": []}], "fixes": []}
VULNERABLE = {
    "dependencies": [{"name": "django", "version": "5.2", "vulns": [{"id": "PYSEC-0000-1", "fix_versions": []}]}],
    "fixes": [],
}


def _run(tmp_path, report, exit_code=0, strict=False):
    path = tmp_path / "audit.json"
    path.write_text(json.dumps(report))
    env = {"PATH": "/usr/bin:/bin", **({"PIP_AUDIT_STRICT": "1"} if strict else {})}
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(path), str(exit_code)], capture_output=True, text=True, env=env, check=False
    )


def test_everything_skipped_is_reported_as_nothing_checked(tmp_path):
    result = _run(tmp_path, ALL_SKIPPED)
    assert "0 of 2 packages checked" in result.stdout
    assert "SKIPPED: NOTHING WAS CHECKED" in result.stdout
    assert result.returncode == 0


def test_everything_skipped_fails_when_strict(tmp_path):
    assert _run(tmp_path, ALL_SKIPPED, strict=True).returncode == 1


def test_a_real_check_passes_and_a_vulnerability_fails(tmp_path):
    ok = _run(tmp_path, CHECKED, strict=True)
    assert ok.returncode == 0 and "1 of 1 packages checked" in ok.stdout and "SKIPPED" not in ok.stdout
    bad = _run(tmp_path, VULNERABLE, exit_code=1)
    assert bad.returncode == 1 and "VULNERABLE: django 5.2: PYSEC-0000-1" in bad.stdout


def test_no_report_fails(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "missing.json"), "2"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
