"""Django settings for Schakelpunt, read only from the environment (see docs/configuration.md)."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from schakelpunt.env import env, envbool, envint, envkeys, envlist

BASE_DIR = Path(__file__).resolve().parent.parent

# production (default) | demo | test. Only production is strict about secrets; it is the
# default so that a forgotten variable never silently weakens a real installation.
MODE = env("SCHAKELPUNT_MODE", "production")
if MODE not in ("production", "demo", "test"):
    raise ImproperlyConfigured("SCHAKELPUNT_MODE must be production, demo or test")
PRODUCTION = MODE == "production"
DEMO = MODE == "demo"
TESTING = MODE == "test"

DEBUG = envbool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY") or ""
if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production (SCHAKELPUNT_MODE=production).")
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or "demo" in SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters in production.")
elif not SECRET_KEY:
    SECRET_KEY = "demo-and-test-only-not-secret-" + "x" * 30

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Doormeldingen: how long a partner's download link stays valid.
DOORMELDING_LINK_UREN = envint("DOORMELDING_LINK_UREN", 72)
# Casusoverleg: how long invited participants keep access after the meeting (those present only).
OVERLEG_TOEGANG_UREN = envint("OVERLEG_TOEGANG_UREN", 48)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "schakelpunt.accounts",
    "schakelpunt.access",
    "schakelpunt.audit",
    "schakelpunt.verwerkingen",
    "schakelpunt.ui",
    "schakelpunt.taxonomie",
    "schakelpunt.signalen",
    "schakelpunt.notificaties",
    "schakelpunt.subjecten",
    "schakelpunt.adviesvragen",
    "schakelpunt.beheer",
    "schakelpunt.casussen",
    "schakelpunt.doormeldingen",
    "schakelpunt.overleggen",
    "schakelpunt.inzicht",
    "schakelpunt.privacy",
]

MIDDLEWARE = [
    "schakelpunt.ui.middleware.RequestLogMiddleware",
    "schakelpunt.ui.middleware.PageMethodMiddleware",
    "schakelpunt.ui.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "schakelpunt.accounts.middleware.SessionTimeoutMiddleware",
    "schakelpunt.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "schakelpunt.ui.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "schakelpunt.urls"
WSGI_APPLICATION = "schakelpunt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "schakelpunt.ui.context_processors.schakelpunt",
            ],
        },
    },
]

_default_db = "" if PRODUCTION else f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
_database_url = env("DATABASE_URL") or _default_db
if not _database_url:
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
# The same backends with one addition: the access log is appended just before each commit
# (schakelpunt/audit/chain.py), so the chain head is locked only for that moment.
_AUDIT_BACKENDS = {
    "django.db.backends.postgresql": "schakelpunt.audit.db.postgresql",
    "django.db.backends.sqlite3": "schakelpunt.audit.db.sqlite3",
}
if DATABASES["default"]["ENGINE"] not in _AUDIT_BACKENDS:
    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL (or SQLite outside production).")
DATABASES["default"]["ENGINE"] = _AUDIT_BACKENDS[DATABASES["default"]["ENGINE"]]
if DATABASES["default"]["ENGINE"] == "schakelpunt.audit.db.sqlite3":
    # WAL lets the demo server read while a write is in progress.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# Failing fast when the database is slow, gone or frozen (docs/configuration.md, "Database").
DB_CONNECT_TIMEOUT = envint("DB_CONNECT_TIMEOUT", 3)
# Off by default for commands and benchmarks (a long import is fine); gunicorn.conf.py sets 8 s
# for the web server.
DB_STATEMENT_TIMEOUT = envint("DB_STATEMENT_TIMEOUT", 0)
DB_REQUEST_DEADLINE = envint("DB_REQUEST_DEADLINE", 10)
DB_HEALTHZ_DEADLINE = envint("DB_HEALTHZ_DEADLINE", 3)
RETRY_AFTER_SECONDS = envint("RETRY_AFTER_SECONDS", 30)
if DATABASES["default"]["ENGINE"] == "schakelpunt.audit.db.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    if DB_STATEMENT_TIMEOUT:
        _options["options"] = (
            f"{_options.get('options', '')} -c statement_timeout={DB_STATEMENT_TIMEOUT * 1000}".strip()
        )
    # A persistent connection is checked before a request reuses it, so that the first request
    # after a database restart does not fail on a connection the server has closed.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = envbool("DB_CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "ui:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": envint("PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Sessions: idle timeout and absolute lifetime are enforced by SessionTimeoutMiddleware.
SESSION_IDLE_TIMEOUT = envint("SESSION_IDLE_TIMEOUT", 15 * 60)
SESSION_WARNING_BEFORE = envint("SESSION_WARNING_BEFORE", 2 * 60)
SESSION_ABSOLUTE_LIFETIME = envint("SESSION_ABSOLUTE_LIFETIME", 12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", PRODUCTION)
SESSION_COOKIE_NAME = "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_NAME = "__Host-csrftoken" if CSRF_COOKIE_SECURE else "csrftoken"
REAUTH_MAX_AGE = envint("REAUTH_MAX_AGE", 5 * 60)

# Lockout after repeated failed logins (django-axes), per username so that one office NAT
# address cannot lock out a whole municipality.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("LOGIN_LOCKOUT_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "schakelpunt.accounts.views.locked_out"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Password reset requests per address entered and per origin address within the window (else 429).
PASSWORD_RESET_WINDOW = envint("PASSWORD_RESET_WINDOW", 60 * 60)
PASSWORD_RESET_PER_ACCOUNT = envint("PASSWORD_RESET_PER_ACCOUNT", 3)
PASSWORD_RESET_PER_ADDRESS = envint("PASSWORD_RESET_PER_ADDRESS", 20)

# Two-factor authentication (TOTP) is mandatory for these roles.
TWO_FACTOR_ROLES = ("aandachtsfunctionaris", "beheerder", "privacyfunctionaris")
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Schakelpunt")

# Optional OpenID Connect single sign-on (Entra ID, Keycloak ...), on when a client id is set.
OIDC_ENABLED = bool(env("OIDC_RP_CLIENT_ID"))
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("schakelpunt.accounts.oidc.SchakelpuntOIDCBackend")
    OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
    OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT")
    OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
    OIDC_CREATE_USER = False  # accounts, roles and departments are managed in Schakelpunt
    OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", "preferred_username")
    OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", "gemeentelijk account")
    # Whether the identity provider's own MFA counts as the second factor.
    OIDC_TRUST_PROVIDER_MFA = envbool("OIDC_TRUST_PROVIDER_MFA", True)
    LOGIN_REDIRECT_URL_FAILURE = "/account/inloggen/"

# Mail
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "schakelpunt@localhost")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploaded files live outside the web root and are only served through the access point.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "bijlagen")))

# Security headers
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
        "manifest-src": [SELF],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["schakelpunt.accounts.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["schakelpunt.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "schakelpunt.api.ProblemAutoSchema",
    "EXCEPTION_HANDLER": "schakelpunt.api.problem_exception_handler",
    "UNAUTHENTICATED_USER": None,
    # 429 (problem+json with Retry-After) above these rates; counted in the shared database cache.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env("API_RATE_USER", "300/minute"),
        "anon": env("API_RATE_ANON", "30/minute"),
    },
}
# The one cache: a table in the database, so that rate limits hold across all workers.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "schakelpunt_cache",
    }
}
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_TTL": None,  # every token gets its own lifetime when issued (accounts.services.api_token_issue)
    "AUTO_REFRESH": False,
}
KNOX_TOKEN_MODEL = "knox.AuthToken"  # noqa: S105 - a model name, not a secret
# API tokens: a named purpose and a lifetime of at most API_TOKEN_MAX_DAYS. Users in these roles get
# a token only when one beheerder requested it and another approved it (four eyes).
API_TOKEN_DEFAULT_DAYS = envint("API_TOKEN_DEFAULT_DAYS", 30)
API_TOKEN_MAX_DAYS = envint("API_TOKEN_MAX_DAYS", 90)
API_TOKEN_FOUR_EYES_ROLES = ("aandachtsfunctionaris", "privacyfunctionaris", "beheerder")
SPECTACULAR_SETTINGS = {
    "TITLE": "Schakelpunt API",
    "DESCRIPTION": "JSON API van Schakelpunt, het centrale meldpunt. Authenticatie met "
    "`Authorization: Token <token>`; fouten als application/problem+json.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set, wherever a field offers it.
    "ENUM_NAME_OVERRIDES": {
        "PartnerEnum": "schakelpunt.casussen.constants.Partner.choices",
        "MarkeringEnum": "schakelpunt.doormeldingen.constants.Markering.choices",
        "DoormeldingStatusEnum": "schakelpunt.doormeldingen.constants.Status.choices",
        "OverlegSoortEnum": "schakelpunt.overleggen.constants.OverlegSoort.choices",
        "OverlegStatusEnum": "schakelpunt.overleggen.constants.OverlegStatus.choices",
        "BesluitSoortEnum": "schakelpunt.casussen.constants.BesluitSoort.choices",
        "SignaalStatusEnum": "schakelpunt.signalen.constants.Status",
        "BetrokkeneSoortEnum": "schakelpunt.signalen.constants.Soort",
        "SamenloopSoortEnum": "schakelpunt.subjecten.models.SamenloopAlert.Soort",
        "SamenloopStatusEnum": "schakelpunt.subjecten.models.SamenloopAlert.Status",
    },
}

TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_task_backend = env("TASKS_BACKEND", "database" if PRODUCTION else "immediate")
if _task_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured("TASKS_BACKEND must be immediate or database")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_task_backend]}}

# The access log's chain is keyed (HMAC-SHA256) with keys that live outside the database. Keys
# are named ("kid1:secret1,kid2:secret2") so that they can be rotated: new records use
# AUDIT_HMAC_KEY_ID, older ones keep naming the key they were sealed with (docs/adr/0001).
AUDIT_HMAC_KEYS = envkeys("AUDIT_HMAC_KEYS")
AUDIT_HMAC_KEY_ID = env("AUDIT_HMAC_KEY_ID") or (next(iter(AUDIT_HMAC_KEYS)) if len(AUDIT_HMAC_KEYS) == 1 else "")
if PRODUCTION:
    if AUDIT_HMAC_KEY_ID not in AUDIT_HMAC_KEYS:
        raise ImproperlyConfigured(
            "AUDIT_HMAC_KEYS must be set in production, and AUDIT_HMAC_KEY_ID must name one of its keys."
        )
    if any(len(secret) < 32 or "demo" in secret for secret in AUDIT_HMAC_KEYS.values()):
        raise ImproperlyConfigured("Every key in AUDIT_HMAC_KEYS must be a random value of at least 32 characters.")
elif not AUDIT_HMAC_KEYS:
    AUDIT_HMAC_KEYS = {"dev": "demo-and-test-only-audit-key-not-secret"}
    AUDIT_HMAC_KEY_ID = "dev"
elif AUDIT_HMAC_KEY_ID not in AUDIT_HMAC_KEYS:
    raise ImproperlyConfigured("AUDIT_HMAC_KEY_ID must name one of the keys in AUDIT_HMAC_KEYS.")
# Signed checkpoints of the chain head go here (manage.py audit_checkpoint); a directory the
# database administrator cannot write, e.g. another host's mount or a WORM bucket's sync folder.
AUDIT_CHECKPOINT_DIR = env("AUDIT_CHECKPOINT_DIR", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's request logger prints full paths and sometimes query strings; our own
        # RequestLogMiddleware logs requests without personal data instead.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        "axes": {"level": "WARNING"},
    },
}

# axes.W006 warns that locking by username alone lets an attacker rotate addresses; that is
# deliberate: locking by address would let one attacker lock out a whole town hall's NAT.
# security.W021 (HSTS preload) is a decision for the municipality's whole domain, not for one
# application: SECURE_HSTS_PRELOAD=true switches it on.
SILENCED_SYSTEM_CHECKS = ["axes.W006", "security.W021"]

# --- signalen
# A signal that waits longer than this many working days is marked and the meldpunt is reminded.
SIGNAAL_TERMIJN_WERKDAGEN = envint("SIGNAAL_TERMIJN_WERKDAGEN", 2)
SIGNAAL_BIJLAGE_MAX_BYTES = envint("SIGNAAL_BIJLAGE_MAX_BYTES", 10 * 1024 * 1024)
SIGNAAL_BIJLAGEN_MAX = envint("SIGNAAL_BIJLAGEN_MAX", 5)
# Limits of one signal, enforced by the service for the form and the API alike.
SIGNAAL_BETROKKENEN_MAX = envint("SIGNAAL_BETROKKENEN_MAX", 20)
SIGNAAL_OMSCHRIJVING_MAX = envint("SIGNAAL_OMSCHRIJVING_MAX", 20000)
SIGNAAL_INBOX_PAGE_SIZE = envint("SIGNAAL_INBOX_PAGE_SIZE", 25)
# Inzicht: counts below this threshold are suppressed (and enough others that none can be computed back).
INZICHT_DREMPEL = max(3, envint("INZICHT_DREMPEL", 5))
# Privacybeheer: a destruction list needs a second, different reviewer when true.
VERNIETIGING_TWEE_BEOORDELAARS = envbool("VERNIETIGING_TWEE_BEOORDELAARS", False)
# Request bodies above these sizes are answered with 413 before anything reads them: pages
# (room for the maximum of attachments) and the JSON API.
REQUEST_MAX_BYTES = envint("REQUEST_MAX_BYTES", SIGNAAL_BIJLAGEN_MAX * SIGNAAL_BIJLAGE_MAX_BYTES + 1024 * 1024)
API_REQUEST_MAX_BYTES = envint("API_REQUEST_MAX_BYTES", 1024 * 1024)
# Django's own limit on the form fields of one request (files not counted).
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = envint("FILE_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
FILE_UPLOAD_PERMISSIONS = 0o600
if TESTING and not env("MEDIA_ROOT"):
    import tempfile

    MEDIA_ROOT = Path(tempfile.gettempdir()) / "schakelpunt-test-bijlagen"

if not PRODUCTION:
    import warnings

    # Outside production static files come from the app folders (WHITENOISE_USE_FINDERS), so an
    # absent STATIC_ROOT is expected.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)

# --- subjecten
# Samenloop: signals about one person, address or family network from at least two departments,
# or at least SAMENLOOP_MIN_SIGNALEN signals, within SAMENLOOP_PERIODE_DAGEN days alert the meldpunt.
SAMENLOOP_MIN_SIGNALEN = envint("SAMENLOOP_MIN_SIGNALEN", 3)
SAMENLOOP_PERIODE_DAGEN = envint("SAMENLOOP_PERIODE_DAGEN", 365)
# How many family relations away a person still counts as the same family network.
SAMENLOOP_NETWERK_STAPPEN = envint("SAMENLOOP_NETWERK_STAPPEN", 2)
# A blocking key shared by more persons than this (a key like "every J. Jansen") is skipped when a
# new record has a more selective key, and otherwise capped to the newest this-many persons; see
# schakelpunt/subjecten/services/kandidaten.py and docs/benchmarks.md (100: no recall lost at 1M).
SUBJECT_MAX_PER_SLEUTEL = envint("SUBJECT_MAX_PER_SLEUTEL", 100)
