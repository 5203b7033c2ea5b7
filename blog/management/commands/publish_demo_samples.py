"""Publish the demo's samples: the case study listing, the sample case study, the team page
and the sample person on it. For a throw-away database only (`make audit` audits those pages
in its own): on a real site they are placeholders, and `check --tag launch` fails while any is
live."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from blog.models import Author, CaseStudyIndexPage, CaseStudyPage, TeamPage
from blog.models.case_study import SAMPLE_TITLE


class Command(BaseCommand):
    help = "Publish the demo's sample case study and team page (throw-away databases only)."

    def handle(self, *args, **options):
        with transaction.atomic():
            sample = CaseStudyPage.objects.filter(title=SAMPLE_TITLE).first()
            if sample is None:
                raise CommandError("No sample case study: run load_demo_content first.")
            for page in (
                CaseStudyIndexPage.objects.get(pk=sample.get_parent().pk),
                sample,
                TeamPage.objects.get(),
            ):
                page.get_latest_revision_as_object().save_revision().publish()
            Author.objects.filter(name=SAMPLE_TITLE).update(on_team_page=True)
        self.stdout.write(self.style.WARNING("The demo's samples are live: never on a real site."))
