#!/usr/bin/env python3
"""Schakelpunt's two commands, for a fresh machine with only Python 3.11+.

    python3 dev.py start   set up .venv, migrate SQLite, load synthetic demo data, serve :8000
    python3 dev.py test    set up .venv (and Debian's chromium), run the whole test suite

Extra arguments after `test` go to pytest.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
LOCKS = [ROOT / "requirements" / "base.txt", ROOT / "requirements" / "dev.txt"]
STAMP = VENV / ".installed"
CHROMIUM = "/usr/bin/chromium"


def run(*cmd, env=None, check=True):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env, check=check)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older python3
        sys.exit("Schakelpunt needs Python 3.11 or newer.")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in LOCKS)).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    args = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes"]
    for lock in LOCKS:
        args += ["-r", lock]
    run(PY, *args)
    STAMP.write_text(digest)


def apt_install(*packages: str) -> None:
    """Install Debian packages the project needs, where this machine allows it (apt-get, as root)."""
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(apt, "update", "-qq", env=env, check=False)
        run(apt, "install", "-y", "-qq", *packages, env=env, check=False)


def ensure_chromium() -> None:
    if os.path.exists(CHROMIUM):
        return
    apt_install("chromium")
    if not os.path.exists(CHROMIUM):
        # The browser tests fail (never skip) with the same message; say it early too.
        print(
            "WARNING: Debian's chromium is missing; install it with "
            "`sudo apt-get install chromium` (provides /usr/bin/chromium).",
            file=sys.stderr,
        )


def _has_pango() -> bool:
    import ctypes.util

    return ctypes.util.find_library("pango-1.0") is not None and ctypes.util.find_library("pangoft2-1.0") is not None


def ensure_pango() -> None:
    """WeasyPrint (the casusdossier PDF) needs Debian's pango; install it like chromium."""
    if _has_pango():
        return
    apt_install("libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core")
    if not _has_pango():
        print(
            "WARNING: pango is missing, so PDF exports (casusdossier) fail; install it with "
            "`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`.",
            file=sys.stderr,
        )


def demo_env() -> dict:
    env = dict(os.environ)
    env.setdefault("SCHAKELPUNT_MODE", "demo")
    env.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}")
    return env


def listen_address(extra: list[str]) -> tuple[str, str]:
    """(address the server listens on, URL to open in a browser) from `dev.py start [ADDRESS]`.

    Like runserver: "8000" or ":8000" is 127.0.0.1:8000; "0.0.0.0:8000" listens on every interface
    (open it as 127.0.0.1 on this machine).
    """
    address = extra[0] if extra else "127.0.0.1:8000"
    host, _, port = address.rpartition(":")
    host = host or "127.0.0.1"
    open_host = "127.0.0.1" if host in ("0.0.0.0", "::", "[::]") else host  # noqa: S104
    return f"{host}:{port}", f"http://{open_host}:{port}"


def start(extra: list[str]) -> None:
    ensure_venv()
    ensure_pango()
    address, url = listen_address(extra)
    env = demo_env()
    env.setdefault("SITE_URL", url)
    run(PY, "manage.py", "migrate", "--noinput", env=env)
    run(PY, "manage.py", "seed_demo", env=env)
    print(f"Schakelpunt luistert op {address}; open {url} in je browser.", flush=True)
    # Replace this process with the server (no shell is involved).
    os.execve(str(PY), [str(PY), "manage.py", "runserver", address, "--noreload"], env)  # noqa: S606


def test(extra: list[str]) -> None:
    ensure_venv()
    ensure_chromium()
    ensure_pango()
    env = dict(os.environ, SCHAKELPUNT_MODE="test")
    result = run(PY, "-m", "pytest", *extra, env=env, check=False)
    sys.exit(result.returncode)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("start", "test"):
        sys.exit(__doc__)
    {"start": start, "test": test}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
