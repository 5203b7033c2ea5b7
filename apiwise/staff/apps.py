from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "apiwise.staff"
    label = "staff"
    verbose_name = "Staff accounts and security"

    def ready(self):
        from apiwise.staff import lockout  # noqa: F401 - connects the lockout log to django-axes
