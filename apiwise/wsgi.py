import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "apiwise.settings.production")

django_application = get_wsgi_application()

# Imported once Django is set up (it reads the settings and the page-view models).
from apiwise.analytics.beacon_wsgi import BeaconFirst  # noqa: E402

application = BeaconFirst(django_application)
