"""Settings shared by every environment; values come from the environment (django-environ)."""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default=None)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "simple_history",
    "django_celery_beat",
    "django_htmx",
    "axes",
    "accounts",
    "parties",
    "meetings",
    "sponsorship",
    "workplan",
    "budget",
    "reporting",
    "contributions",
    "review",
    "isu_portal.page_cache",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "isu_portal.urls"
WSGI_APPLICATION = "isu_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A worker keeps its connection between requests (opening one to PostgreSQL costs ~3 ms); the
# health check replaces a connection that the server has dropped.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Repeated failed logins lock the username (whatever the address) for a while, and also a
# single client (address and browser) that tries many usernames.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", ["ip_address", "user_agent"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/Zurich"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Generated official documents (PDFs keyed by content hash) live here; a volume in production.
DOCUMENTS_ROOT = env.path("DOCUMENTS_ROOT", default=VAR_DIR / "documents")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: EMAIL_URL (smtp://user:pass@host:587/?tls=True) or, when unset, .eml files.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="ISU CCM <isu@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=VAR_DIR / "mail")
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "isu_portal.mail.EmlFileBackend"

# Public address of the portal, used for links in e-mails sent by background tasks.
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default="http://127.0.0.1:8000")

# Celery: with REDIS_URL a real broker; without it tasks run in-process (eagerly).
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=540)
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With acks_late, a task whose worker died is redelivered once this many seconds have passed
# (Redis's default is an hour); it must exceed the longest task's hard time limit.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 60}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "isu_portal.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ISU CCM portal API",
    "DESCRIPTION": "Work plans, budgets, States Parties, meetings and contributions of the "
    "Implementation Support Unit of the Convention on Cluster Munitions.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # The API docs' JavaScript and CSS are served from our own static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Stable OpenAPI enum names: several models have a field called "kind" or "status".
    "ENUM_NAME_OVERRIDES": {
        "ContactKindEnum": "parties.models.ContactKind",
        "MeetingKindEnum": "meetings.models.MeetingKind",
        "DocumentKindEnum": "meetings.models.DocumentKind",
        "LanguageEnum": "meetings.models.Language",
        "SponsoredItemKindEnum": "sponsorship.models.ItemKind",
        "SectionKindEnum": "workplan.models.SectionKind",
        "SummaryKindEnum": "workplan.models.SummaryKind",
        "WorkPlanStatusEnum": "workplan.models.PlanStatus",
        "WorkPlanDistributionEnum": "workplan.models.Distribution",
        "BudgetNoteKindEnum": "budget.models.NoteKind",
        "ReviewActionEnum": "review.models.Action",
        "DocumentDistributionEnum": "meetings.models.Distribution",
    },
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO; only problems matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Meetings ---
# Largest file a meeting document may have (bytes).
MEETING_DOCUMENT_MAX_BYTES = env.int("MEETING_DOCUMENT_MAX_BYTES", default=25 * 1024 * 1024)
# Sponsorship Programme: regions whose participation the programme encourages (seed outcome
# table: "under-represented regions"; which ones is a policy choice, hence a setting) and how
# many years ahead an Article 3 or 4 deadline counts as "impending".
SPONSORSHIP_UNDER_REPRESENTED_REGIONS = env.list(
    "SPONSORSHIP_UNDER_REPRESENTED_REGIONS", default=["africa", "asia_pacific", "americas"]
)
SPONSORSHIP_DEADLINE_HORIZON_YEARS = env.int("SPONSORSHIP_DEADLINE_HORIZON_YEARS", default=3)

