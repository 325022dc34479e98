"""The test suite at the hour the calendar differs between UTC and Amsterdam.

    python .ci/midnight.py [pytest arguments]

Runs the tests (not the browser tests, not the matching engine's) under libfaketime at 23:10 UTC
on 31 December — 00:10 on New Year's Day in Amsterdam — so that code which takes "today" or "this
month" from the UTC clock instead of the local one (`timezone.now().date()` where
`timezone.localdate()` was meant) fails here, not only when CI happens to run in that hour. It did
once: a reminder test failed on a run at 00:10 local time. The clock runs on from there, as real time.
libfaketime is installed like the other Debian packages the project needs (dev.apt_install); without
it this step fails rather than pass without having tested anything.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dev  # noqa: E402

MOMENT = f"{datetime.date.today().year}-12-31 23:10:00"  # UTC
DEFAULT_ARGS = ["-q", "-m", "not browser", "schakelpunt", "--ignore=schakelpunt/matching"]


def main() -> int:
    if not shutil.which("faketime"):
        dev.apt_install("faketime")
    faketime = shutil.which("faketime")
    if not faketime:
        print("faketime is missing: install Debian's `faketime` package.", file=sys.stderr)
        return 1
    env = dict(os.environ, SCHAKELPUNT_MODE="test", TZ="UTC")
    env.pop("DATABASE_URL", None)  # SQLite: the clock of a database server cannot be faked from here
    command = [faketime, "-f", f"@{MOMENT}", str(dev.PY), "-m", "pytest", *(sys.argv[1:] or DEFAULT_ARGS)]
    print(f"+ {' '.join(command)}", flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode  # noqa: S603 (our own interpreter)


if __name__ == "__main__":
    sys.exit(main())
