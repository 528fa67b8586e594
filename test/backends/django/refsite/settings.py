"""
Settings of the reference backend: four real-time servers of PROTOCOLS.md in one Django 3.2
project (Channels 4, daphne 4, channels_redis, DRF, simplejwt), configured from the environment:

  REFSITE_DB_PATH        SQLite file (required; the test harness uses a fresh temp dir per run)
  REFSITE_REDIS_PORT     Redis port on 127.0.0.1 for the channel layer (default 6379)
  REFSITE_TEST_CONTROL   "1" mounts the /__test__/ control surface (never in a real deployment)
  REFSITE_SECRET_KEY     signing key for every JWT (default: a fixed test key)
  REFSITE_MODE           "documented" (default): the servers as their documents describe them;
                         "deployed": as the real servers run at their latest public commits
                         (PROTOCOLS.md, last section), quirks and bugs included
  REFSITE_ERP_SSE_HEARTBEAT  seconds between the deployed ERP chat's SSE heartbeats (default 30;
                         read by erp/pubsub.py, also settable at /__test__/erp/sse/heartbeat/)
"""
import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get('REFSITE_SECRET_KEY', 'refsite-test-only-secret-key-8f1d2c0b9a7e6d5c4b3a2f1e0d9c8b7a')
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']

TEST_CONTROL = os.environ.get('REFSITE_TEST_CONTROL') == '1'
DEPLOYED = os.environ.get('REFSITE_MODE', 'documented') == 'deployed'

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'channels',
    'rest_framework',
    'rest_framework.authtoken',
    'accounts',
    'orders',
    'smarthunt',
    'erp',
    'admin_dashboard',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
]

ROOT_URLCONF = 'refsite.urls'
ASGI_APPLICATION = 'refsite.asgi.application'
TEMPLATES = []

_db_path = os.environ.get('REFSITE_DB_PATH')
if not _db_path:
    raise ImproperlyConfigured('Set REFSITE_DB_PATH to the SQLite file to use, e.g. REFSITE_DB_PATH=/tmp/refsite/db.sqlite3')

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': _db_path,
        # daphne runs views and database_sync_to_async calls on worker threads: wait for a lock.
        'OPTIONS': {'timeout': 20},
    }
}

CHANNEL_LAYERS = {
    'default': {
        'BACKEND': 'channels_redis.core.RedisChannelLayer',
        'CONFIG': {'hosts': [('127.0.0.1', int(os.environ.get('REFSITE_REDIS_PORT', '6379')))]},
    },
}

AUTH_USER_MODEL = 'accounts.User'
DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'
# Test users have no usable password; if one is set by hand, keep hashing cheap.
PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']

# TIME_ZONE also sets the process zone, so the admin app's naive datetime.now() is UTC.
LANGUAGE_CODE = 'en-us'
TIME_ZONE = 'UTC'
USE_I18N = False
USE_L10N = False
USE_TZ = True

REST_FRAMEWORK = {
    'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework_simplejwt.authentication.JWTAuthentication'],
    'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],
    'DEFAULT_RENDERER_CLASSES': ['rest_framework.renderers.JSONRenderer'],
    'DEFAULT_PARSER_CLASSES': ['rest_framework.parsers.JSONParser'],
    'UNAUTHENTICATED_USER': None,
}

# §5: simplejwt access tokens whose user_id claim is the user's UUID.
SIMPLE_JWT = {
    'ACCESS_TOKEN_LIFETIME': timedelta(hours=12),
    'REFRESH_TOKEN_LIFETIME': timedelta(days=1),
    'ALGORITHM': 'HS256',
    'SIGNING_KEY': SECRET_KEY,
    'AUTH_HEADER_TYPES': ('Bearer',),
    'USER_ID_FIELD': 'uuid',
    'USER_ID_CLAIM': 'user_id',
}

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'console': {'class': 'logging.StreamHandler'}},
    'loggers': {
        'django.request': {'handlers': ['console'], 'level': 'ERROR', 'propagate': False},
        'refsite': {'handlers': ['console'], 'level': 'WARNING', 'propagate': False},
    },
}
