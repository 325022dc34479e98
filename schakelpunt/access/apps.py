"""Access: the one policy that decides who may read or change what, and for which purpose."""

from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "schakelpunt.access"
    label = "access"
