from django.apps import AppConfig


class SmarthuntConfig(AppConfig):
    name = 'smarthunt'

    def ready(self):
        from . import signals  # noqa: F401
