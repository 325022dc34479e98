"""Het verwerkingsregister: the processing activities (AVG art. 30), versioned, that every access-log record names."""

from django.apps import AppConfig


class VerwerkingenConfig(AppConfig):
    name = "schakelpunt.verwerkingen"
    label = "verwerkingen"
    verbose_name = "Verwerkingsregister"
