"""Finding outbox rows (e-mails, webhooks) whose task was lost, and sending them again.

Each row is sent by a task of its own. A row can be left without a live task: a worker killed
mid-send (its lease runs out), a crash between commit and enqueue, a retry an in-process
backend could not defer. The worker's periodic jobs call each outbox's `requeue_stale()`,
which hands its rows to `requeue_lost()`.
"""

from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone


class WorkerStopped(Exception):
    """Recorded on a task row whose worker stopped mid-task (the row is sent again)."""


def _task_is_alive(task_row, now, lease):
    if task_row.status == TaskResultStatus.READY:
        return True
    started = task_row.started_at
    return task_row.status == TaskResultStatus.RUNNING and started and started > now - lease


def requeue_lost(
    candidates, *, transactional, enqueue, lease, what, now, still_waits=lambda row: False
):
    """Requeue, to be sent at once, the rows of `candidates` (queued and due, or sending with
    a lease that ran out) whose task is gone. `still_waits(row)` keeps back a row that is
    waiting on purpose. Returns how many were requeued."""
    from django_tasks_db.models import DBTaskResult

    State = candidates.model.State
    count = 0
    for row in candidates:
        task_row = (
            DBTaskResult.objects.filter(id=row.task_id).first()
            if transactional and row.task_id
            else None
        )
        if row.state == State.QUEUED and (
            (task_row and _task_is_alive(task_row, now, lease)) or still_waits(row)
        ):
            continue  # its task is waiting for a worker, or has just been picked up
        with transaction.atomic():
            updated = candidates.model.objects.filter(
                pk=row.pk, state=row.state, attempts=row.attempts
            ).update(state=State.QUEUED, next_attempt_at=timezone.now(), lease_until=None)
            if not updated:
                continue  # a worker got to it first
            if task_row and task_row.status == TaskResultStatus.RUNNING:
                # What a killed worker leaves behind: its task RUNNING forever. Close it.
                DBTaskResult.objects.filter(pk=task_row.pk).update(
                    status=TaskResultStatus.FAILED,
                    finished_at=now,
                    exception_class_path=f"{WorkerStopped.__module__}.{WorkerStopped.__qualname__}",
                    traceback=f"The worker stopped while running this task; the {what} is "
                    "requeued.",
                )
            enqueue(row)
            count += 1
    return count
