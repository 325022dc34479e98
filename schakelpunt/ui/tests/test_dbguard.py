"""The database deadline: a wait on a database that does not answer fails instead of hanging."""

import pytest
from django.db import OperationalError, connection, connections

from schakelpunt.dbguard import db_deadline

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the deadline guards PostgreSQL only")


def test_a_wait_past_the_deadline_fails_with_operational_error(db):
    """pg_sleep stands in for a frozen server: the server-side statement timeout is off here,
    so only the deadline can end the wait (without it this test would sleep 60 s and pass the query)."""
    own = connections.create_connection("default")
    try:
        with own.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with pytest.raises(OperationalError), db_deadline(0.5, connection=own), own.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(60)")
    finally:
        own.close()
        # The server would sleep on for the whole minute; end that session.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_query_within_the_deadline_is_untouched(db):
    own = connections.create_connection("default")
    try:
        with db_deadline(30, connection=own), own.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
    finally:
        own.close()
