from django.apps import AppConfig


class ApiwiseConfig(AppConfig):
    name = "apiwise"
    verbose_name = "APIwise site"
