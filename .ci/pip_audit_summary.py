"""Say plainly what the pip-audit step checked: never a green line that checked nothing.

    python .ci/pip_audit_summary.py AUDIT.json EXIT_CODE

Reads pip-audit's JSON report. Fails (exit 1) when a vulnerability is found or pip-audit
itself failed. When packages were skipped (no vulnerability database reachable: pip-audit
then reports each package as "not found" and exits 0) it prints that in capitals and fails
only when PIP_AUDIT_STRICT is set; the municipality's own pipeline, which does reach a
database, should set it (see README, "CI").
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def summarise(report: dict, exit_code: int, strict: bool) -> tuple[int, list[str]]:
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    audited = [d for d in dependencies if not d.get("skip_reason")]
    vulnerable = [d for d in audited if d.get("vulns")]
    lines = [f"pip-audit: {len(audited)} of {len(dependencies)} packages checked against a vulnerability database."]
    for dep in vulnerable:
        ids = ", ".join(v.get("id", "?") for v in dep["vulns"])
        lines.append(f"VULNERABLE: {dep['name']} {dep.get('version', '')}: {ids}")
    status = 0
    if vulnerable:
        status = 1
    elif exit_code not in (0,):
        lines.append(f"FAILED: pip-audit exited with {exit_code}.")
        status = 1
    if skipped:
        what = "NOTHING WAS CHECKED" if not audited else f"{len(skipped)} PACKAGES WERE NOT CHECKED"
        lines.append(f"SKIPPED: {what}: no vulnerability database answered ({skipped[0]['skip_reason']}).")
        if strict:
            lines.append("PIP_AUDIT_STRICT is set: a skipped package fails this step.")
            status = 1
        else:
            lines.append(
                "Not failing because PIP_AUDIT_STRICT is not set; run this step where a database is reachable."
            )
    return status, lines


def main(argv: list[str]) -> int:
    path, exit_code = Path(argv[1]), int(argv[2])
    if not path.exists() or not path.read_text().strip():
        print(f"FAILED: pip-audit wrote no report (exit code {exit_code}).")
        return 1
    status, lines = summarise(json.loads(path.read_text()), exit_code, bool(os.environ.get("PIP_AUDIT_STRICT")))
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
