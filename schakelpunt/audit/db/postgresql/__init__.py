"""Django's postgresql backend with the access log appended just before each commit."""
