"""The admin's Content Security Policy, and the one for page previews.

Wagtail 8's admin still uses inline scripts (date pickers, InlinePanel templates) and inline
styles (Draftail), and shows upload thumbnails from blob: URLs, so the admin gets a looser
policy than the public site. Public pages keep settings.SECURE_CSP.
"""

from django.conf import settings
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

ADMIN_CSP = {
    **settings.SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}

# The preview panel shows the public page inside an admin iframe (see PreviewFramingMiddleware).
PREVIEW_CSP = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}

admin_csp = csp_override(ADMIN_CSP)
