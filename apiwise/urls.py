from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from apiwise import views
from apiwise.content_cache import cache_per_content_version
from apiwise.csp import admin_csp
from apiwise.query_params import reads_query
from blog import views as blog_views
from bookings import calendar_views

handler400 = "apiwise.views.bad_request"
handler500 = "apiwise.views.server_error"

urlpatterns = [
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, admin_csp))),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Django's sitemap view reads ?p= (its page number) and nothing else.
    path("sitemap.xml", reads_query("p")(cache_per_content_version(sitemap)), name="sitemap"),
    path("search/", blog_views.search, name="search"),
    # A Sales user's private calendar feed (bookings/calendar_feed.py).
    path("calendar/<slug:token>.ics", calendar_views.feed, name="bookings_calendar_feed"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    # Not static(): it adds nothing when DEBUG is off.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += [path("", include(wagtail_urls))]
