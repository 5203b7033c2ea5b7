from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "Staff accounts and security"

    def ready(self):
        from staff import lockout  # noqa: F401 - connects the lockout log to django-axes
