"""One story from booking to call: what the confirmation page, the prospect's confirmation
e-mail, staff's notification and the calendar invite say about a request. They all read it
from here, so they cannot drift apart.

What is true, from the code: a request with a time holds that slot the moment it is saved
(bookings/services.py, the database's exclusion constraint); no one at APIwise confirms it
afterwards. The invite is CONFIRMED, a reminder with the link to join is queued 24 hours before
the call when the call is at least that far off (bookings/reminders.py), and the prospect's
link cancels or moves it. A request without a time holds nothing: staff reply with times, as
the form promises, within one working day."""

from dataclasses import dataclass

from bookings.time_slot import Slot

SERVICE = "Integration Health Check"
UK_TIME = "(UK time)"


@dataclass(frozen=True)
class BookingStory:
    booked: bool
    heading: str  # the confirmation page's title
    when: str  # "Booked: Tuesday 8 December 2026, 10:00–10:45 (UK time)", or "" without a time
    time: str  # "Tuesday 8 December 2026, 10:00–10:45 (UK time)", or ""
    next_step: str  # what happens next, as the prospect is told it
    calendar_title: str  # the invite's SUMMARY
    staff_line: str  # staff's notification: what they need to do, if anything

    def lines(self):
        """The story as lines of plain text (the invite's DESCRIPTION, the e-mails)."""
        return [line for line in (self.when, self.next_step) if line]


def story_of(booking, organisation="APIwise", meeting_url=None):
    """The story of one request, as every channel tells it."""
    calendar_title = f"{SERVICE} with {organisation}"
    if booking.status == booking.Status.SPAM:
        # Taken for a bot: it holds no slot and gets no e-mail, and the page must not say why
        # (a person wrongly caught is found by staff in the spam list).
        return BookingStory(
            booked=False,
            heading=f"Your {SERVICE} request is in",
            when="",
            time="",
            next_step="We will reply by e-mail within one working day.",
            calendar_title=calendar_title,
            staff_line="",
        )
    if not booking.holds_slot:
        return BookingStory(
            booked=False,
            heading=f"Your {SERVICE} request has no time yet",
            when="",
            time="",
            next_step="You did not pick a time, so we will e-mail you within one working day "
            "to suggest some.",
            calendar_title=calendar_title,
            staff_line="No time chosen: e-mail the prospect within one working day with times "
            "to choose from (they were told so).",
        )
    slot = Slot(booking.slot_start, booking.slot_end)
    if meeting_url is None:
        meeting_url = booking.meeting_url()
    join = (
        "The link to join is in your confirmation e-mail and calendar invite."
        if meeting_url
        else "We will e-mail you the link to join before the call."
    )
    reminder = (
        "We will e-mail you a reminder 24 hours before. " if _reminder_queued(booking) else ""
    )
    return BookingStory(
        booked=True,
        heading=f"Your {SERVICE} is booked",
        when=f"Booked: {slot.long_label} {UK_TIME}",
        time=f"{slot.long_label} {UK_TIME}",
        next_step=f"There is nothing to confirm: the time is yours. {reminder}{join} To cancel "
        "or move it, use the link in your confirmation e-mail.",
        calendar_title=calendar_title,
        staff_line="Booked by the prospect: the time is held and they have the calendar invite. "
        "Nothing to confirm."
        + ("" if meeting_url else " There is no meeting link: send them one before the call."),
    )


def _reminder_queued(booking):
    """Whether the outbox holds a reminder for this call that was not skipped (queued, being
    sent or sent)."""
    from apiwise.models import EmailDelivery
    from bookings.outbox import EmailKind

    reminders = booking.deliveries.filter(
        kind=EmailKind.REMINDER, for_slot_start=booking.slot_start
    )
    return reminders.exclude(state=EmailDelivery.State.SKIPPED).exists()
