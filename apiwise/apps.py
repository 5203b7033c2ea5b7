from django.apps import AppConfig


class ApiwiseConfig(AppConfig):
    name = "apiwise"
    verbose_name = "APIwise site"

    def ready(self):
        from apiwise import (
            content_cache,
            edge_cache,
            email_kinds,
            site_address,  # noqa: F401 - registers its deploy check
        )
        from apiwise.analytics import flush, store
        from apiwise.error_reports import ERROR_REPORT_EMAIL
        from apiwise.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
        from apiwise.staff.password_reset import PASSWORD_RESET_EMAIL

        content_cache.connect_signals()
        edge_cache.connect_signals()
        # Shown on every page (footer, menus, metadata).
        for model in (SiteSettings, NavigationSettings, MainMenuItem, FooterLink):
            content_cache.register_public_model(model)
        # Without Redis, each web process writes its own page views every minute.
        store.local_buffer.start_timer = flush.start_flush_timer
        # Sent as rendered when asked for; its working link is dropped from the row once sent.
        email_kinds.register(
            PASSWORD_RESET_EMAIL, "Password reset link to a staff member", secret=True
        )
        email_kinds.register(ERROR_REPORT_EMAIL, "Error report to the site's admins")
