"""The admin forms of the blog's page types."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """A guide's edit form. Duplicate related guides are refused by the database constraint on
    RelatedGuide; the form adds the one rule a constraint cannot see before the guide is
    saved: a guide cannot be related to itself."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("related_links")
        if formset is None or not self.instance.pk:
            return cleaned_data
        formset.is_valid()  # so that each row has its cleaned_data
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            guide = data.get("guide")
            if guide is not None and guide.pk == self.instance.pk and not data.get("DELETE"):
                message = "A guide cannot be related to itself."
                form.add_error("guide", message)
                self.add_error(None, message)
        return cleaned_data
