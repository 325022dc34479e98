"""Django's sqlite3 backend with the access log appended just before each commit."""

import sqlite3

from django.db.backends.sqlite3 import base, features

from schakelpunt.audit.chain import AuditChainMixin


class DatabaseFeatures(features.DatabaseFeatures):
    # Django assumes SQLite's old limit of 999 parameters per query; since 3.32 it is 32 766. With
    # the old limit one page's audit entries (19 columns each) are inserted 52 at a time.
    max_query_params = 32766 if sqlite3.sqlite_version_info >= (3, 32) else 999


class DatabaseWrapper(AuditChainMixin, base.DatabaseWrapper):
    features_class = DatabaseFeatures
