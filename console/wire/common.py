"""Building blocks of every schema: base models, safe text types, errors and pages."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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

NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"
"""Pattern of every required human text: at least one character that is not white space."""


def _not_blank(value: str) -> str:
    # str.strip() is the test the domain applies (a blank reason, a blank title), so the
    # wire refuses exactly what the domain would treat as empty.
    if not value.strip():
        raise ValueError("must contain a visible character, not only white space")
    return value


def _required_text(max_length: int) -> tuple[object, ...]:
    """Constraints of a required human text: the schema advertises NOT_BLANK; validation
    refuses NUL by pattern and blank text with its own clear message."""
    return (
        StringConstraints(min_length=1, max_length=max_length, pattern=NO_NUL),
        AfterValidator(_not_blank),
        Field(json_schema_extra={"pattern": NOT_BLANK}),
    )


Name = Annotated[str, *_required_text(200)]
"""A short label a person must write (title, category, name, username): not blank."""

Statement = Annotated[str, *_required_text(10_000)]
"""Free text a person must write (why an alert is dismissed, a unit's feedback): not blank."""

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
