"""A Sales user's private calendar feed: the secret token is in the subscription URL, only
its SHA-256 is stored (see bookings/calendar_feed.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class CalendarFeed(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="health_check_feed"
    )
    # sha256 of the token, hex: a leaked database does not give anyone a working feed URL.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "calendar feed"

    def __str__(self):
        return f"Calendar feed of {self.user}"
