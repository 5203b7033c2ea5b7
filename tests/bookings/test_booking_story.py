"""One story from booking to call: the confirmation page, the prospect's e-mail, staff's
notification and the calendar invite (downloaded and attached) say the same about one booking,
at one frozen instant: the call is booked, when (UK time), and what happens next. No "request
is in" beside a call that is already booked."""

import email
import re
from email import policy

import pytest
from icalendar import Calendar

from bookings.models import Booking
from tests.helpers import form_data, run_worker

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_content"),
]

PROSPECT = "ada@example.co.uk"
BOOKED = "Booked: Tuesday 8 December 2026, 10:00–10:45 (UK time)"
TITLE = "Integration Health Check with APIwise"
# What happens next, as the prospect is told it: nobody confirms a booked time; the call is 36
# hours away, so a reminder is queued; the demo has no meeting link, so staff send one.
NEXT_STEP = (
    "There is nothing to confirm: the time is yours. We will e-mail you a reminder 24 hours "
    "before. We will e-mail you the link to join before the call. To cancel or move it, use "
    "the link in your confirmation e-mail."
)
MISMATCHES = ("request is in", "Thank you for booking", "reply within one working day")


def flat(text):
    return " ".join(text.split())


def messages(smtp):
    """{recipient: (subject, plain text, html, invite or None)}."""
    out = {}
    for envelope in smtp.messages:
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        plain = message.get_body(preferencelist=("plain",)).get_content()
        html = message.get_body(preferencelist=("html",)).get_content()
        invite = next(
            (
                part.get_content()
                for part in message.iter_attachments()
                if part.get_content_type() == "text/calendar"
            ),
            None,
        )
        out[envelope.rcpt_tos[0]] = (message["Subject"], plain, html, invite)
    return out


def event_of(ics):
    if isinstance(ics, bytes):
        ics = ics.decode()
    return Calendar.from_ical(ics).walk("VEVENT")[0]


@pytest.mark.clock("2026-12-06 20:40")
def test_page_emails_and_invite_tell_one_story_of_a_booked_call(client, db_tasks, smtp):
    page_html = client.get("/health-check/").content.decode()
    slot = re.search(r'name="slot" id="[^"]+" value="([^"]+)"', page_html).group(1)
    response = client.post("/health-check/", form_data(slot=slot))
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    ics_url = re.search(r'href="([^"]+/calendar/)"', page).group(1)
    downloaded = event_of(client.get(ics_url).content)
    run_worker()
    sent = messages(smtp)
    booking = Booking.objects.get()
    staff_address = next(address for address in sent if address != PROSPECT)

    subject, text, html, attached = sent[PROSPECT]
    staff_subject, staff_text, staff_html, _ = sent[staff_address]
    attached = event_of(attached)

    # The same time and label, in the same words, in all four (and both parts of each e-mail).
    for where, words in {
        "confirmation page": flat(page),
        "confirmation e-mail": flat(text),
        "confirmation e-mail (HTML)": flat(html),
        "staff notification": flat(staff_text),
        "staff notification (HTML)": flat(staff_html),
        "downloaded invite": flat(str(downloaded["DESCRIPTION"])),
        "attached invite": flat(str(attached["DESCRIPTION"])),
    }.items():
        assert BOOKED in words, where
        assert NEXT_STEP in words, where
        for mismatch in MISMATCHES:
            assert mismatch not in words, (where, mismatch)

    assert (
        '<h1 class="booking-confirmation__title">Your Integration Health Check is booked</h1>'
        in page
    )
    assert "Your Integration Health Check is booked." in text
    assert (
        subject
        == f"Booked: your Health Check call on Tue 8 Dec 2026, 10:00–10:45 GMT ({booking.reference})"
    )
    # Staff are told there is nothing to confirm, and what is theirs to do.
    assert "Nothing to confirm. There is no meeting link: send them one before the call." in flat(
        staff_text
    )
    assert f"The prospect was told: {NEXT_STEP}" in flat(staff_text)
    # The invite: the same title, at the same instant, confirmed.
    for event in (downloaded, attached):
        assert str(event["SUMMARY"]) == TITLE
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event.decoded("DTSTART") == booking.slot_start
        assert event.decoded("DTSTART").isoformat() == "2026-12-08T10:00:00+00:00"


def test_a_request_without_a_time_says_so_everywhere_and_has_no_invite(client, db_tasks, smtp):
    response = client.post("/health-check/", form_data(slot="none"))
    page = flat(client.get(response["Location"]).content.decode())
    run_worker()
    sent = messages(smtp)
    subject, text, _html, invite = sent[PROSPECT]
    staff_text = next(value[1] for address, value in sent.items() if address != PROSPECT)

    told = "You did not pick a time, so we will e-mail you within one working day to suggest some."
    assert told in page and told in flat(text) and told in flat(staff_text)
    assert "Booked:" not in page + text + staff_text
    assert invite is None and ".ics" not in page
    assert "No time chosen: e-mail the prospect within one working day" in flat(staff_text)
