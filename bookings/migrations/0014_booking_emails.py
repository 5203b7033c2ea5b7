"""Which request an e-mail is about is now kept here (BookingEmail), no longer in the core's
outbox: the link of every e-mail is copied across, then the outbox's old column is dropped.

apiwise 0005 forgot the column in the migration state but left it, with its values, in the
table; `TakeOverBookingLinks` reads it through a state that still has it, and drops it with
Django's own schema operations (so SQLite rebuilds the table as it must). Migrating back puts
the column and every link back."""

import django.db.models.deletion
from django.db import migrations, models


def old_link_field():
    # The outbox's link as it was (apiwise 0003). No reverse accessor: Booking.deliveries
    # now names the new link.
    return models.ForeignKey(
        "bookings.booking",
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
    )


def with_old_link(state):
    state = state.clone()
    migrations.AddField("emaildelivery", "booking", old_link_field()).state_forwards(
        "apiwise", state
    )
    return state


class TakeOverBookingLinks(migrations.operations.base.Operation):
    """Copy each outbox row's booking to BookingEmail, then drop the outbox's column (and
    back). Changes no migration state: the column is already gone from it."""

    reversible = True
    reduces_to_sql = False

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        old = with_old_link(from_state)
        Delivery = old.apps.get_model("apiwise", "EmailDelivery")
        BookingEmail = from_state.apps.get_model("bookings", "BookingEmail")
        links = Delivery.objects.filter(booking__isnull=False).values_list("pk", "booking_id")
        BookingEmail.objects.bulk_create(
            BookingEmail(delivery_id=delivery, booking_id=booking) for delivery, booking in links
        )
        remove = migrations.RemoveField("emaildelivery", "booking")
        remove.database_forwards("apiwise", schema_editor, old, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        old = with_old_link(to_state)
        add = migrations.AddField("emaildelivery", "booking", old_link_field())
        add.database_forwards("apiwise", schema_editor, to_state, old)
        Delivery = old.apps.get_model("apiwise", "EmailDelivery")
        BookingEmail = from_state.apps.get_model("bookings", "BookingEmail")
        for link in BookingEmail.objects.all():
            Delivery.objects.filter(pk=link.delivery_id).update(booking_id=link.booking_id)

    def describe(self):
        return "Copy each e-mail's booking to BookingEmail and drop the outbox's old column"


class Migration(migrations.Migration):
    dependencies = [
        ("apiwise", "0006_outbox_knows_no_app_above_the_core"),
        ("bookings", "0013_bounded_slot_settings"),
    ]

    operations = [
        migrations.CreateModel(
            name="BookingEmail",
            fields=[
                (
                    "delivery",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="booking_email",
                        serialize=False,
                        to="apiwise.emaildelivery",
                    ),
                ),
                (
                    "booking",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="email_links",
                        to="bookings.booking",
                    ),
                ),
            ],
            options={
                "verbose_name": "e-mail about a request",
                "verbose_name_plural": "e-mails about requests",
            },
        ),
        migrations.AddField(
            model_name="booking",
            name="deliveries",
            field=models.ManyToManyField(
                editable=False,
                related_name="+",
                through="bookings.BookingEmail",
                to="apiwise.emaildelivery",
                verbose_name="e-mails",
            ),
        ),
        TakeOverBookingLinks(),
    ]
