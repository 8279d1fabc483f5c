"""Building blocks of every schema: base models, safe text types, errors and pages."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

T = TypeVar("T")


class WireModel(BaseModel):
    """A response body. Unknown fields are ignored so that newer servers can add fields."""

    model_config = ConfigDict(extra="ignore", frozen=True, use_enum_values=False)


class RequestModel(BaseModel):
    """A request body. Strict: unknown fields, NaN and infinities are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


NO_NUL = r"^[^\x00]*$"
"""Pattern of every text field: NUL cannot be stored in PostgreSQL text and has no business
in any field."""

Name = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_NUL)]
"""A short non-empty label (title, name, username)."""

Text = Annotated[str, StringConstraints(max_length=10_000, pattern=NO_NUL)]
"""Free text (description, reason, note); may be empty."""

Ident = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=NO_NUL)]
"""An entity id as the server issued it."""

Latitude = Annotated[float, Field(ge=-90.0, le=90.0)]
Longitude = Annotated[float, Field(ge=-180.0, le=180.0)]


class FieldErrorOut(WireModel):
    """One invalid input: ``field`` is a dotted path such as ``title`` or ``entries.0.dwell_s``."""

    field: str
    message: str


class ErrorDetail(WireModel):
    """What went wrong, with a stable machine-readable ``code``.

    Codes: unauthenticated, forbidden, not_found, validation_error, illegal_transition,
    not_permitted, evidence_missing, version_conflict, camera_offline, no_media, conflict,
    idempotency_conflict, payload_too_large, method_not_allowed.
    """

    code: str
    message: str = ""
    fields: list[FieldErrorOut] = Field(default_factory=list)
    current_state: str | None = None
    allowed_actions: list[str] | None = None
    current_version: int | None = None


class ErrorOut(WireModel):
    """The body of every error response."""

    error: ErrorDetail


class Page(WireModel, Generic[T]):
    """One page of a list. Pass ``next_cursor`` back as ``cursor`` for the next page."""

    items: list[T]
    next_cursor: str | None = None
    total: int | None = None


class OkOut(WireModel):
    """An acknowledgement with nothing else to say."""

    ok: bool = True
