"""Settings of the load benchmark's gunicorn: the dev defaults without DEBUG, and WhiteNoise
serving the saved static copies of the measured pages at the site root (/static-copy/...)."""

from isu_portal.settings.dev import *  # noqa: F403
from isu_portal.settings.dev import VAR_DIR

DEBUG = False
WHITENOISE_ROOT = VAR_DIR / "bench" / "copies"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]  # testserver: the saved copies
