"""gunicorn settings for Schakelpunt (gunicorn reads ./gunicorn.conf.py from where it starts).

Command-line options still win. Every value can be set from the environment; see
docs/configuration.md, "Production server".
"""

import os

# A web request gets a server-side statement timeout; commands and benchmarks, which may run
# long statements, do not (settings.py's default is 0).
os.environ.setdefault("DB_STATEMENT_TIMEOUT", "8")

# A worker that has not answered within `timeout` seconds is killed. The application gives up
# on the database earlier (DB_REQUEST_DEADLINE, 10 s by default), so a client gets a 503 with
# Retry-After instead of a dropped connection.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Bounded request lines and headers (gunicorn's defaults, written down so they are seen).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# gunicorn's own log (start, worker timeouts, "Error handling request") as JSON lines on
# standard error, like the application's. The access log is off: RequestLogMiddleware writes
# one line per request without query strings, which may hold personal data.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
    },
    "root": {"level": "INFO", "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {"level": os.environ.get("LOG_LEVEL", "INFO"), "handlers": ["console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}
