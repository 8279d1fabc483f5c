"""Removing credentials from text before it is logged, shown or written anywhere.

Two layers work together:

* patterns for the shapes credentials take in text: ``user:pass@`` in URLs of any scheme,
  ``Authorization:`` headers and bare ``Bearer``/``Basic`` credentials, ``password=``/``token=``
  style query and form values, and ``"password": "..."`` fields in JSON or Python reprs;
* a registry of live secrets (the session token, the password the operator typed), replaced
  wherever they appear, whatever the surrounding text looks like.

``scrub`` is safe to call from any thread.
"""

from __future__ import annotations

import re
import threading
from urllib.parse import quote

MASK = "***"

# Secrets shorter than this would garble every line if replaced as substrings, so they are only
# replaced where they stand alone as a word.
_MIN_SUBSTRING_SECRET = 4

_SECRET_KEY = (
    r"[\w.-]*(?:password|passwd|pwd|passphrase|token|secret|api[_-]?key|apikey|auth[_-]?key"
    r"|session[_-]?id|credential)[\w.-]*"
)

# scheme://userinfo@ : greedy, so the userinfo runs to the last "@" before the path, query,
# fragment or end; an unencoded "@" in a password is still covered.
_URL_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<userinfo>[^\s/?#]+)@")
_AUTH_HEADER = re.compile(
    r"(?P<head>\b(?:proxy-)?authorization['\"]?\s*[:=]\s*['\"]?)"
    r"(?:(?P<kind>bearer|basic|digest|token|negotiate)\s+)?"
    r"(?P<cred>[^'\"\s,;}\]]+)",
    re.IGNORECASE,
)
_BARE_SCHEME_CREDENTIAL = re.compile(
    r"\b(?P<kind>Bearer|Basic)\s+(?P<cred>[A-Za-z0-9\-._~+/]+=*)", re.IGNORECASE
)
_QUOTED_FIELD = re.compile(
    r"(?P<head>(?P<kq>[\"'])" + _SECRET_KEY + r"(?P=kq)\s*[:=]\s*)"
    r"(?P<vq>[\"'])(?P<value>(?:\\.|(?!(?P=vq)).)*)(?P=vq)",
    re.IGNORECASE | re.DOTALL,
)
_KEY_EQUALS_QUOTED = re.compile(
    r"(?P<head>\b" + _SECRET_KEY + r"\s*=\s*)(?P<vq>[\"'])(?P<value>(?:\\.|(?!(?P=vq)).)*)(?P=vq)",
    re.IGNORECASE | re.DOTALL,
)
_KEY_EQUALS_BARE = re.compile(
    r"(?P<head>\b" + _SECRET_KEY + r"\s*=\s*)(?P<value>[^&\s'\"]+)",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(
    r"(?P<head>^[ \t]*(?:x-)?[\w-]*(?:token|api-key|secret|password)[\w-]*[ \t]*:[ \t]*)"
    r"(?P<value>\S.*)$",
    re.IGNORECASE | re.MULTILINE,
)

_lock = threading.Lock()
_secrets: set[str] = set()
_secrets_pattern: re.Pattern[str] | None = None


def _mask_userinfo(match: re.Match[str]) -> str:
    userinfo = match.group("userinfo")
    user, colon, _password = userinfo.partition(":")
    # Keep the account name when there is a separate password: it tells which account a log
    # line is about and is not itself a credential. A lone userinfo is often a token.
    kept = f"{user}:{MASK}" if colon and user else MASK
    return f"{match.group('scheme')}{kept}@"


def _mask_auth_header(match: re.Match[str]) -> str:
    kind = match.group("kind")
    return f"{match.group('head')}{kind + ' ' if kind else ''}{MASK}"


def _mask_value(match: re.Match[str]) -> str:
    quote_char = match.groupdict().get("vq") or ""
    return f"{match.group('head')}{quote_char}{MASK}{quote_char}"


def _variants(secret: str) -> set[str]:
    return {secret, quote(secret, safe=""), quote(secret, safe="/:")} - {""}


def _rebuild_pattern() -> None:
    global _secrets_pattern
    parts = []
    for secret in sorted(_secrets, key=len, reverse=True):
        escaped = re.escape(secret)
        if len(secret) < _MIN_SUBSTRING_SECRET:
            escaped = rf"(?<!\w){escaped}(?!\w)"
        parts.append(escaped)
    _secrets_pattern = re.compile("|".join(parts)) if parts else None


def register_secret(value: str | None) -> None:
    """Replace ``value`` (and its URL-encoded forms) wherever it appears from now on."""
    if not value:
        return
    with _lock:
        _secrets.update(_variants(value))
        _rebuild_pattern()


def unregister_secret(value: str | None) -> None:
    """Forget a secret that is no longer live (after logout, for instance)."""
    if not value:
        return
    with _lock:
        _secrets.difference_update(_variants(value))
        _rebuild_pattern()


def clear_secrets() -> None:
    """Forget every registered secret."""
    with _lock:
        _secrets.clear()
        _rebuild_pattern()


def scrub(text: str) -> str:
    """Return ``text`` with every credential it holds replaced by ``***``."""
    if not text:
        return text
    pattern = _secrets_pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    text = _URL_USERINFO.sub(_mask_userinfo, text)
    text = _AUTH_HEADER.sub(_mask_auth_header, text)
    text = _BARE_SCHEME_CREDENTIAL.sub(lambda m: f"{m.group('kind')} {MASK}", text)
    text = _QUOTED_FIELD.sub(_mask_value, text)
    text = _KEY_EQUALS_QUOTED.sub(_mask_value, text)
    text = _KEY_EQUALS_BARE.sub(_mask_value, text)
    return _HEADER_LINE.sub(_mask_value, text)
