"""Signing in and out, and what an unauthenticated caller gets."""

from __future__ import annotations

import requests

from console.wire import ErrorOut, LoginOut, UserOut
from tests.integration.server.conftest import TIMEOUT, Server


def test_login_with_the_right_password_gives_a_working_token(server: Server) -> None:
    response = requests.post(
        server.url("/auth/login"), json={"username": "op", "password": "op-pass"}, timeout=TIMEOUT
    )
    assert response.status_code == 200
    body = LoginOut.model_validate(response.json())
    assert body.user.username == "op"
    assert body.user.role == "operator"
    me = requests.get(
        server.url("/me"), headers={"Authorization": f"Bearer {body.token}"}, timeout=TIMEOUT
    )
    assert me.status_code == 200
    assert UserOut.model_validate(me.json()).id == "user-op"


def test_login_with_a_wrong_password_or_unknown_user_is_refused(server: Server) -> None:
    for username, password in (("op", "not-it"), ("nobody", "op-pass")):
        response = requests.post(
            server.url("/auth/login"),
            json={"username": username, "password": password},
            timeout=TIMEOUT,
        )
        assert response.status_code == 401
        error = ErrorOut.model_validate(response.json()).error
        assert error.code == "bad_credentials"
        assert "token" not in response.json()


def test_requests_without_or_with_a_bad_token_get_401(server: Server) -> None:
    bare = requests.get(server.url("/cameras"), timeout=TIMEOUT)
    assert bare.status_code == 401
    assert ErrorOut.model_validate(bare.json()).error.code == "unauthenticated"
    forged = requests.get(
        server.url("/cameras"), headers={"Authorization": "Bearer forged"}, timeout=TIMEOUT
    )
    assert forged.status_code == 401


def test_logout_revokes_the_token(server: Server) -> None:
    client = server.client("op")
    assert client.get("/me").status_code == 200
    assert client.post("/auth/logout").status_code == 200
    assert client.get("/me").status_code == 401


def test_sign_ins_and_failures_are_audited_without_secrets(server: Server) -> None:
    requests.post(
        server.url("/auth/login"),
        json={"username": "op", "password": "wrong-secret"},
        timeout=TIMEOUT,
    )
    supervisor = server.client("sup")
    failed = supervisor.get("/audit", params={"action": "auth.login_failed"}).json()["items"]
    assert any(item["detail"].get("username") == "op" for item in failed)
    ok = supervisor.get("/audit", params={"action": "auth.login", "actor_id": "user-sup"})
    assert ok.json()["items"], "the supervisor's own sign-in is audited"
    assert "wrong-secret" not in supervisor.get("/audit", params={"limit": 1000}).text


def test_departments_and_health(server: Server) -> None:
    client = server.client("op")
    departments = client.get("/departments").json()
    assert {d["id"] for d in departments} == {d.id for d in server.world.departments}
    health = requests.get(server.url("/health"), timeout=TIMEOUT).json()
    assert health["status"] == "ok"
    assert health["demo"] is False
