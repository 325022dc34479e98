"""Deadlines on database waits, so that a frozen database fails a request instead of hanging it.

PostgreSQL's own `statement_timeout` ends a slow statement, and `connect_timeout` a connection
attempt that gets no answer; neither helps when the server process is frozen while a
connection is open (the kernel keeps accepting the bytes, nobody answers). Then gunicorn would
kill the worker after its timeout and the client gets nothing useful.

`db_deadline(seconds)` marks the current thread's database connection: one watchdog thread per
process shuts that connection's socket down when the deadline passes while the thread is still
inside the block. The blocked call then returns at once with an OperationalError, which the
error handler answers as 503 with Retry-After, and Django opens a fresh connection on the next
request. `DeadlineApplication` (schakelpunt/wsgi.py) puts every request under DB_REQUEST_DEADLINE
(below gunicorn's timeout); /healthz under the shorter DB_HEALTHZ_DEADLINE.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db import connections

logger = logging.getLogger("schakelpunt.failure")

_lock = threading.Lock()
_inflight: dict[int, tuple[float, object]] = {}
_ids = itertools.count()
_watchdog: threading.Thread | None = None
TICK = 0.25


def _pg_socket(wrapper) -> int | None:
    """The file descriptor of a PostgreSQL connection, or None (not open, or not PostgreSQL)."""
    raw = getattr(wrapper, "connection", None)
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        return None
    try:
        return pgconn.socket
    except Exception:  # a closed connection has no socket
        return None


def _drop(wrapper) -> None:
    fd = _pg_socket(wrapper)
    if fd is None:
        return
    try:
        # shutdown() acts on the socket itself, so a duplicate descriptor is enough and the
        # driver's own descriptor stays valid until Django closes the broken connection.
        with socket.socket(fileno=os.dup(fd)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
        logger.error("database deadline passed: connection dropped", extra={"error": "deadline"})
    except OSError:
        pass


def _watch() -> None:
    while True:
        time.sleep(TICK)
        now = time.monotonic()
        with _lock:
            expired = [(key, wrapper) for key, (deadline, wrapper) in _inflight.items() if deadline <= now]
            for key, _wrapper in expired:
                del _inflight[key]
        for _key, wrapper in expired:
            _drop(wrapper)


def _ensure_watchdog() -> None:
    global _watchdog
    with _lock:
        if _watchdog is None or not _watchdog.is_alive():
            _watchdog = threading.Thread(target=_watch, name="db-deadline", daemon=True)
            _watchdog.start()


@contextlib.contextmanager
def db_deadline(seconds: float, alias: str = "default", *, connection=None):
    """Inside this block, a wait on the database longer than `seconds` fails with OperationalError."""
    connection = connection or connections[alias]
    if not seconds or connection.vendor != "postgresql":
        yield
        return
    _ensure_watchdog()
    key = next(_ids)
    with _lock:
        _inflight[key] = (time.monotonic() + seconds, connection)
    try:
        yield
    finally:
        with _lock:
            _inflight.pop(key, None)


class DeadlineApplication:
    """The WSGI application with every request under a database deadline.

    A WSGI wrapper rather than a middleware, so that it also covers Django's check of a
    persistent connection (CONN_HEALTH_CHECKS), which runs before any middleware.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        healthz = environ.get("PATH_INFO") == "/healthz"
        seconds = settings.DB_HEALTHZ_DEADLINE if healthz else settings.DB_REQUEST_DEADLINE
        with db_deadline(seconds):
            return self.application(environ, start_response)
