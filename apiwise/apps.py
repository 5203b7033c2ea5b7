from django.apps import AppConfig


class ApiwiseConfig(AppConfig):
    name = "apiwise"
    verbose_name = "APIwise site"

    def ready(self):
        from apiwise import content_cache, edge_cache

        content_cache.connect_signals()
        edge_cache.connect_signals()
