"""The outbox forgets bookings: its kinds are registered by the apps that send them (no
choices here), and the link from an e-mail to its booking becomes the booking app's own
(bookings.BookingEmail).

The link is forgotten here in the migration state only. Its column (booking_id) stays in the
table, with every value, until bookings 0013 has copied the links to its own table; that
migration then drops the column. So the core's migrations never wait on a bookings migration,
and no link is lost whichever app an upgrade migrates first."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("apiwise", "0005_page_view_counts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveField(model_name="emaildelivery", name="booking")],
            database_operations=[],
        ),
        migrations.AlterField(
            model_name="emaildelivery",
            name="kind",
            field=models.CharField(max_length=16),
        ),
    ]
