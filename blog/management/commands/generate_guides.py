"""Generate N published guides for benchmarking (`make bench`): never part of the demo content.

Each generated guide is a copy of one of the demo's complete guides (so its body has the same
mix of headings, tables, code, callouts and FAQs as real guides), under a numbered title and
slug starting `bench-`, with the original's topics, an author and a date spread over the last
six years. `--delete` removes them again."""

import datetime as dt
import itertools

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from blog.demo_guides import documents
from blog.models import ArticlePage, Author, GuideIndexPage

PREFIX = "bench-"


class Command(BaseCommand):
    help = "Generate N published guides (slugs bench-…) to measure the site at scale."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many guides to add.")
        parser.add_argument(
            "--delete", action="store_true", help="Delete the generated guides instead."
        )

    def handle(self, count, delete=False, **options):
        generated = ArticlePage.objects.filter(slug__startswith=PREFIX)
        if delete:
            deleted = generated.count()
            for page in generated:
                page.delete()
            self.stdout.write(f"Deleted {deleted} generated guides.")
            return
        index = GuideIndexPage.objects.first()
        if index is None:
            raise CommandError("No guide index: run `manage.py load_demo_content` first.")
        if count < 1:
            raise CommandError("COUNT must be at least 1.")
        # The demo's complete guides as published (the documents' slugs).
        originals = list(ArticlePage.objects.live().filter(slug__in=documents()).order_by("slug"))
        if not originals:
            raise CommandError("No published demo guide: run `manage.py load_demo_content`.")
        topics = {original.pk: list(original.topics.all()) for original in originals}
        authors = list(Author.objects.all())
        start = generated.count()
        today = timezone.localdate()
        cycle = itertools.cycle(originals)
        with transaction.atomic():
            for number in range(start + 1, start + count + 1):
                original = next(cycle)
                page = ArticlePage(
                    title=f"{original.title} (copy {number})",
                    slug=f"{PREFIX}{number:05d}-{original.slug}"[:255],
                    summary=original.summary,
                    short_answer=original.short_answer,
                    body=[{"type": b["type"], "value": b["value"]} for b in original.body.raw_data],
                    # Spread over six years, so listings and the sitemap sort real dates.
                    date=today - dt.timedelta(days=(number * 7) % 2190),
                    live=True,
                )
                page.topics = topics[original.pk]
                page.authors = authors[:1]
                index.add_child(instance=page)
        self.stdout.write(f"Generated {count} guides (now {start + count} in all).")
