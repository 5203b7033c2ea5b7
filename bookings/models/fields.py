"""Fields the bookings models share."""

from django.core.validators import URLValidator
from django.db import models


class WebLinkField(models.URLField):
    """A link that goes into e-mails and calendars: web addresses only (no ftp:, no
    javascript:), with one message wherever it is checked (form or model)."""

    message = "Enter an http:// or https:// link."
    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {"invalid": message}

    def formfield(self, **kwargs):
        return super().formfield(
            **{"error_messages": {"invalid": self.message}, "validators": [], **kwargs}
        )
