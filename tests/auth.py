"""Authentication for the test settings."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class AxesBackendAllowingClientLogin(AxesStandaloneBackend):
    """django-axes, except for Django's test client's login(), which authenticates without a
    request (axes refuses those); every sign-in through a form still counts."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # Client.force_login() records the first backend in the session, so it must load users.
        return ModelBackend().get_user(user_id)
