"""Property-based API testing against the running server's own OpenAPI document.

Schemathesis draws requests (valid and invalid) for every operation and checks that the
server never answers 5xx, that status codes, content types, headers and bodies conform to
the document, and that invalid input is refused. "Schema-valid input is accepted" is not
checked: by contract, input that is well-formed but refers to nothing (an unknown camera id,
an opaque cursor this server never issued, an action the incident's state forbids) is
answered 404/409/422. The endless event stream and logout
(which would revoke the token the run uses) are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.integration.server.conftest import start_server

pytestmark = pytest.mark.slow

EXAMPLES = 6  # per operation and mode: the whole run stays well under two minutes


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[schemathesis.BaseSchema, str]]:
    tmp: Path = tmp_path_factory.mktemp("schemathesis")
    live, app, _world, _media = start_server(tmp, "sqlite")
    try:
        schema = schemathesis.openapi.from_url(f"{live.url}/api/v1/openapi.json")
        schema = schema.exclude(path="/api/v1/events").exclude(path="/api/v1/auth/logout")
        import requests

        token = requests.post(
            f"{live.url}/api/v1/auth/login",
            json={"username": "op", "password": "op-pass"},
            timeout=10,
        ).json()["token"]
        yield schema, token
    finally:
        live.stop()
        app.state.tianmu.db.dispose()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_api_conforms_to_its_document(
    api: tuple[schemathesis.BaseSchema, str], mode: GenerationMode
) -> None:
    schema, token = api
    headers = {"Authorization": f"Bearer {token}"}
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(
                headers=headers, timeout=30, excluded_checks=[positive_data_acceptance]
            )

        try:
            check()
        except Unsatisfiable:
            # Nothing to make invalid (e.g. GET /health takes no input).
            assert mode is GenerationMode.NEGATIVE, operation.label
        except Exception as exc:  # collect every operation's failure, then report all
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
