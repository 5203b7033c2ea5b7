"""Which request an e-mail of the outbox is about. The outbox is the core's and knows no
bookings, so the link is kept here: one row per e-mail about a request (the confirmation,
the staff notice, a cancellation, a new time, a reminder). `Booking.deliveries` reads through
it; `BookingEmail.delivery` is the e-mail's own key, so a delivery belongs to one request at
most and finding its request is one look-up."""

from django.db import models

from apiwise.models import EmailDelivery
from bookings.models.booking import Booking


class BookingEmail(models.Model):
    delivery = models.OneToOneField(
        EmailDelivery, primary_key=True, on_delete=models.CASCADE, related_name="booking_email"
    )
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="email_links")

    class Meta:
        verbose_name = "e-mail about a request"
        verbose_name_plural = "e-mails about requests"

    def __str__(self):
        return f"{self.delivery} about {self.booking}"
