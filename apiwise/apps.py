from django.apps import AppConfig


class ApiwiseConfig(AppConfig):
    name = "apiwise"
    verbose_name = "APIwise site"

    def ready(self):
        from apiwise import content_cache, edge_cache, site_address  # noqa: F401 - its check
        from apiwise.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings

        content_cache.connect_signals()
        edge_cache.connect_signals()
        # Shown on every page (footer, menus, metadata).
        for model in (SiteSettings, NavigationSettings, MainMenuItem, FooterLink):
            content_cache.register_public_model(model)
