"""Build time: `collectstatic` with production's static-file settings, without secrets or a
database (bin/build). Never serve with these settings."""

import os

# Production's settings read these at import; a build has none of them, and needs none.
os.environ.setdefault("SECRET_KEY", "build-time-only-never-serves-requests")
os.environ.setdefault("ALLOWED_HOSTS", "build.invalid")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

from .production import *  # noqa: F403

# The build writes the manifest production serves with: the same STORAGES and STATIC_ROOT.
