"""Password hashing (argon2id); opaque secrets stored as HMAC-SHA256 keyed by YISHI_SECRET_KEY."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from core.settings import get_settings

__all__ = [
    "DEMO_PASSWORD",
    "hash_password",
    "hash_secret",
    "needs_rehash",
    "new_secret",
    "verify_password",
]

#: The password every demo account gets in embedded mode; production refuses any account using it.
DEMO_PASSWORD = "yishi-demo"  # noqa: S105

_hasher = PasswordHasher()
# Verified against when the account does not exist, so a wrong login costs the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and bool(stored_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def new_secret(prefix: str) -> str:
    """An opaque bearer secret such as `ys_…` (256 bits of randomness)."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def hash_secret(secret: str, key: str | None = None) -> str:
    """What is stored for a bearer token, session, invitation or reset code: HMAC-SHA256 of it.

    The secrets are random (256 bits), so a fast hash is enough; argon2 is for low-entropy
    passwords. Keyed by `YISHI_SECRET_KEY` (this is what production requires it for): someone
    who can write to the database but does not hold the key (a restored backup, a leaked admin
    login, an injected statement) cannot plant a row whose token they know, and changing the key
    ends every token, session and outstanding code at once. Passwords are not affected.
    """
    k = get_settings().auth.secret_key if key is None else key
    return hmac.new(k.encode(), secret.encode(), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
