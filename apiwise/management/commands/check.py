"""Django's `check`, which also knows the launch checks (apiwise/launch_checks.py): they run
only when asked for by name, `manage.py check --tag launch`, because the demo data fails them
on purpose and a plain `check` (or `check --deploy` in CI) must not."""

from django.core.checks.registry import registry
from django.core.management.commands.check import Command as DjangoCheckCommand

from apiwise import launch_checks


class Command(DjangoCheckCommand):
    help = (
        "Checks the entire Django project for potential problems. "
        f"`--tag {launch_checks.TAG}` lists the placeholders to replace before going live."
    )

    def handle(self, *app_labels, **options):
        wanted = options["list_tags"] or launch_checks.TAG in (options["tags"] or ())
        added = launch_checks.registry.registered_checks - registry.registered_checks
        if wanted:
            registry.registered_checks |= added
        try:
            return super().handle(*app_labels, **options)
        finally:
            # Only for this run: a later `check` in the same process (tests) runs without them.
            registry.registered_checks -= added
