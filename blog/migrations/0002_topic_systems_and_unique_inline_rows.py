from django.db import migrations, models

# Topics that are software products when this migration was written (the demo's); staff tick
# any others in the admin.
SYSTEM_SLUGS = [
    "xero", "quickbooks-online", "sage", "shopify", "woocommerce", "amazon", "ebay", "stripe",
    "paypal", "gocardless", "square", "hubspot", "salesforce", "pipedrive", "klaviyo", "zapier",
    "make",
]


def mark_systems(apps, schema_editor):
    Topic = apps.get_model("blog", "Topic")
    Topic.objects.filter(slug__in=SYSTEM_SLUGS).update(is_system=True)


def drop_duplicate_rows(apps, schema_editor):
    """Keep the first of any duplicate inline rows, so the unique constraints can be added."""
    for model_name, parent in (("RelatedGuide", "page_id"), ("SeriesItem", "hub_id")):
        model = apps.get_model("blog", model_name)
        seen = set()
        for row in model.objects.order_by("sort_order", "pk"):
            key = (getattr(row, parent), row.guide_id)
            if key in seen:
                row.delete()
            seen.add(key)


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='topic',
            name='is_system',
            field=models.BooleanField(default=False, help_text="Tick for products a business runs (Xero, Shopify, Stripe…): they are offered in the Health Check form's “systems you use” list. Leave unticked for subjects such as “Costs”.", verbose_name='a software product'),
        ),
        migrations.RunPython(mark_systems, migrations.RunPython.noop),
        migrations.RunPython(drop_duplicate_rows, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='relatedguide',
            constraint=models.UniqueConstraint(fields=('page', 'guide'), name='blog_relatedguide_once_per_guide', violation_error_message='That guide is already in the related guides.'),
        ),
        migrations.AddConstraint(
            model_name='seriesitem',
            constraint=models.UniqueConstraint(fields=('hub', 'guide'), name='blog_seriesitem_once_per_series', violation_error_message='That guide is already in this series.'),
        ),
    ]
