import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Make sure a superuser exists for local use, and say how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, url, **options):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD", "apiwise-admin")
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing is None:
            User.objects.create_superuser(username, "admin@apiwise.example", password)
            self.stdout.write(
                self.style.SUCCESS(f"Log in at {url} as '{username}' with password '{password}'.")
            )
        elif existing.username == username and existing.check_password(password):
            self.stdout.write(f"Log in at {url} as '{username}' with password '{password}'.")
        else:
            self.stdout.write(
                f"Log in at {url} as '{existing.get_username()}' with the password you set "
                "(or: python manage.py changepassword)."
            )
