"""Settings for the Armoedepact portal.

Everything that differs between machines is read from the environment; see
`.env.example` and the README. There is one settings file for every
environment (house style: no settings file per environment).
"""

import os
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _configuration_error(message: str) -> None:
    """Stop with one clear line instead of a traceback."""
    sys.stderr.write(f"\nConfiguratiefout / configuration error: {message}\n\n")
    raise SystemExit(2)


DEBUG = env_bool("DJANGO_DEBUG", False)
TESTING = "PYTEST_VERSION" in os.environ

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "development-only-not-secret-" + "x" * 40
    else:
        _configuration_error(
            "DJANGO_SECRET_KEY is not set. Debug is off, so a secret key is required. "
            "Set DJANGO_SECRET_KEY to a long random string (see .env.example), "
            "or set DJANGO_DEBUG=1 for local development."
        )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The Django admin with our own site at /beheer/ (start page, two-factor log-in).
    "armoedepact.regie.apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "armoedepact.staticfiles.ArmoedepactStaticFilesConfig",  # collectstatic skips a broken NLDS file
    "django.contrib.postgres",
    "django_filters",
    "crispy_forms",
    "axes",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "import_export",
    "armoedepact",
    "sociale_kaart",
    "regelingen",
    "werkgroepen",
    "overdracht",
]

MIDDLEWARE = [
    # First: a request id for the logs, Permissions-Policy and friends on every response.
    "common.middleware.BeveiligingMiddleware",
    # A view that meets a database that is away answers 503 "even niet beschikbaar", not 500.
    "common.middleware.DatabaseWegMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Counts searches (words and themes only) also when the page cache answers.
    "sociale_kaart.middleware.ZoekTellingMiddleware",
    # Inside CSP (a cached page gets this request's nonce), before sessions.
    "common.middleware.PaginaCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The check's answers: an encrypted browser-session cookie of its own (regelingen/check.py).
    "regelingen.middleware.CheckCookieMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks a user verified after the second factor (TOTP); /beheer/ requires it.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into our Dutch page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "armoedepact.urls"
WSGI_APPLICATION = "armoedepact.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "armoedepact.context_processors.site",
                "werkgroepen.context_processors.pact",
            ],
        },
    },
]

# --- Database: PostgreSQL only -------------------------------------------------
# DATABASE_URL in production (a managed PostgreSQL). Without it, an embedded
# PostgreSQL from the `pgserver` wheel: a long-lived cluster in .pgdata/ for
# development, and a fresh temporary cluster for every test run.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    from armoedepact import embedded_db

    if TESTING:
        DATABASE_URL = embedded_db.test_run_url()
        # Child processes of this test run (gunicorn in a load test, the
        # management command in a subprocess) share this run's cluster.
        os.environ["DATABASE_URL"] = DATABASE_URL
    else:
        DATABASE_URL = embedded_db.development_url(BASE_DIR / ".pgdata")

import dj_database_url  # noqa: E402

try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")))
except ValueError as error:
    _configuration_error(f"DATABASE_URL cannot be read ({error}). Use postgresql://user:password@host:5432/name.")
if _db.get("ENGINE") != "django.db.backends.postgresql":
    _configuration_error("DATABASE_URL must point to PostgreSQL (postgresql://...). Other databases are not supported.")
_db.setdefault("OPTIONS", {})["connect_timeout"] = 5
# A persistent connection is checked before a request reuses it: the first request
# after a PostgreSQL restart works instead of failing on the dead connection.
_db["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Common Dutch passwords (a list in the repository) and the user's own name or organisation.
    {"NAME": "armoedepact.wachtwoorden.VeelGebruiktValidator"},
    {"NAME": "armoedepact.wachtwoorden.EigenNaamValidator"},
]

