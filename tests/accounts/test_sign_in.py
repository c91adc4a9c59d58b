"""Signing in to the admin: repeated wrong passwords lock out, and passwords must be long."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser("edie", "edie@example.com", PASSWORD)


def sign_in(client, password: str):
    return client.post(
        reverse("wagtailadmin_login"), {"username": "edie", "password": password, "next": ""}
    )


def signed_in(client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_right_password_signs_in(client, staff):
    sign_in(client, PASSWORD)
    assert signed_in(client)


def test_repeated_wrong_passwords_lock_the_account_out_even_with_the_right_one(client, staff):
    for _ in range(6):
        refused = sign_in(client, "guess")
        assert not signed_in(client)

    locked = sign_in(client, PASSWORD)

    assert refused.status_code in (403, 429)
    assert locked.status_code in (403, 429)
    assert not signed_in(client)


@pytest.mark.parametrize("password", ["short-pass1", "12345678901234", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_twelve_character_password_is_accepted():
    validate_password("vq7-Lm2p-Xz9t")
