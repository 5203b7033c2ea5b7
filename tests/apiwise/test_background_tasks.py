"""Production runs background work on the database queue; its worker must run Wagtail's tasks
(search index, reference index) as well as ours."""

import django_tasks.signals  # noqa: F401 - resets the backport's backends when TASKS changes
import pytest
from django.core.management import call_command
from django.db import connection
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from apiwise.models import StandardPage
from tests.helpers import DATABASE_TASK_QUEUE


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker test runs on PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_worker_runs_wagtails_search_index_tasks(
    production_worker, settings, demo_content
):
    settings.TASKS = DATABASE_TASK_QUEUE
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPage(title="Zebra crossings", slug="zebra", body="<p>Striped integrations.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()

    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert not StandardPage.objects.live().search("zebra").results()

    worker = production_worker()

    unfinished = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL)
    assert not unfinished.exists(), (
        list(unfinished.values("task_path", "status", "exception_class_path")),
        worker.stderr[-3000:],
    )
    assert [p.title for p in StandardPage.objects.live().search("zebra")] == ["Zebra crossings"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker test runs on PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_loading_the_demo_content_in_production_leaves_no_failed_task(
    fresh_wagtail_database, production_worker, settings
):
    """From Wagtail's fresh database (with its "Welcome" placeholder page) to the demo site,
    with the production task queue: every task the loader queues must succeed."""
    from wagtail.models import Page

    assert Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()
    settings.TASKS = DATABASE_TASK_QUEUE
    call_command("load_demo_content", verbosity=0)
    worker = production_worker()
    failed = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL)
    assert not failed.exists(), (
        list(failed.values("task_path", "args_kwargs", "exception_class_path")),
        worker.stderr[-2000:],
    )
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() > 50
