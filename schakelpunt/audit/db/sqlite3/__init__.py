"""Django's sqlite3 backend with the access log appended just before each commit."""