# Languages of the resident pages. Dutch is the master text, served at / without
# a prefix; every other language under its own prefix (/en/, /ar/, ...). The
# partner portal, /beheer/ and the open-data API stay Dutch and unprefixed.
# A gemeente chooses its languages with ARMOEDEPACT_TALEN (codes from TAAL_NAMEN,
# comma-separated, Dutch always included). Which translations a person has checked is
# data the coordinator keeps in /beheer/ (Talen, armoedepact.Taalstatus); the others
# say so in the footer.
TAAL_NAMEN = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "uk": "Українська",
}
LANGUAGE_CODE = "nl"
_talen = ["nl", *(t for t in env_list("ARMOEDEPACT_TALEN", "nl,en,ar,tr,pl,uk") if t != "nl")]
if any(t not in TAAL_NAMEN for t in _talen):
    _configuration_error(f"ARMOEDEPACT_TALEN may only hold {', '.join(TAAL_NAMEN)}; it holds {', '.join(_talen)}.")
LANGUAGES = [(t, TAAL_NAMEN[t]) for t in _talen]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("utrecht-tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
    ("leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("leaflet-markercluster", NODE_MODULES / "leaflet.markercluster" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

CRISPY_ALLOWED_TEMPLATE_PACKS = ("nlds",)
CRISPY_TEMPLATE_PACK = "nlds"

LOGIN_URL = "/partner/inloggen/"
LOGIN_REDIRECT_URL = "/partner/"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for one day

# Log-in protection (armoedepact/auth.py): 5 failed log-ins lock that account from that
# address for 15 minutes; 20 failures per hour from all addresses together throttle the account.
AUTHENTICATION_BACKENDS = [
    "armoedepact.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # the combination, not either
INLOG_POGINGEN_PER_ACCOUNT_PER_UUR = int(os.environ.get("DJANGO_LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR", "20"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "armoedepact.partner.account.uitgesloten"
AXES_USERNAME_FORM_FIELD = "username"
# One client address for every limit (common.security.client_adres): X-Forwarded-For is
# read only when the request comes from one of these (our reverse proxy, deploy/nginx).
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "common.security.axes_client_adres"
AXES_VERBOSE = False

# Two-factor log-in for staff (django-otp, TOTP) and the admin's import/export.
OTP_TOTP_ISSUER = "Armoedepact " + os.environ.get("GEMEENTE_NAAM", "Westerkwartier")
# /beheer/ never shows an authenticator app's secret key or QR code: setting one up goes through
# the one-time link of "Link sturen om de app in te stellen" (issue 15).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# --- Sessions and cookies -------------------------------------------------------
# Log-ins live server-side (armoedepact.Sessie, keyed by a random cookie): a log-out,
# a password change and "Log uit op alle apparaten" end them. The check uses no
# session: its answers travel in an encrypted cookie of their own (regelingen/check.py).
SESSION_ENGINE = "armoedepact.sessies"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_COOKIES = env_bool("DJANGO_SECURE_COOKIES", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES

# --- HTTPS and headers ------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not DEBUG and not TESTING)
if env_bool("DJANGO_BEHIND_PROXY", bool(TRUSTED_PROXIES)):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if (DEBUG or TESTING) else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "armoedepact.views.csrf_failure"

# Map tiles of the sociale kaart: PDOK's BRT-Achtergrondkaart (the Dutch government's free
# map service) by default. The CSP allows images from exactly this tile host.
KAART_TEGELS_URL = os.environ.get(
    "KAART_TEGELS_URL", "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
_kaart_tegels = urlsplit(KAART_TEGELS_URL)
if _kaart_tegels.scheme != "https" or not _kaart_tegels.netloc:
    _configuration_error("KAART_TEGELS_URL must be an https URL with {z}, {x} and {y}, like PDOK's tile URL.")
KAART_TEGELS_HOST = f"{_kaart_tegels.scheme}://{_kaart_tegels.netloc}"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", KAART_TEGELS_HOST],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# --- Caches ---------------------------------------------------------------------------
# Local memory per gunicorn worker. Public pages are cached under a content
# version kept in PostgreSQL, so an approved change shows at once in every
# worker (common/paginacache.py, docs/performance.md).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Bounded by bytes, least recently used out first (common/geheugencache.py).
    "paginas": {
        "BACKEND": "common.geheugencache.BegrensdeCache",
        "LOCATION": "paginas",
        "OPTIONS": {"MAX_BYTES": int(os.environ.get("DJANGO_PAGE_CACHE_MAX_BYTES", str(32_000_000)))},
    },
}
PAGINA_CACHE = env_bool("DJANGO_PAGE_CACHE", not DEBUG and not TESTING)
PAGINA_CACHE_ALIAS = "paginas"
PAGINA_CACHE_SECONDEN = 300
# While PostgreSQL is away, cached public pages are served for at most this long (common/middleware.py).
PAGINA_CACHE_ZONDER_DATABASE_SECONDEN = int(os.environ.get("DJANGO_PAGE_CACHE_WITHOUT_DB_SECONDS", "600"))
PAGINA_CACHE_PADEN = ["/hulp/", "/organisatie/", "/pact/", "/privacy/", "/toegankelijkheid/", "/open-data/"]
PAGINA_CACHE_NOOIT = [
    "/check/",
    "/partner/",
    "/beheer/",
    "/pact/aansluiten/",
    "/pact/partner/",
    "/open-data/hsds/",
    "/bellen/",
]
# Apps whose tables change public pages (watched by common/paginacache.py), and
# the tables of theirs written by residents' own requests, which no public page shows.
# Cookies besides the session that make a page personal: messages, the check's answers.
PAGINA_CACHE_PERSOONLIJKE_COOKIES = ("messages", "potjeswijzer")
PAGINA_CACHE_APPS = ("sociale_kaart", "regelingen", "werkgroepen", "overdracht")
PAGINA_CACHE_NIET_BEWAAKT = {
    "overdracht.verzoek",
    "overdracht.inzage",
    "overdracht.verzoektelling",
    "sociale_kaart.zoektermzonderresultaat",
    "sociale_kaart.zoektelling",
    "regelingen.checktelling",
    "regelingen.checksessie",
}
# Request bodies: refused above this before anything reads them (common/middleware.py, 413);
# the admin's imports may send more. Files up to that size stay in memory (no temporary file).
VERZOEK_MAX_BYTES = int(os.environ.get("DJANGO_MAX_BODY_BYTES", str(1_000_000)))
VERZOEK_MAX_BYTES_BEHEER = int(os.environ.get("DJANGO_MAX_BODY_BYTES_ADMIN", str(10_000_000)))
FILE_UPLOAD_MAX_MEMORY_SIZE = VERZOEK_MAX_BYTES_BEHEER
DATA_UPLOAD_MAX_MEMORY_SIZE = VERZOEK_MAX_BYTES_BEHEER
# Admin imports: an XLSX may unpack to at most this many bytes, a file may hold at most this many rows.
IMPORT_MAX_UITGEPAKT = int(os.environ.get("DJANGO_IMPORT_MAX_UNPACKED_BYTES", str(50_000_000)))
IMPORT_MAX_RIJEN = int(os.environ.get("DJANGO_IMPORT_MAX_ROWS", "5000"))
# Password reset requests per address per hour (counted in PostgreSQL, shared by all workers).
WACHTWOORD_HERSTEL_PER_UUR = int(os.environ.get("DJANGO_PASSWORD_RESET_PER_HOUR", "5"))
# Every PDF endpoint: at most this many PDFs per client address per minute (429 page after).
PDF_PER_MINUUT = int(os.environ.get("DJANGO_PDF_PER_MINUTE", "10"))
# Anonymous PDFs (folder, agenda) rendered once per content version, stored in PostgreSQL (common/pdf.py).
PDF_BEWAREN = env_bool("DJANGO_PDF_STORE", not DEBUG and not TESTING)
# Open-data (HSDS) API requests per address per minute, counted in PostgreSQL; 0 turns it off.
HSDS_RATE_LIMIT = int(os.environ.get("HSDS_RATE_LIMIT", "120"))

# --- Back-up ----------------------------------------------------------------------------
# Folder with pg_dump/pg_restore for `manage.py backup`/`restore` (armoedepact/backup.py);
# empty: the binaries of the pgserver wheel, else PATH.
PG_BIN_DIR = os.environ.get("PG_BIN_DIR", "")

# --- E-mail -------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "armoedepact@westerkwartier.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,
            },
        }
    }
elif DEBUG or TESTING:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    _configuration_error("EMAIL_HOST is not set. Production needs an SMTP server for e-mail (see .env.example).")

# Links in e-mails sent outside a request (cron jobs): scheme and host of the portal.
PORTAAL_URL = os.environ.get("PORTAAL_URL", "http://127.0.0.1:8000").rstrip("/")
# Who gets the coordinator's daily digest (comma-separated); empty: every active superuser.
COORDINATOR_EMAIL = env_list("COORDINATOR_EMAIL")

# --- Warm handover (overdracht): encryption and retention ---------------------------------
# Fernet keys, comma-separated; the first encrypts, all decrypt (key rotation: put a new key
# first, run `manage.py sleutels_roteren`, then drop the old one). common/versleuteling.py.
VERSLEUTELING_SLEUTELS = env_list("VERSLEUTELING_SLEUTELS")
if not VERSLEUTELING_SLEUTELS:
    if DEBUG or TESTING:
        import base64
        import hashlib

        # Development and tests only: a key derived from the (non-secret) debug key.
        _afgeleid = hashlib.sha256(("versleuteling:" + SECRET_KEY).encode()).digest()
        VERSLEUTELING_SLEUTELS = [base64.urlsafe_b64encode(_afgeleid).decode()]
    else:
        _configuration_error(
            "VERSLEUTELING_SLEUTELS is not set. Personal details of contact requests are encrypted with it. "
            'Make a key with: python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
        )
# Days a closed request is kept before `verwijder_verzoeken` deletes it, and days after which a
# request that was never opened is deleted too.
OVERDRACHT_BEWAREN_DAGEN = int(os.environ.get("OVERDRACHT_BEWAREN_DAGEN", "30"))
OVERDRACHT_ONGEOPEND_DAGEN = int(os.environ.get("OVERDRACHT_ONGEOPEND_DAGEN", "90"))
# Days without a change after which a request in Geopend or Geaccepteerd is closed automatically
# (then deleted OVERDRACHT_BEWAREN_DAGEN later). Afgewezen counts as closed.
OVERDRACHT_STIL_DAGEN = int(os.environ.get("OVERDRACHT_STIL_DAGEN", "60"))
# Working days before the receiving organisation gets a reminder of a request nobody opened.
OVERDRACHT_HERINNEREN_WERKDAGEN = int(os.environ.get("OVERDRACHT_HERINNEREN_WERKDAGEN", "2"))
# Days before a pact meeting that signed-up partners get a reminder.
BIJEENKOMST_HERINNEREN_DAGEN = int(os.environ.get("BIJEENKOMST_HERINNEREN_DAGEN", "3"))
# Months after which an aanbod whose phone, address, opening hours or "how to start" nobody
# confirmed is hidden from residents (`manage.py verificatie`, after a notice to the organisation).
VERIFICATIE_MAANDEN = int(os.environ.get("VERIFICATIE_MAANDEN", "18"))
# Days between that notice and hiding the entry.
VERIFICATIE_MELDING_DAGEN = int(os.environ.get("VERIFICATIE_MELDING_DAGEN", "14"))

# --- Logging: never form data ---------------------------------------------------------
# Every record carries the request id (also sent as the X-Request-ID header);
# form values of the current request are removed from messages and tracebacks
# (common/security.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "common.security.RequestLogFilter"}},
    "formatters": {"met_id": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request"], "formatter": "met_id"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Request logging prints the path; the check keeps its answers out of
        # URLs (POST bodies only), so nothing a resident types ends up here.
        "django.request": {"level": "ERROR", "filters": ["request"]},
        "django.security": {"filters": ["request"]},
        # WeasyPrint and fontTools log every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Site facts shown on every page.
GEMEENTE_NAAM = os.environ.get("GEMEENTE_NAAM", "Westerkwartier")
CENTRAAL_TELEFOONNUMMER = os.environ.get("CENTRAAL_TELEFOONNUMMER", "0594 - 00 00 00")

# "Snel weg" (quick exit) on the pages about violence, debts and the check: a
# neutral page that replaces the current one in the browser's history.
SNEL_WEG_URL = os.environ.get("SNEL_WEG_URL", "https://www.knmi.nl/nederland-nu/weer/verwachtingen")
# Pages that always show it (without the language prefix); the aanbod and
# organisation pages about violence and debts show it too (sociale_kaart.views).
SNEL_WEG_PADEN = ["/check/"]
SNEL_WEG_THEMAS = ["geld-en-schulden"]
SNEL_WEG_WOORDEN = ["geweld", "onveilig", "schuld"]
