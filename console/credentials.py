"""Where the console keeps the session token: the OS keyring, never a file.

``CredentialStore`` saves, reads and forgets one token per (server, user). It uses a keyring
backend that keeps secrets out of the file system: the desktop's Secret Service, KWallet,
the macOS Keychain or the Windows Credential Locker when one is available, and otherwise
``KernelKeyring``, which holds secrets in the Linux kernel's per-user keyring (kernel memory,
gone at reboot). On a headless Linux box ``keyring`` on its own would fall back to a
plaintext file (keyrings.alt) or to nothing; those backends are refused here. When no safe
backend exists at all, the token lives only in memory and the operator signs in at each start.

Keyring calls may wait (a Secret Service can prompt to unlock), so the console calls these
methods through the task runner, never on the GUI thread.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import logging
import os
import platform
import sys
from collections.abc import Callable
from typing import cast
from urllib.parse import quote, urlsplit

import keyring
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError, PasswordDeleteError, PasswordSetError

logger = logging.getLogger(__name__)

SERVICE_PREFIX = "tianmu"

# Backends that keep secrets in an OS-protected store. Anything else (keyrings.alt's files,
# keyring's fail and null backends, unknown third-party ones) is not trusted with a token.
_SAFE_BACKEND_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


class CredentialStoreUnavailable(KeyringError):
    """No keyring backend that keeps secrets off the disk can be used on this machine."""


# ---------------------------------------------------------------------- the kernel keyring

# (add_key, keyctl) system call numbers per architecture; the asm-generic table covers
# aarch64 and riscv64.
_SYSCALLS = {
    "x86_64": (248, 250),
    "amd64": (248, 250),
    "i386": (286, 288),
    "i686": (286, 288),
    "aarch64": (217, 219),
    "arm64": (217, 219),
    "riscv64": (217, 219),
    "armv7l": (309, 311),
}
_KEY_SPEC_USER_KEYRING = -4
_KEYCTL_GET_KEYRING_ID = 0
_KEYCTL_SETPERM = 5
_KEYCTL_UNLINK = 9
_KEYCTL_SEARCH = 10
_KEYCTL_READ = 11
_KEYCTL_INVALIDATE = 21
# Possessor: everything. Other processes of the same user: view, read, write, search and
# setattr, so a later run finds the key even in a session keyring that does not link the
# user keyring (and so does not "possess" it). Nobody else: nothing.
_KEY_PERMISSIONS = 0x3F2F0000
_KEY_TYPE = b"user"
_MAX_PAYLOAD = 32767  # the kernel's limit for "user" keys


class _Keyctl:
    """The two system calls behind the kernel keyring, through libc's ``syscall``."""

    def __init__(self) -> None:
        numbers = _SYSCALLS.get(platform.machine().lower())
        if not sys.platform.startswith("linux") or numbers is None:
            raise OSError(errno.ENOSYS, f"no kernel keyring on {sys.platform}/{platform.machine()}")
        self._add_key_nr, self._keyctl_nr = numbers
        libc = ctypes.CDLL(None, use_errno=True)
        self._syscall = libc.syscall
        self._syscall.restype = ctypes.c_long

    def _check(self, result: int) -> int:
        if result == -1:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code))
        return result

    def add_key(self, description: bytes, payload: bytes) -> int:
        return self._check(
            self._syscall(
                ctypes.c_long(self._add_key_nr),
                ctypes.c_char_p(_KEY_TYPE),
                ctypes.c_char_p(description),
                ctypes.c_char_p(payload),
                ctypes.c_size_t(len(payload)),
                ctypes.c_long(_KEY_SPEC_USER_KEYRING),
            )
        )

    def keyctl(
        self, operation: int, *args: int | bytes | ctypes.Array[ctypes.c_char] | None
    ) -> int:
        converted: list[object] = [ctypes.c_long(self._keyctl_nr), ctypes.c_long(operation)]
        for arg in args:
            if isinstance(arg, bytes):
                converted.append(ctypes.c_char_p(arg))
            elif arg is None:
                converted.append(ctypes.c_void_p(None))
            elif isinstance(arg, int):
                converted.append(ctypes.c_long(arg))
            else:
                converted.append(arg)
        return self._check(self._syscall(*converted))

    def search(self, description: bytes) -> int | None:
        try:
            return self.keyctl(_KEYCTL_SEARCH, _KEY_SPEC_USER_KEYRING, _KEY_TYPE, description, 0)
        except OSError as error:
            if error.errno in (errno.ENOKEY, errno.EKEYEXPIRED, errno.EKEYREVOKED):
                return None
            raise

    def read(self, serial: int) -> bytes:
        size = self.keyctl(_KEYCTL_READ, serial, None, 0)
        while True:
            buffer = ctypes.create_string_buffer(max(size, 1))
            needed = self.keyctl(_KEYCTL_READ, serial, buffer, size)
            if needed <= size:
                return buffer.raw[:needed]
            size = needed  # updated between the two calls

    def remove(self, serial: int) -> None:
        try:
            self.keyctl(_KEYCTL_INVALIDATE, serial)
        except OSError as error:
            if error.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise
            # Kernels before 3.5 cannot invalidate; unlinking drops the last reference.
            self.keyctl(_KEYCTL_UNLINK, serial, _KEY_SPEC_USER_KEYRING)


