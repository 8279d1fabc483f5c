"""Password hashing (scrypt with a per-password salt) and bearer tokens (random, stored hashed)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# scrypt cost: 2**14 x 8 takes tens of milliseconds and 16 MiB, a fair price per login.
_N, _R, _P = 2**14, 8, 1
_SCHEME = "scrypt"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int = _N) -> str:
    """``scrypt$n$r$p$salt$hash`` for ``password``; parameters travel with the hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=_R, p=_P, dklen=32)
    return f"{_SCHEME}${n}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=64 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# A valid hash of nothing anyone can type, checked when a username is unknown so that the
# answer takes as long as for a wrong password.
DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
