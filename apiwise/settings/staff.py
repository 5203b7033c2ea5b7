"""Staff accounts and security (the staff app): sign-in lockout, password resets, two-factor."""

import datetime as dt

from apiwise.settings.environment import env_int

# Sign-in lockout (django-axes): AXES_FAILURE_LIMIT wrong passwords within AXES_COOLOFF_TIME
# for one username (from anywhere), or from one client address (for any usernames), lock that
# username or address out until AXES_COOLOFF_TIME has passed since the last failure, or a
# superuser unlocks it (Settings > Sign-in lockouts, or `manage.py axes_reset`).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The same proxy-aware client address as the booking rate limit (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "apiwise.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "apiwise.staff.lockout.lockout_response"
# Only failures are recorded: no table of every staff sign-in to keep and purge.
AXES_DISABLE_ACCESS_LOG = True
# Wagtail's "forgotten password" form: requests per client address and per e-mail address
# within the window, then 429 until the window ends.
STAFF_PASSWORD_RESET_LIMIT_PER_IP = env_int("STAFF_PASSWORD_RESET_LIMIT_PER_IP", 5)
STAFF_PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("STAFF_PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
STAFF_PASSWORD_RESET_WINDOW = env_int("STAFF_PASSWORD_RESET_WINDOW", 60 * 60)
# Two-factor sign-in (django-otp): an authenticator app (TOTP) plus single-use recovery
# codes. Required for superusers and the groups listed; optional for everyone else.
STAFF_2FA_REQUIRED = True
STAFF_2FA_REQUIRED_GROUPS = ["Sales"]
# Usernames that may skip it. Only dev.py puts anyone here (the `make run` account).
STAFF_2FA_EXEMPT_USERNAMES = []
STAFF_2FA_RECOVERY_CODES = 10
# The name authenticator apps show next to the code.
OTP_TOTP_ISSUER = "APIwise"