def _description(service: str, username: str) -> bytes:
    # Quoting keeps a ':' inside either part from making two entries collide.
    return f"keyring:{quote(service, safe='')}:{quote(username, safe='')}".encode()


class KernelKeyring(KeyringBackend):
    """A ``keyring`` backend over the Linux kernel's per-user keyring (``keyctl``).

    Secrets stay in kernel memory, readable only by processes of the same user, and vanish
    at reboot; nothing is written to disk. Works without a desktop session or D-Bus, which
    is what a control-room kiosk or a headless test machine has.
    """

    @classmethod
    def _viable(cls) -> bool:
        try:
            _Keyctl().keyctl(_KEYCTL_GET_KEYRING_ID, _KEY_SPEC_USER_KEYRING, 1)
        except OSError as error:
            logger.debug("kernel keyring unusable: %s", error)
            return False
        return True

    @properties.classproperty
    def priority(cls) -> float:
        # Below the desktop keyrings (5), above keyrings.alt's files (0.5 to 1).
        if not cls._viable():
            raise RuntimeError("the kernel keyring is not available here")
        return 2.0

    @functools.cached_property
    def _keyctl(self) -> _Keyctl:
        return _Keyctl()

    def get_password(self, service: str, username: str) -> str | None:
        serial = self._keyctl.search(_description(service, username))
        if serial is None:
            return None
        try:
            return self._keyctl.read(serial).decode("utf-8")
        except OSError as error:
            if error.errno in (errno.ENOKEY, errno.EKEYEXPIRED, errno.EKEYREVOKED):
                return None  # removed between the search and the read
            raise

    def set_password(self, service: str, username: str, password: str) -> None:
        payload = password.encode("utf-8")
        if len(payload) > _MAX_PAYLOAD:
            raise PasswordSetError("secret too long for the kernel keyring")
        try:
            # Adding a key with the description of an existing one replaces its payload.
            serial = self._keyctl.add_key(_description(service, username), payload)
            self._keyctl.keyctl(_KEYCTL_SETPERM, serial, _KEY_PERMISSIONS)
        except OSError as error:
            raise PasswordSetError(f"kernel keyring: {error.strerror}") from error

    def delete_password(self, service: str, username: str) -> None:
        serial = self._keyctl.search(_description(service, username))
        if serial is None:
            raise PasswordDeleteError("no such secret")
        try:
            self._keyctl.remove(serial)
        except OSError as error:
            raise PasswordDeleteError(f"kernel keyring: {error.strerror}") from error