# --- Contributions ---
# The host of the ISU trust fund, whose bank account is printed on every invoice. The defaults
# are EXAMPLE values for development: the IBAN below is a documentation example, not a real
# account. Set every CONTRIBUTIONS_* variable in production.
CONTRIBUTIONS_HOST_NAME = env(
    "CONTRIBUTIONS_HOST_NAME",
    default="Geneva International Centre for Humanitarian Demining (GICHD)",
)
CONTRIBUTIONS_HOST_ADDRESS = env(
    "CONTRIBUTIONS_HOST_ADDRESS",
    default="Maison de la paix, Chemin Eugène-Rigot 2C, PO Box 1300, 1211 Geneva 1, Switzerland",
)
CONTRIBUTIONS_BANK_NAME = env(
    "CONTRIBUTIONS_BANK_NAME", default="EXAMPLE BANK - not a real account"
)
CONTRIBUTIONS_BANK_ACCOUNT_HOLDER = env(
    "CONTRIBUTIONS_BANK_ACCOUNT_HOLDER", default="GICHD - ISU CCM Trust Fund (example)"
)
CONTRIBUTIONS_BANK_IBAN = env(
    "CONTRIBUTIONS_BANK_IBAN", default="CH00 0000 0000 0000 0000 0 (EXAMPLE)"
)
CONTRIBUTIONS_BANK_BIC = env("CONTRIBUTIONS_BANK_BIC", default="EXAMPLECHXXX")
CONTRIBUTIONS_INVOICE_PREFIX = env("CONTRIBUTIONS_INVOICE_PREFIX", default="ISU")
# The payment reference printed on the invoice and matched when importing a bank statement.
CONTRIBUTIONS_PAYMENT_REFERENCE_PREFIX = env(
    "CONTRIBUTIONS_PAYMENT_REFERENCE_PREFIX", default="CCM-ISU "
)
CONTRIBUTIONS_PAYMENT_TERMS_DAYS = env.int("CONTRIBUTIONS_PAYMENT_TERMS_DAYS", default=60)
CONTRIBUTIONS_REMINDER_HOUR = env.int("CONTRIBUTIONS_REMINDER_HOUR", default=7)
# --- Review ---
# Who endorses a plan for the Coordination Committee: "any_member" (the first member's
# endorsement), "chair" (only a member in the "Coordination Committee chair" group) or
# "quorum:N" (N distinct members endorse the same version).
ENDORSEMENT_RULE = env("ENDORSEMENT_RULE", default="any_member")
# Decision CCM/CONF/2021/6 para. 83: the plan reaches States Parties 60 days before the MSP opens.
CIRCULATION_DAYS_BEFORE_MSP = env.int("CIRCULATION_DAYS_BEFORE_MSP", default=60)

# --- quality gates ---------------------------------------------------------------------------
# Content Security Policy of every response (isu_portal/security.py), in every environment so
# that the browser tests catch a violation before production does.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
MIDDLEWARE.insert(  # right after SecurityMiddleware: every response gets the policy
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "isu_portal.security.ContentSecurityPolicyMiddleware",
)
# OPTIONS must not 500 on views without a `serializer_class` (isu_portal/metadata.py).
REST_FRAMEWORK["DEFAULT_METADATA_CLASS"] = "isu_portal.metadata.PortalMetadata"

# --- page cache (isu_portal/page_cache) --------------------------------------------------------
# The shared cache holds when each table was last written, for every process to see; without
# Redis each process would only see its own writes, so the page cache is then off by default.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "isu",
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    )
}
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=bool(REDIS_URL))
# Where the tables' write times are kept (a Redis hash); empty: in the default cache.
PAGE_CACHE_REDIS_URL = env("PAGE_CACHE_REDIS_URL", default=REDIS_URL)
PAGE_CACHE_REDIS_KEY = env("PAGE_CACHE_REDIS_KEY", default="isu:page-cache:writes")
# Upper bound on a stored page's life, whatever else happens (and it never outlives its session).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Memory each web worker gives to stored pages, and the largest page it keeps.
PAGE_CACHE_MAX_BYTES = env.int("PAGE_CACHE_MAX_BYTES", default=64 * 2**20)
PAGE_CACHE_MAX_ENTRY_BYTES = env.int("PAGE_CACHE_MAX_ENTRY_BYTES", default=4 * 2**20)
MIDDLEWARE.insert(  # before the session: a hit needs neither session nor user nor view
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "isu_portal.page_cache.middleware.PageCacheMiddleware",
)
