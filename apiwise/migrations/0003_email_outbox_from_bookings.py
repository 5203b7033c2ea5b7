"""The e-mail outbox moves from bookings to the core: the same table, every row kept. The
model is created here in the migration state only; bookings 0012 removes its own. The table
is then renamed to the core's name (a rename keeps rows, indexes and constraints), and its
content type moves with it, so staff keep the permissions they had on it."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def move_content_type(apps, schema_editor, source="bookings", target="apiwise"):
    # A new database has no content types yet (they are made after migrating): nothing to move.
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model="emaildelivery").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="apiwise", target="bookings")


class Migration(migrations.Migration):
    dependencies = [
        ("apiwise", "0002_company_details_icons_and_menu_button"),
        ("bookings", "0011_staff_digest"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmailDelivery",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("confirmation", "Confirmation to the prospect"),
                                    ("staff", "Notification to staff"),
                                    ("cancellation", "Cancellation to the prospect"),
                                    ("reschedule", "New time to the prospect"),
                                    ("password_reset", "Password reset link to a staff member"),
                                    ("reminder", "Reminder to the prospect, 24 hours before"),
                                    ("digest", "Today's calls to staff, at 08:00"),
                                ],
                                max_length=16,
                            ),
                        ),
                        ("message", models.JSONField(blank=True, default=dict)),
                        (
                            "state",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("sending", "Sending"),
                                    ("sent", "Sent"),
                                    ("failed", "Failed"),
                                    ("skipped", "Not sent: the call was cancelled or moved"),
                                ],
                                default="queued",
                                max_length=8,
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("last_error", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "next_attempt_at",
                            models.DateTimeField(default=django.utils.timezone.now),
                        ),
                        ("last_attempt_at", models.DateTimeField(blank=True, null=True)),
                        ("lease_until", models.DateTimeField(blank=True, null=True)),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                        ("task_id", models.CharField(blank=True, max_length=64)),
                        ("for_slot_start", models.DateTimeField(blank=True, null=True)),
                        (
                            "booking",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="deliveries",
                                to="bookings.booking",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "e-mail delivery",
                        "verbose_name_plural": "e-mail deliveries",
                        "ordering": ["created_at", "pk"],
                        "db_table": "bookings_emaildelivery",
                        "indexes": [
                            models.Index(
                                fields=["state", "next_attempt_at"],
                                name="bookings_em_state_a7f989_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="emaildelivery", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
