from django.apps import AppConfig


class ApiwiseConfig(AppConfig):
    name = "apiwise"
    verbose_name = "APIwise site"

    def ready(self):
        from apiwise.content_cache import connect_signals

        connect_signals()
