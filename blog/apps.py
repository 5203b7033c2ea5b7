from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Guides"

    def ready(self):
        # Listed by `manage.py check --tag launch` and on the superusers' dashboard.
        from wagtail.signals import page_published

        import blog.launch_checks  # noqa: F401
        from apiwise.content_cache import register_public_model
        from blog.models import Author, Topic
        from blog.social_cards import card_on_publish

        page_published.connect(card_on_publish, dispatch_uid="blog_social_card_on_publish")
        # Shown on every guide (bylines, topic links) and the guide index's filters.
        register_public_model(Author)
        register_public_model(Topic)
