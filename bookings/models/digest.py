"""One row per UK date whose morning digest was queued (see bookings/digest.py): its unique
date is what makes the digest go out once a day, whatever the number of workers."""

from django.db import models
from django.utils import timezone

from apiwise.models import EmailDelivery


class StaffDigest(models.Model):
    date = models.DateField("UK date", unique=True)
    # The e-mail, when there were calls that day (a day without calls sends none).
    delivery = models.ForeignKey(
        EmailDelivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date"]
        verbose_name = "staff morning digest"

    def __str__(self):
        return f"Digest of {self.date:%d %b %Y}"
