"""Admin panels shared by the site's page types."""

from django.db.models import UniqueConstraint
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel


class ConstraintMessageFormSet(BaseChildFormSet):
    """Rows that break a unique constraint (the same guide twice in a list) are refused with
    the constraint's own message, which says what is wrong in the editor's words, rather than
    Django's "duplicate data for hub and guide"."""

    def get_unique_error_message(self, unique_check):
        for constraint in self.model._meta.constraints:
            if isinstance(constraint, UniqueConstraint) and set(constraint.fields) == set(
                unique_check
            ):
                return constraint.get_violation_error_message()
        return super().get_unique_error_message(unique_check)


class UniqueRowsInlinePanel(InlinePanel):
    """An InlinePanel whose duplicate rows get the database constraint's message."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = ConstraintMessageFormSet
        return options
