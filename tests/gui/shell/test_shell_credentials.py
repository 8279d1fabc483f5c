"""Session tokens go to a keyring that keeps them off the disk, never to a file."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from console.credentials import (
    CredentialStore,
    CredentialStoreUnavailable,
    KernelKeyring,
    choose_backend,
    is_safe_backend,
)

pytestmark = pytest.mark.skipif(
    not KernelKeyring._viable(), reason="no kernel keyring (keyctl) on this machine"
)


def _unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex}"


def _files_containing(root: Path, needle: str) -> list[Path]:
    data = needle.encode()
    return [p for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


def test_kernel_keyring_roundtrip() -> None:
    backend = KernelKeyring()
    service, user, secret = _unique("tianmu-test"), "operator-1", _unique("秘密")
    assert backend.get_password(service, user) is None
    backend.set_password(service, user, secret)
    try:
        assert backend.get_password(service, user) == secret
        # A second instance (another start of the console) finds it too.
        assert KernelKeyring().get_password(service, user) == secret
        backend.set_password(service, user, secret + "-new")
        assert backend.get_password(service, user) == secret + "-new"
    finally:
        backend.delete_password(service, user)
    assert backend.get_password(service, user) is None


def test_token_store_roundtrip_keeps_nothing_on_disk(tianmu_home: Path) -> None:
    token = _unique("token")
    server = f"http://127.0.0.1:{uuid.uuid4().int % 50000 + 10000}"
    store = CredentialStore()
    assert store.available
    assert store.save_token(server + "/", "operator-1", token)
    try:
        # The same server written differently is the same entry; a fresh store reads it back.
        assert CredentialStore().load_token(server, "operator-1") == token
        assert CredentialStore().load_token(server, "operator-2") is None
    finally:
        store.forget_token(server, "operator-1")
    assert CredentialStore().load_token(server, "operator-1") is None
    assert _files_containing(tianmu_home, token) == []


def test_plaintext_file_backend_is_refused() -> None:
    plaintext = PlaintextKeyring()
    assert not is_safe_backend(plaintext)
    with pytest.raises(CredentialStoreUnavailable):
        CredentialStore(plaintext)


def test_chosen_backend_is_safe_on_this_machine() -> None:
    # Here (headless Linux with keyrings.alt installed) keyring alone would pick a plaintext
    # file; the console must end up with a backend that keeps secrets off the disk.
    backend = choose_backend()
    assert is_safe_backend(backend)
    assert not isinstance(backend, PlaintextKeyring)


@pytest.fixture
def tianmu_home(_isolated_home: Path) -> Path:
    return _isolated_home
