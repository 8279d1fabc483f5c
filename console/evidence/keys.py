"""The workstation's Ed25519 key pair, which signs every evidence export made on it.

The private key lives in one file under the data folder, readable by its owner only (0600).
It is never logged or shown: ``repr`` names only the public key's fingerprint.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import stat
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from console import paths

logger = logging.getLogger(__name__)

KEY_FILE_NAME = "workstation-ed25519.pem"
PUBLIC_KEY_LENGTH = 32


class KeyProblem(ValueError):
    """A key file or public key that cannot be used (named for the caller's message)."""


def key_file(folder: Path | None = None) -> Path:
    """Where the workstation's private key is kept (``<data dir>/keys/`` by default)."""
    return (folder if folder is not None else paths.data_dir() / "keys") / KEY_FILE_NAME


def fingerprint(public_key: bytes) -> str:
    """A short, stable name of a raw Ed25519 public key: ``SHA256:`` and 64 hex digits."""
    return "SHA256:" + hashlib.sha256(public_key).hexdigest()


def public_key_from_text(data: bytes) -> bytes:
    """The raw 32-byte public key from a PEM file, a base64 line, or the raw bytes."""
    stripped = data.strip()
    if stripped.startswith(b"-----BEGIN"):
        try:
            loaded = serialization.load_pem_public_key(stripped)
        except ValueError as exc:
            raise KeyProblem(f"not a PEM public key: {exc}") from None
        if not isinstance(loaded, Ed25519PublicKey):
            raise KeyProblem("the PEM file holds a key that is not Ed25519")
        return loaded.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if len(data) == PUBLIC_KEY_LENGTH:
        return data
    try:
        raw = base64.b64decode(stripped, validate=True)
    except ValueError:
        raise KeyProblem("not a PEM, base64 or raw Ed25519 public key") from None
    if len(raw) != PUBLIC_KEY_LENGTH:
        raise KeyProblem(f"an Ed25519 public key has {PUBLIC_KEY_LENGTH} bytes, not {len(raw)}")
    return raw


def verify_signature(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is ``public_key``'s Ed25519 signature of ``data``."""
    from cryptography.exceptions import InvalidSignature

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


class WorkstationKey:
    """This workstation's signing key: signs exports, and tells its public half."""

    def __init__(self, private_key: Ed25519PrivateKey, path: Path | None = None) -> None:
        self._private = private_key
        self.path = path

    def __repr__(self) -> str:
        return f"WorkstationKey({self.fingerprint()})"

    @classmethod
    def generate(cls) -> WorkstationKey:
        """A fresh key kept in memory only (tests, one-off tools)."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load_or_create(cls, folder: Path | None = None) -> WorkstationKey:
        """The key stored in ``folder`` (default: the data folder), made on first use."""
        path = key_file(folder)
        if path.exists():
            return cls._load(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            # O_EXCL: two consoles starting together never overwrite each other's new key.
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return cls._load(path)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(pem)
        key = cls(private, path)
        logger.info("made the workstation signing key %s", key.fingerprint())
        return key

    @classmethod
    def _load(cls, path: Path) -> WorkstationKey:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            # Another user could read the key: close it to the owner before using it.
            logger.warning("the workstation key file was readable by others; set it to 0600")
            path.chmod(0o600)
        try:
            private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except ValueError:
            raise KeyProblem(f"the workstation key file {path} is damaged") from None
        if not isinstance(private, Ed25519PrivateKey):
            raise KeyProblem(f"the workstation key file {path} does not hold an Ed25519 key")
        return cls(private, path)

    def public_key_bytes(self) -> bytes:
        """The raw 32-byte public key."""
        return self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    def public_key_base64(self) -> str:
        return base64.b64encode(self.public_key_bytes()).decode("ascii")

    def public_key_pem(self) -> bytes:
        return self._private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def fingerprint(self) -> str:
        return fingerprint(self.public_key_bytes())

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``data``."""
        return self._private.sign(data)
