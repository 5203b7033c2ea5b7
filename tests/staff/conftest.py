import pytest
from django.contrib.auth.models import Group, User

from tests.helpers import STAFF_PASSWORD

ATTACKER_IP = "203.0.113.66"
OFFICE_IP = "198.51.100.7"


@pytest.fixture
def sales_user(db):
    user = User.objects.create_user("sam", "sam@apiwise.example", STAFF_PASSWORD)
    user.groups.add(Group.objects.get(name="Sales"))
    return user


@pytest.fixture
def editor(db):
    """An editor: may use two-factor sign-in, need not."""
    user = User.objects.create_user("eddie", "eddie@apiwise.example", STAFF_PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, username, password, ip=OFFICE_IP):
    """POST the Wagtail login form from a client address."""
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def signed_in_as(client):
    """The username the client's session is signed in as, or None."""
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).username if user_id else None
