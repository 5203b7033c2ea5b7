"""Staff password reset e-mails go through the bookings outbox: stored in the request's
transaction, sent by the worker and retried while the mail server is down, like every other
e-mail the site sends. Django's own form sends at once and only logs a failure, so a reset
asked for during a mail outage would be lost without a word."""

from django.db import transaction
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm

from bookings import outbox
from bookings.models import EmailDelivery


class QueuedPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        html = ""
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
        with transaction.atomic():
            outbox.queue_message(
                EmailDelivery.Kind.PASSWORD_RESET,
                to=[to_email],
                subject=loader.render_to_string(subject_template_name, context),
                body=loader.render_to_string(email_template_name, context),
                html=html,
            )
