"""The e-mail outbox now belongs to the core (apiwise 0003 took over the table and its rows):
forget it here, and point the digest at the core's model. State only: the database already
has what it needs."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0011_staff_digest"),
        ("apiwise", "0003_email_outbox_from_bookings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="staffdigest",
                    name="delivery",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="apiwise.emaildelivery",
                    ),
                ),
                migrations.DeleteModel(name="EmailDelivery"),
            ],
            database_operations=[],
        ),
    ]
