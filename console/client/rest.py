"""``BackendClient``: the typed REST client of the reference API (``/api/v1``).

Every call has a (connect, read) timeout; only idempotent calls are repeated by urllib3
(see ``console.client.transport``); every answer is checked against the shared wire schemas
in ``console.wire``. Each method either returns validated wire models or raises a
``BackendError`` (``console.client.errors``) — never a ``requests`` or pydantic exception.

The client is safe to share between threads: each thread gets its own HTTP sessions, and
the bearer token is one value read per request.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, TypeVar
from urllib.parse import quote, urlsplit

import requests
from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from console.client.errors import (
    AnswerProblem,
    BackendError,
    FieldError,
    MalformedResponseError,
    ProtocolError,
    ValidationError,
)
from console.client.transport import (
    IDEMPOTENT_METHODS,
    RawAnswer,
    SessionFactory,
    Timeout,
    Transport,
    error_from_answer,
    media_type,
    read_body,
    transport_error,
)
from console.domain.vehicles import (
    PlateError,
    RouteGuard,
    VehiclePass,
    normalize_plate,
)
from console.scrub import register_secret, scrub, unregister_secret
from console.wire import (
    API_PREFIX,
    ActionIn,
    AlertOut,
    AlertPage,
    AuditPage,
    CameraOut,
    CameraPage,
    DepartmentOut,
    DismissIn,
    HealthOut,
    IncidentIn,
    IncidentOut,
    IncidentPage,
    LoginIn,
    LoginOut,
    OkOut,
    PatrolPlanIn,
    PatrolPlanOut,
    PatrolRecordIn,
    PatrolRecordOut,
    PromoteIn,
    RecordingOut,
    RegionOut,
    StreamsOut,
    UnitOut,
    UnitStatusIn,
    UserOut,
)
from console.wire.alerts import MergeIn
from console.wire.bookmarks import BookmarkIn, BookmarkOut
from console.wire.clock import ClockIn, ClockOut
from console.wire.evidence import ExportIn, ExportOut, WorkstationKeyIn, WorkstationKeyOut
from console.wire.incidents import CategoryOut, EscalateIn
from console.wire.vehicles import RouteGuardList, RouteGuardOut, VehiclePassList

logger = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_TIMEOUT: Timeout = (3.05, 10.0)
MAX_JSON_BYTES = 32 * 1024 * 1024
# Sign-in and "who am I" answers are a few hundred bytes; anything near this is not ours.
MAX_ACCOUNT_BYTES = 256 * 1024
MAX_MEDIA_BYTES = 256 * 1024 * 1024
MAX_PAGES = 10_000

UploadFile = tuple[str, str, str, bytes | Path]
"""A multipart file: (form field, file name, content type, the bytes or a path to read)."""


@lru_cache(maxsize=64)
def _adapter(model: Any) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def _schema_name(model: Any) -> str:
    return str(getattr(model, "__name__", None) or model)


def _summarise(error: PydanticValidationError) -> str:
    """Where and how an answer breaks the schema — locations and error types, never values."""
    problems = error.errors(include_input=False, include_url=False, include_context=False)
    if not problems:
        return "invalid"
    first = problems[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return f"{len(problems)} problem(s); first at {where}: {first['type']}"


def _form_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return ",".join(str(v) for v in value)
    return str(value)


def form_fields(body: Mapping[str, Any]) -> dict[str, str]:
    """A body dict as multipart form fields (lists become comma lists, None is left out)."""
    out: dict[str, str] = {}
    for key, value in body.items():
        text = _form_value(value)
        if text is not None:
            out[key] = text
    return out


def _query(params: Mapping[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in params.items():
        text = _form_value(value)
        if text is not None and text != "":
            out[key] = text
    return out


def _segment(value: str) -> str:
    return quote(value, safe="")


class BackendClient:
    """Typed access to one backend (see the module docstring).

    ``base_url`` may be the server root (``http://host:port``) or the API root
    (``.../api/v1``). ``timeout`` is (connect, read) seconds for every call; ``retries``
    how often urllib3 repeats an idempotent call that failed on the network or with
    502/503/504. ``session_factory`` builds the ``requests.Session`` objects (one set per
    thread).
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retries: int = 2,
        backoff_factor: float = 0.3,
        session_factory: SessionFactory = requests.Session,
        token: str | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("the backend address must be an http:// or https:// URL")
        if parts.username or parts.password:
            raise ValueError("put credentials in the sign-in, not in the backend address")
        root = base_url.rstrip("/")
        if not root.endswith(API_PREFIX):
            root += API_PREFIX
        self._root = root
        self._timeout = timeout
        self._transport = Transport(
            retries=retries, backoff_factor=backoff_factor, session_factory=session_factory
        )
        self._token_lock = threading.Lock()
        self._token: str | None = None
        if token:
            self.set_token(token)

    # ------------------------------------------------------------------ basics

    @property
    def api_root(self) -> str:
        return self._root

    @property
    def timeout(self) -> Timeout:
        return self._timeout

    @property
    def token(self) -> str | None:
        with self._token_lock:
            return self._token

    def set_token(self, token: str | None) -> None:
        """Use ``token`` from now on (None signs out locally); it is kept out of every log."""
        with self._token_lock:
            old, self._token = self._token, token
        if old and old != token:
            unregister_secret(old)
        if token:
            register_secret(token)

    def close(self) -> None:
        """Close every pooled connection (any thread may call it, at shutdown)."""
        self._transport.close()

    def url(self, path: str) -> str:
        return self._root + path

    # ------------------------------------------------------------------ the exchange

    def _headers(
        self, accept: str, idempotency_key: str | None, authenticated: bool
    ) -> dict[str, str]:
        headers = {"Accept": accept}
        token = self.token
        if authenticated and token:
            headers["Authorization"] = f"Bearer {token}"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        return headers

    def exchange(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: bytes | None = None,
        content_type: str | None = None,
        form: Mapping[str, str] | None = None,
        files: Sequence[UploadFile] = (),
        idempotency_key: str | None = None,
        authenticated: bool = True,
        accept: str = "application/json",
        limit: int = MAX_JSON_BYTES,
        timeout: Timeout | None = None,
    ) -> RawAnswer:
        """One request; the whole answer, whatever its status. Raises only ``BackendError``."""
        method = method.upper()
        operation = f"{method} {path.split('?', 1)[0]}"
        headers = self._headers(accept, idempotency_key, authenticated)
        if content_type:
            headers["Content-Type"] = content_type
        keyed = method not in IDEMPOTENT_METHODS and bool(idempotency_key)
        session = self._transport.session("keyed" if keyed else "plain")
        started = time.monotonic()
        with ExitStack() as stack:
            try:
                multipart = self._open_files(files, stack)
                response = session.request(
                    method,
                    self.url(path),
                    params=_query(params or {}),
                    data=body if body is not None else (dict(form) if form else None),
                    files=multipart or None,
                    headers=headers,
                    timeout=timeout or self._timeout,
                    allow_redirects=False,
                    stream=True,
                )
            except BackendError:
                raise
            except Exception as exc:
                error = transport_error(exc, operation)
                logger.debug("%s failed: %s", operation, error)
                raise error from None
        status = response.status_code
        try:
            content = read_body(response, limit, operation)
        except BackendError:
            if 200 <= status <= 299:
                raise
            # A refusal whose details were cut off is still the refusal its status says.
            content = b""
        answer = RawAnswer(
            status=status,
            content_type=media_type(response.headers.get("Content-Type")),
            body=content,
            headers={k.lower(): v for k, v in response.headers.items()},
        )
        logger.debug(
            "%s -> %s (%d bytes, %.0f ms)",
            operation,
            status,
            len(content),
            (time.monotonic() - started) * 1000,
        )
        return answer

    @staticmethod
    def _open_files(
        files: Sequence[UploadFile], stack: ExitStack
    ) -> list[tuple[str, tuple[str, bytes | IO[bytes], str]]]:
        out: list[tuple[str, tuple[str, bytes | IO[bytes], str]]] = []
        for field, filename, content_type, content in files:
            if isinstance(content, Path):
                try:
                    handle: bytes | IO[bytes] = stack.enter_context(content.open("rb"))
                except OSError as exc:
                    raise ProtocolError(
                        f"the attachment {filename!r} cannot be read ({exc.strerror})"
                    ) from None
            else:
                handle = content
            out.append((field, (filename, handle, content_type)))
        return out

    def _call(
        self,
        method: str,
        path: str,
        model: Any,
        *,
        params: Mapping[str, Any] | None = None,
        payload: BaseModel | None = None,
        form: Mapping[str, str] | None = None,
        files: Sequence[UploadFile] = (),
        idempotency_key: str | None = None,
        authenticated: bool = True,
        limit: int = MAX_JSON_BYTES,
    ) -> Any:
        body = payload.model_dump_json().encode() if payload is not None else None
        answer = self.exchange(
            method,
            path,
            params=params,
            body=body,
            content_type="application/json" if body is not None else None,
            form=form,
            files=files,
            idempotency_key=idempotency_key,
            authenticated=authenticated,
            limit=limit,
        )
        operation = f"{method} {path}"
        if not answer.ok:
            raise error_from_answer(answer, operation)
        return parse_answer(answer, model, operation)

    # ------------------------------------------------------------------ the outbox's door

    def send(
        self,
        method: str,
        path: str,
        *,
        json_body: Mapping[str, Any] | None = None,
        form: Mapping[str, Any] | None = None,
        files: Sequence[UploadFile] = (),
        idempotency_key: str | None = None,
    ) -> RawAnswer:
        """Send a queued action as it was stored; a 2xx answer comes back unparsed.

        Used by the outbox delivery: the body is a JSON object (``json_body``) or multipart
        form fields plus ``files``. A non-2xx answer raises the matching ``BackendError``.
        """
        body = None
        if json_body is not None:
            try:
                body = json.dumps(dict(json_body), ensure_ascii=False, allow_nan=False).encode()
            except (TypeError, ValueError) as exc:
                raise ProtocolError(f"the queued body cannot be sent as JSON ({exc})") from None
        answer = self.exchange(
            method,
            path,
            body=body,
            content_type="application/json" if body is not None else None,
            form=form_fields(form) if form is not None else None,
            files=files,
            idempotency_key=idempotency_key,
        )
        if not answer.ok:
            raise error_from_answer(answer, f"{method.upper()} {path}")
        return answer

    # ------------------------------------------------------------------ auth

    def login(self, username: str, password: str) -> LoginOut:
        """Sign in; the token is used for every later call."""
        try:
            payload = LoginIn(username=username, password=password)
        except PydanticValidationError as exc:
            fields = [
                FieldError(".".join(str(p) for p in e["loc"]), e["msg"])
                for e in exc.errors(include_input=False, include_url=False)
            ]
            raise ValidationError(
                "the username or password is not acceptable",
                fields=fields,
                operation="POST /auth/login",
            ) from None
        out: LoginOut = self._call(
            "POST",
            "/auth/login",
            LoginOut,
            payload=payload,
            authenticated=False,
            limit=MAX_ACCOUNT_BYTES,
        )
        self.set_token(out.token)
        return out

    def logout(self) -> None:
        try:
            self._call("POST", "/auth/logout", OkOut)
        finally:
            self.set_token(None)

    def me(self) -> UserOut:
        result: UserOut = self._call("GET", "/me", UserOut, limit=MAX_ACCOUNT_BYTES)
        return result

    def health(self) -> HealthOut:
        result: HealthOut = self._call("GET", "/health", HealthOut, authenticated=False)
        return result

    def departments(self) -> list[DepartmentOut]:
        result: list[DepartmentOut] = self._call("GET", "/departments", list[DepartmentOut])
        return result

    # ------------------------------------------------------------------ catalogue

    def regions(self) -> list[RegionOut]:
        result: list[RegionOut] = self._call("GET", "/regions", list[RegionOut])
        return result

    def cameras_page(
        self,
        *,
        region_id: str | None = None,
        q: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        kind: str | None = None,
        status: str | None = None,
        limit: int = 1000,
        cursor: str | None = None,
    ) -> CameraPage:
        params = {
            "region_id": region_id,
            "q": q,
            "bbox": bbox,
            "kind": kind,
            "status": status,
            "limit": limit,
            "cursor": cursor,
        }
        result: CameraPage = self._call("GET", "/cameras", CameraPage, params=params)
        return result

    def iter_cameras(self, *, page_size: int = 1000, **filters: Any) -> Iterator[CameraOut]:
        """Every camera matching ``filters`` (see ``cameras_page``), page by page."""
        return _pages(lambda cursor: self.cameras_page(limit=page_size, cursor=cursor, **filters))

    def camera(self, camera_id: str) -> CameraOut:
        result: CameraOut = self._call("GET", f"/cameras/{_segment(camera_id)}", CameraOut)
        return result

    def camera_streams(self, camera_id: str) -> StreamsOut:
        path = f"/cameras/{_segment(camera_id)}/streams"
        result: StreamsOut = self._call("GET", path, StreamsOut)
        return result

    def units(self) -> list[UnitOut]:
        result: list[UnitOut] = self._call("GET", "/units", list[UnitOut])
        return result

    def unit(self, unit_id: str) -> UnitOut:
        result: UnitOut = self._call("GET", f"/units/{_segment(unit_id)}", UnitOut)
        return result

    def report_unit_status(
        self, unit_id: str, report: UnitStatusIn, *, idempotency_key: str | None = None
    ) -> UnitOut:
        path = f"/units/{_segment(unit_id)}/status"
        result: UnitOut = self._call(
            "POST", path, UnitOut, payload=report, idempotency_key=idempotency_key
        )
        return result

    # ------------------------------------------------------------------ alerts

    def alerts_page(
        self,
        *,
        status: str | None = None,
        kind: str | None = None,
        since: datetime | None = None,
        limit: int = 500,
        cursor: str | None = None,
    ) -> AlertPage:
        params = {"status": status, "kind": kind, "since": since, "limit": limit, "cursor": cursor}
        result: AlertPage = self._call("GET", "/alerts", AlertPage, params=params)
        return result

    def iter_alerts(self, *, page_size: int = 500, **filters: Any) -> Iterator[AlertOut]:
        return _pages(lambda cursor: self.alerts_page(limit=page_size, cursor=cursor, **filters))

    def alert(self, alert_id: str) -> AlertOut:
        result: AlertOut = self._call("GET", f"/alerts/{_segment(alert_id)}", AlertOut)
        return result

    def acknowledge_alert(self, alert_id: str, *, idempotency_key: str | None = None) -> AlertOut:
        path = f"/alerts/{_segment(alert_id)}/acknowledge"
        result: AlertOut = self._call("POST", path, AlertOut, idempotency_key=idempotency_key)
        return result

    def dismiss_alert(
        self, alert_id: str, reason: str, *, idempotency_key: str | None = None
    ) -> AlertOut:
        path = f"/alerts/{_segment(alert_id)}/dismiss"
        result: AlertOut = self._call(
            "POST",
            path,
            AlertOut,
            payload=_request(DismissIn, reason=reason),
            idempotency_key=idempotency_key,
        )
        return result

    def promote_alert(
        self, alert_id: str, promote: PromoteIn, *, idempotency_key: str | None = None
    ) -> IncidentOut:
        path = f"/alerts/{_segment(alert_id)}/promote"
        result: IncidentOut = self._call(
            "POST", path, IncidentOut, payload=promote, idempotency_key=idempotency_key
        )
        return result

    def merge_alert(
        self, alert_id: str, into: str, *, idempotency_key: str | None = None
    ) -> AlertOut:
        """Mark ``alert_id`` a duplicate of ``into``; the merged alert as it now stands."""
        path = f"/alerts/{_segment(alert_id)}/merge"
        result: AlertOut = self._call(
            "POST",
            path,
            AlertOut,
            payload=_request(MergeIn, into=into),
            idempotency_key=idempotency_key,
        )
        return result

    # ------------------------------------------------------------------ incidents

    def categories(self) -> list[CategoryOut]:
        """The category catalogue (major/minor, time limits, leading department)."""
        result: list[CategoryOut] = self._call("GET", "/categories", list[CategoryOut])
        return result

    def escalate_incident(
        self,
        incident_id: str,
        reason: str,
        *,
        expected_version: int | None = None,
        idempotency_key: str | None = None,
    ) -> IncidentOut:
        """Move the responsibility for the incident one grid level up."""
        path = f"/incidents/{_segment(incident_id)}/escalate"
        body = _request(EscalateIn, reason=reason, expected_version=expected_version)
        result: IncidentOut = self._call(
            "POST", path, IncidentOut, payload=body, idempotency_key=idempotency_key
        )
        return result

    def server_clock(self) -> ClockOut:
        """The server's clock (time limits run on it)."""
        result: ClockOut = self._call("GET", "/clock", ClockOut)
        return result

    def advance_clock(self, seconds: float) -> ClockOut:
        """Move a demo or test server's clock forward (administrators only)."""
        result: ClockOut = self._call(
            "POST", "/clock", ClockOut, payload=_request(ClockIn, advance_s=seconds)
        )
        return result

    def incidents_page(
        self,
        *,
        state: str | Sequence[str] | None = None,
        priority: int | None = None,
        unit_id: str | None = None,
        q: str | None = None,
        updated_since: datetime | None = None,
        limit: int = 500,
        cursor: str | None = None,
    ) -> IncidentPage:
        params = {
            "state": state,
            "priority": priority,
            "unit_id": unit_id,
            "q": q,
            "updated_since": updated_since,
            "limit": limit,
            "cursor": cursor,
        }
        result: IncidentPage = self._call("GET", "/incidents", IncidentPage, params=params)
        return result

    def iter_incidents(self, *, page_size: int = 500, **filters: Any) -> Iterator[IncidentOut]:
        return _pages(lambda cursor: self.incidents_page(limit=page_size, cursor=cursor, **filters))

    def incident(self, incident_id: str) -> IncidentOut:
        result: IncidentOut = self._call("GET", f"/incidents/{_segment(incident_id)}", IncidentOut)
        return result

    def create_incident(
        self, incident: IncidentIn, *, idempotency_key: str | None = None
    ) -> IncidentOut:
        result: IncidentOut = self._call(
            "POST", "/incidents", IncidentOut, payload=incident, idempotency_key=idempotency_key
        )
        return result

    def incident_action(
        self, incident_id: str, action: ActionIn, *, idempotency_key: str | None = None
    ) -> IncidentOut:
        path = f"/incidents/{_segment(incident_id)}/actions"
        result: IncidentOut = self._call(
            "POST", path, IncidentOut, payload=action, idempotency_key=idempotency_key
        )
        return result

    def report_feedback(
        self,
        incident_id: str,
        *,
        result: str,
        text: str,
        photos: Sequence[UploadFile] = (),
        expected_version: int | None = None,
        idempotency_key: str | None = None,
    ) -> IncidentOut:
        """The assigned unit's report (multipart; photos as ``("photos", name, type, data)``)."""
        path = f"/incidents/{_segment(incident_id)}/feedback"
        form = form_fields({"result": result, "text": text, "expected_version": expected_version})
        out: IncidentOut = self._call(
            "POST", path, IncidentOut, form=form, files=photos, idempotency_key=idempotency_key
        )
        return out

    def add_verification(
        self,
        incident_id: str,
        *,
        verdict: str,
        comment: str = "",
        camera_ids: Sequence[str] = (),
        captured_at: datetime | None = None,
        media: Sequence[UploadFile] = (),
        expected_version: int | None = None,
        idempotency_key: str | None = None,
    ) -> IncidentOut:
        """The duty officer's video re-check with proof (``("media", name, type, data)``)."""
        path = f"/incidents/{_segment(incident_id)}/verifications"
        form = form_fields(
            {
                "verdict": verdict,
                "comment": comment,
                "camera_ids": list(camera_ids),
                "captured_at": captured_at,
                "expected_version": expected_version,
            }
        )
        out: IncidentOut = self._call(
            "POST", path, IncidentOut, form=form, files=media, idempotency_key=idempotency_key
        )
        return out

    # ------------------------------------------------------------------ patrol

    def patrol_plans(self) -> list[PatrolPlanOut]:
        result: list[PatrolPlanOut] = self._call("GET", "/patrol-plans", list[PatrolPlanOut])
        return result

    def patrol_plan(self, plan_id: str) -> PatrolPlanOut:
        path = f"/patrol-plans/{_segment(plan_id)}"
        result: PatrolPlanOut = self._call("GET", path, PatrolPlanOut)
        return result

    def create_patrol_plan(
        self, plan: PatrolPlanIn, *, idempotency_key: str | None = None
    ) -> PatrolPlanOut:
        result: PatrolPlanOut = self._call(
            "POST", "/patrol-plans", PatrolPlanOut, payload=plan, idempotency_key=idempotency_key
        )
        return result

    def update_patrol_plan(self, plan_id: str, plan: PatrolPlanIn) -> PatrolPlanOut:
        path = f"/patrol-plans/{_segment(plan_id)}"
        result: PatrolPlanOut = self._call("PUT", path, PatrolPlanOut, payload=plan)
        return result

    def create_patrol_record(
        self, record: PatrolRecordIn, *, idempotency_key: str | None = None
    ) -> PatrolRecordOut:
        result: PatrolRecordOut = self._call(
            "POST",
            "/patrol-records",
            PatrolRecordOut,
            payload=record,
            idempotency_key=idempotency_key,
        )
        return result

    def patrol_records(
        self, *, operator_id: str | None = None, limit: int = 100
    ) -> list[PatrolRecordOut]:
        params = {"operator_id": operator_id, "limit": limit}
        result: list[PatrolRecordOut] = self._call(
            "GET", "/patrol-records", list[PatrolRecordOut], params=params
        )
        return result

    # ------------------------------------------------------------------ vehicles and routes

    def vehicle_passes(
        self, plate: str, since: datetime | None = None, until: datetime | None = None
    ) -> list[VehiclePass]:
        """Passes of ``plate`` at checkpoints the user may see, oldest first (aware datetimes;
        the server's window defaults to the last 24 hours). A plate that cannot be a number
        plate raises ``ValidationError`` on field ``plate`` before anything is sent."""
        try:
            canonical = normalize_plate(plate)
        except PlateError as exc:
            raise ValidationError(
                str(exc), fields=[FieldError("plate", str(exc))], operation="GET /vehicle-passes"
            ) from None
        params = {"plate": canonical, "since": since, "until": until}
        result: VehiclePassList = self._call(
            "GET", "/vehicle-passes", VehiclePassList, params=params
        )
        return [item.to_domain() for item in result.items]

    def route_guards(self) -> list[RouteGuard]:
        """Routes guarded for major events, with the user's visible cameras along each."""
        result: RouteGuardList = self._call("GET", "/route-guards", RouteGuardList)
        return [item.to_domain() for item in result.items]

    def route_guard(self, route_id: str) -> RouteGuard:
        path = f"/route-guards/{_segment(route_id)}"
        result: RouteGuardOut = self._call("GET", path, RouteGuardOut)
        return result.to_domain()

    # ------------------------------------------------------------------ media, recordings, audit

    def recordings(
        self,
        *,
        camera_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[RecordingOut]:
        params = {"camera_id": camera_id, "start": start, "end": end}
        result: list[RecordingOut] = self._call(
            "GET", "/recordings", list[RecordingOut], params=params
        )
        return result

    def media(self, media_id: str) -> tuple[str, bytes]:
        """A stored file's (content type, bytes), checked against its SHA-256 header."""
        path = f"/media/{_segment(media_id)}"
        answer = self.exchange("GET", path, accept="*/*", limit=MAX_MEDIA_BYTES)
        if not answer.ok:
            raise error_from_answer(answer, f"GET {path}")
        _check_digest(answer.headers.get("x-content-sha256"), answer.body, f"GET {path}")
        return answer.content_type, answer.body

    def download_recording(self, recording_id: str, destination: Path) -> Path:
        """Save a recorded clip to ``destination`` (written whole, then renamed into place)."""
        path = f"/recordings/{_segment(recording_id)}/download"
        answer = self.exchange("GET", path, accept="video/mp4", limit=MAX_MEDIA_BYTES)
        if not answer.ok:
            raise error_from_answer(answer, f"GET {path}")
        _check_digest(answer.headers.get("x-content-sha256"), answer.body, f"GET {path}")
        partial = destination.with_name(destination.name + ".part")
        partial.write_bytes(answer.body)
        partial.replace(destination)
        return destination

    def save_recording(
        self,
        recording_id: str,
        destination: Path,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> str:
        """Stream a recorded clip into ``destination`` (any size; never whole in memory) and
        return the SHA-256 of what was written, checked against the answer's header. On
        failure ``destination`` may hold part of the clip: the caller removes it.

        ``progress(bytes written, Content-Length or None)`` is called after each piece; an
        exception it raises ends the download and comes out unchanged (a caller's stop)."""
        path = f"/recordings/{_segment(recording_id)}/download"
        operation = f"GET {path}"
        session = self._transport.session("plain")
        try:
            response = session.get(
                self.url(path),
                headers=self._headers("video/mp4", None, True),
                timeout=self._timeout,
                allow_redirects=False,
                stream=True,
            )
        except Exception as exc:
            raise transport_error(exc, operation) from None
        if not 200 <= response.status_code <= 299:
            raise _refusal(response, operation)
        digest = hashlib.sha256()
        declared = response.headers.get("Content-Length", "")
        encoded = response.headers.get("Content-Encoding", "identity") != "identity"
        length = int(declared) if declared.isdigit() and not encoded else None
        written = 0
        stopped: Exception | None = None
        try:
            with destination.open("wb") as out:
                # Small pieces, so that progress follows a slow link closely.
                for chunk in response.iter_content(chunk_size=1 << 16):
                    digest.update(chunk)
                    out.write(chunk)
                    written += len(chunk)
                    if progress is not None:
                        try:
                            progress(written, length)
                        except Exception as exc:  # the caller's, not the transport's
                            stopped = exc
                            break
        except requests.RequestException as exc:  # an OSError too, but the network's
            raise transport_error(exc, operation, response.status_code) from None
        except OSError as exc:
            raise ProtocolError(f"the clip cannot be saved ({exc.strerror})") from None
        except Exception as exc:
            raise transport_error(exc, operation, response.status_code) from None
        finally:
            response.close()
        if stopped is not None:
            raise stopped
        expected = response.headers.get("X-Content-SHA256")
        if expected and digest.hexdigest() != expected.strip().lower():
            raise MalformedResponseError(
                "the file's content does not match its checksum",
                problem=AnswerProblem.DAMAGED,
                operation=operation,
            )
        return digest.hexdigest()

    def bookmarks(
        self,
        *,
        camera_id: str | None = None,
        incident_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[BookmarkOut]:
        """Bookmarks on visible cameras in [since, until], oldest first."""
        params = {
            "camera_id": camera_id,
            "incident_id": incident_id,
            "since": since,
            "until": until,
        }
        result: list[BookmarkOut] = self._call(
            "GET", "/bookmarks", list[BookmarkOut], params=params
        )
        return result

    def create_bookmark(
        self, bookmark: BookmarkIn, *, idempotency_key: str | None = None
    ) -> BookmarkOut:
        result: BookmarkOut = self._call(
            "POST", "/bookmarks", BookmarkOut, payload=bookmark, idempotency_key=idempotency_key
        )
        return result

    def delete_bookmark(
        self, bookmark_id: str, *, idempotency_key: str | None = None
    ) -> BookmarkOut:
        path = f"/bookmarks/{_segment(bookmark_id)}"
        result: BookmarkOut = self._call(
            "DELETE", path, BookmarkOut, idempotency_key=idempotency_key
        )
        return result

    def register_workstation_key(
        self, key: WorkstationKeyIn, *, idempotency_key: str | None = None
    ) -> WorkstationKeyOut:
        """Register this workstation's public key; a key registered before answers its record."""
        result: WorkstationKeyOut = self._call(
            "POST", "/workstation-keys", WorkstationKeyOut, payload=key,
            idempotency_key=idempotency_key,
        )  # fmt: skip
        return result

    def workstation_key(self, key_id: str) -> WorkstationKeyOut:
        path = f"/workstation-keys/{_segment(key_id)}"
        result: WorkstationKeyOut = self._call("GET", path, WorkstationKeyOut)
        return result

    def record_export(self, export: ExportIn, *, idempotency_key: str | None = None) -> ExportOut:
        """Record (audit) an evidence export; with ``incident_id`` it is attached to it."""
        result: ExportOut = self._call(
            "POST", "/exports", ExportOut, payload=export, idempotency_key=idempotency_key
        )
        return result

    def exports(self, *, incident_id: str | None = None) -> list[ExportOut]:
        """Recorded exports the caller may read (of one incident when ``incident_id``)."""
        result: list[ExportOut] = self._call(
            "GET", "/exports", list[ExportOut], params={"incident_id": incident_id}
        )
        return result

    def audit(
        self,
        *,
        actor_id: str | None = None,
        action: str | None = None,
        since: datetime | None = None,
        limit: int = 200,
    ) -> AuditPage:
        params = {"actor_id": actor_id, "action": action, "since": since, "limit": limit}
        result: AuditPage = self._call("GET", "/audit", AuditPage, params=params)
        return result

    # ------------------------------------------------------------------ the event stream

    def open_events(self, last_event_id: int | None, *, read_timeout: float) -> requests.Response:
        """Open ``GET /events`` (resuming after ``last_event_id``); the caller reads and closes.

        A refused or non-SSE answer raises the matching ``BackendError``.
        """
        headers = self._headers("text/event-stream", None, True)
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(int(last_event_id))
        operation = "GET /events"
        session = self._transport.session("stream")
        try:
            response = session.get(
                self.url("/events"),
                headers=headers,
                timeout=(self._timeout[0], read_timeout),
                allow_redirects=False,
                stream=True,
            )
        except Exception as exc:
            raise transport_error(exc, operation) from None
        if not 200 <= response.status_code <= 299:
            raise _refusal(response, operation)
        kind = media_type(response.headers.get("Content-Type"))
        if kind != "text/event-stream":
            response.close()
            raise MalformedResponseError(
                f"the event stream answered with {scrub(kind)[:60] or 'no content type'}",
                status=response.status_code,
                operation=operation,
            )
        return response


def _request(model: type[T], **fields: Any) -> T:
    try:
        return model(**fields)
    except PydanticValidationError as exc:
        raise ProtocolError(f"the request is not valid: {_summarise(exc)}") from None


def _check_digest(expected: str | None, body: bytes, operation: str) -> None:
    if expected and hashlib.sha256(body).hexdigest() != expected.strip().lower():
        raise MalformedResponseError(
            "the file's content does not match its checksum",
            problem=AnswerProblem.DAMAGED,
            operation=operation,
        )


def parse_answer(answer: RawAnswer, model: Any, operation: str) -> Any:
    """Validate a 2xx JSON answer against ``model`` (a wire model or e.g. ``list[X]``)."""
    if answer.content_type != "application/json":
        shown = scrub(answer.content_type)[:60] or "no content type"
        raise MalformedResponseError(
            f"expected JSON, got {shown}",
            problem=AnswerProblem.NOT_JSON,
            status=answer.status,
            operation=operation,
        )
    try:
        return _adapter(model).validate_json(answer.body)
    except PydanticValidationError as exc:
        json_broken = any(e.get("type") == "json_invalid" for e in exc.errors(include_input=False))
        message = (
            "the answer is not valid JSON"
            if json_broken
            else f"the answer does not match {_schema_name(model)}: {_summarise(exc)}"
        )
        raise MalformedResponseError(
            message,
            problem=AnswerProblem.INVALID_JSON if json_broken else AnswerProblem.SCHEMA,
            status=answer.status,
            operation=operation,
        ) from None
    except (ValueError, RecursionError) as exc:
        raise MalformedResponseError(
            f"the answer cannot be read ({type(exc).__name__})",
            problem=AnswerProblem.INVALID_JSON,
            status=answer.status,
            operation=operation,
        ) from None


def _pages(fetch: Callable[[str | None], Any]) -> Iterator[Any]:
    cursor: str | None = None
    seen: set[str] = set()
    for _ in range(MAX_PAGES):
        page = fetch(cursor)
        yield from page.items
        cursor = page.next_cursor
        if not cursor:
            return
        if cursor in seen:
            raise ProtocolError("the server's paging went round in a circle")
        seen.add(cursor)
    raise ProtocolError("the server's paging did not end")


__all__ = [
    "DEFAULT_TIMEOUT",
    "BackendClient",
    "RawAnswer",
    "UploadFile",
    "form_fields",
    "parse_answer",
]


def _refusal(response: Any, operation: str) -> BackendError:
    """The error a streamed request's non-2xx answer means (its body read, bounded)."""
    try:
        body = read_body(response, MAX_JSON_BYTES, operation)
    except BackendError:
        body = b""  # the status alone still says what went wrong
    raw = RawAnswer(
        response.status_code, media_type(response.headers.get("Content-Type")), body, {}
    )
    return error_from_answer(raw, operation)
