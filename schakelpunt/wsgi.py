"""WSGI entry point (gunicorn schakelpunt.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakelpunt.settings")
from schakelpunt.dbguard import DeadlineApplication  # noqa: E402  (needs the settings module set)

application = DeadlineApplication(get_wsgi_application())
