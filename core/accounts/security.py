"""Password hashing (argon2id) and opaque token secrets (stored as SHA-256)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

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


def hash_secret(secret: str) -> str:
    """Tokens are random, so a fast hash is enough; argon2 is for low-entropy passwords."""
    return hashlib.sha256(secret.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
