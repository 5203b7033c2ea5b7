import json

from django.core.management.base import BaseCommand, CommandError

from bookings import privacy


class Command(BaseCommand):
    help = "Export (JSON on stdout) or erase everything held about one e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Confirm an erasure.")

    def handle(self, *args, action, email, yes, **options):
        if action == "export":
            self.stdout.write(json.dumps(privacy.export(email), indent=2, ensure_ascii=False))
            return
        if not yes:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")
        count = privacy.erase(email)
        self.stdout.write(f"Erased the personal data of {count} request(s).")
