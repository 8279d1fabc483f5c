"""Credentials never survive scrubbing, whatever text surrounds them."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from console.scrub import MASK, clear_secrets, register_secret, scrub, unregister_secret

# Secrets long enough that finding one by chance in the surrounding text is impossible.
secret_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=8,
    max_size=40,
).filter(lambda s: MASK not in s)
url_safe_secret = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$%*+,;=-._~:@",
    min_size=8,
    max_size=40,
)
user_name = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=12)
scheme = st.sampled_from(["rtsp", "rtsps", "http", "https", "rtmp", "ftp", "srt"])
host = st.sampled_from(["10.0.0.7", "cam-17.qh.local", "[fe80::1]", "example.org"])
port = st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}"))
path = st.sampled_from(["", "/", "/Streaming/Channels/101", "/live.sdp?tcp", "#frag"])
surroundings = st.text(max_size=30).filter(lambda s: "://" not in s)


@given(scheme, user_name, url_safe_secret, host, port, path, surroundings, surroundings)
def test_url_passwords_are_removed(
    scheme: str, user: str, password: str, host: str, port: str, path: str, before: str, after: str
) -> None:
    # The account name is kept on purpose; a password equal to it cannot be told apart.
    assume(password not in before + user + after)
    url = f"{scheme}://{user}:{password}@{host}{port}{path}"
    scrubbed = scrub(f"{before} {url} {after}")
    assert password not in scrubbed
    assert f"{scheme}://{user}:{MASK}@{host}{port}{path}" in scrubbed


@given(scheme, secret_text, host, path)
def test_percent_encoded_url_passwords_are_removed(
    scheme: str, password: str, host: str, path: str
) -> None:
    encoded = quote(password, safe="")
    scrubbed = scrub(f"Opening '{scheme}://admin:{encoded}@{host}{path}' now")
    assert encoded not in scrubbed
    assert f"{scheme}://admin:{MASK}@{host}" in scrubbed


@given(url_safe_secret.filter(lambda s: ":" not in s), host)
def test_a_lone_userinfo_token_is_removed(token: str, host: str) -> None:
    scrubbed = scrub(f"GET https://{token}@{host}/api")
    assert token not in scrubbed
    assert f"https://{MASK}@{host}/api" in scrubbed


token_text = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/",
    min_size=8,
    max_size=60,
)


@given(token_text, st.sampled_from(["Bearer", "bearer", "Basic", "Token"]))
def test_authorization_headers_are_removed(token: str, kind: str) -> None:
    for text in (
        f"Authorization: {kind} {token}",
        f"{{'Authorization': '{kind} {token}', 'Accept': 'application/json'}}",
        f'headers={{"authorization": "{kind} {token}"}}',
        f"proxy-authorization={kind} {token}",
    ):
        scrubbed = scrub(text)
        assert token not in scrubbed, text
        assert MASK in scrubbed


@given(token_text)
def test_bare_bearer_credentials_are_removed(token: str) -> None:
    assert token not in scrub(f"retrying with Bearer {token} after 401")


secret_key = st.sampled_from(
    [
        "password",
        "passwd",
        "pwd",
        "token",
        "access_token",
        "refresh_token",
        "api_key",
        "client_secret",
        "rtsp-pwd",
        "X-Auth-Token",
    ]
)
form_value = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_characters="&'\"", exclude_categories=("Cs", "Cc", "Z")
    ),
    min_size=8,
    max_size=40,
)


@given(secret_key, form_value)
def test_query_and_form_values_are_removed(key: str, value: str) -> None:
    for text in (
        f"POST /login user=ops&{key}={value}&remember=1",
        f"GET /events?{key}={value}",
        f"{key}={value}",
        f"vlc option :{key}={value}",
    ):
        scrubbed = scrub(text)
        assert value not in scrubbed, text
        assert f"{key}={MASK}" in scrubbed


@given(secret_key, secret_text)
def test_json_and_repr_fields_are_removed(key: str, value: str) -> None:
    document = json.dumps({"user": "duty-officer", key: value, "remember": True})
    scrubbed = scrub(document)
    assert json.dumps(value)[1:-1] not in scrubbed
    assert json.loads(scrubbed)[key] == MASK
    assert json.loads(scrubbed)["user"] == "duty-officer"

    as_repr = repr({"user": "duty-officer", key: value})
    assert value not in scrub(as_repr)
    keyword_repr = f"Credentials(user='duty-officer', {key}={value!r})"
    assert value not in scrub(keyword_repr)


@settings(max_examples=200)
@given(secret_text, surroundings, surroundings)
def test_registered_secrets_are_removed_wherever_they_appear(
    secret: str, before: str, after: str
) -> None:
    assume(secret not in before + after)
    register_secret(secret)
    try:
        for text in (
            f"{before}{secret}{after}",
            f"{before} {quote(secret, safe='')} {after}",
            f"{secret}{secret}",
        ):
            assert secret not in scrub(text)
            assert quote(secret, safe="") not in scrub(text)
    finally:
        clear_secrets()


def test_short_registered_secrets_only_match_whole_words() -> None:
    register_secret("719")
    assert scrub("pin 719 accepted") == f"pin {MASK} accepted"
    # Replacing every "719" inside other numbers would garble camera ids and timestamps.
    assert scrub("camera 46900719001") == "camera 46900719001"


def test_unregistered_secrets_are_no_longer_replaced() -> None:
    register_secret("s3cret-token-value")
    unregister_secret("s3cret-token-value")
    assert scrub("s3cret-token-value") == "s3cret-token-value"


@pytest.mark.parametrize(
    "text",
    [
        "Camera 嘉积镇-017 online at http://10.0.0.7/stream.ts",
        "contact ops@example.org, see https://example.org/docs?page=2&lang=zh_CN",
        "dispatched unit 3 to incident 2024-000117 (status: closed)",
        "",
    ],
)
def test_text_without_credentials_is_unchanged(text: str) -> None:
    assert scrub(text) == text


@given(st.text(max_size=200))
def test_scrubbing_is_idempotent(text: str) -> None:
    once = scrub(text)
    assert scrub(once) == once