# ---------------------------------------------------------------------- choosing a backend


def is_safe_backend(backend: KeyringBackend) -> bool:
    """Whether ``backend`` keeps secrets in an OS-protected store rather than a file."""
    if isinstance(backend, KernelKeyring):
        return True
    module = type(backend).__module__
    return any(module == name or module.startswith(name + ".") for name in _SAFE_BACKEND_MODULES)


def choose_backend() -> KeyringBackend:
    """The best safe keyring backend here; raises CredentialStoreUnavailable if none is."""
    configured = keyring.get_keyring()
    candidates = (
        list(configured.backends) if isinstance(configured, ChainerBackend) else [configured]
    )
    for backend in candidates:
        if is_safe_backend(backend):
            return backend
    refused = ", ".join(type(b).__qualname__ for b in candidates) or "none"
    if KernelKeyring._viable():
        logger.info(
            "No desktop keyring (found: %s); keeping secrets in the kernel keyring", refused
        )
        return _new_kernel_keyring()
    raise CredentialStoreUnavailable(
        f"no keyring keeps secrets off the disk here (found: {refused})"
    )


def _new_kernel_keyring() -> KeyringBackend:
    # keyring's base class has an unannotated __init__; the cast keeps the call typed.
    make = cast(Callable[[], KeyringBackend], KernelKeyring)
    return make()


def _server_key(server_url: str) -> str:
    """The server part of a keyring entry: scheme, host and port, nothing else."""
    parts = urlsplit(server_url.strip())
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme.lower()}://{host.lower()}{port}{parts.path.rstrip('/')}"


class CredentialStore:
    """Session tokens per (server, user) in a safe keyring, or in memory when none exists.

    ``available`` says whether tokens survive a restart. Every method may block briefly
    (D-Bus), so call them off the GUI thread.
    """

    def __init__(self, backend: KeyringBackend | None = None, *, prefix: str = SERVICE_PREFIX):
        self._prefix = prefix
        self._memory: dict[tuple[str, str], str] = {}
        if backend is not None and not is_safe_backend(backend):
            raise CredentialStoreUnavailable(
                f"{type(backend).__qualname__} would keep secrets in a file; refusing it"
            )
        self._backend = backend
        if backend is None:
            try:
                self._backend = choose_backend()
            except CredentialStoreUnavailable as error:
                logger.warning("Session tokens will not be remembered: %s", error)

    @property
    def available(self) -> bool:
        return self._backend is not None

    @property
    def backend_name(self) -> str:
        return type(self._backend).__qualname__ if self._backend is not None else "memory"

    def _service(self, server_url: str) -> str:
        return f"{self._prefix} {_server_key(server_url)}"

    def save_token(self, server_url: str, username: str, token: str) -> bool:
        """Keep ``token``; returns whether it went to a keyring (else memory only)."""
        key = (self._service(server_url), username)
        self._memory[key] = token
        if self._backend is None:
            return False
        try:
            self._backend.set_password(key[0], username, token)
        except KeyringError as error:
            logger.warning("Could not keep the session token in %s: %s", self.backend_name, error)
            return False
        return True

    def load_token(self, server_url: str, username: str) -> str | None:
        key = (self._service(server_url), username)
        if key in self._memory:
            return self._memory[key]
        if self._backend is None:
            return None
        try:
            return self._backend.get_password(key[0], username)
        except KeyringError as error:
            logger.warning("Could not read the session token from %s: %s", self.backend_name, error)
            return None

    def forget_token(self, server_url: str, username: str) -> None:
        key = (self._service(server_url), username)
        self._memory.pop(key, None)
        if self._backend is None:
            return
        try:
            self._backend.delete_password(key[0], username)
        except PasswordDeleteError:
            pass  # nothing was stored
        except KeyringError as error:
            logger.warning(
                "Could not remove the session token from %s: %s", self.backend_name, error
            )
