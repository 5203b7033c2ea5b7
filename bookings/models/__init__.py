"""The Integration Health Check's models, one module per idea:

- `page`: the Health Check page (what it is, the price, FAQs; its routes serve the form);
- `availability`: slot settings, weekly windows and blocked days;
- `booking`: a request (`Booking`) and its statuses;
- `booking_email`: which request an e-mail of the core's outbox is about (`BookingEmail`);
- `proof`: testimonials (snippets), shown on the Health Check page with the case studies;
- `calendar_feed`: a Sales user's private calendar subscription (`CalendarFeed`);
- `digest`: the staff's morning digest, one row per UK date (`StaffDigest`);
- `webhook`: CRM webhook endpoints, the events bookings cause and their deliveries.
"""

from bookings.models.availability import AvailabilityWindow, BlockedDate, BookingSettings, Weekday
from bookings.models.booking import Booking, Status, Volume
from bookings.models.booking_email import BookingEmail
from bookings.models.calendar_feed import CalendarFeed
from bookings.models.digest import StaffDigest
from bookings.models.page import HealthCheckPage
from bookings.models.proof import Testimonial
from bookings.models.webhook import EventType, WebhookDelivery, WebhookEndpoint, WebhookEvent

__all__ = [
    "AvailabilityWindow",
    "BlockedDate",
    "Booking",
    "BookingEmail",
    "BookingSettings",
    "CalendarFeed",
    "EventType",
    "HealthCheckPage",
    "StaffDigest",
    "Status",
    "Testimonial",
    "Volume",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
    "Weekday",
]
