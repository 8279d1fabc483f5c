"""The HTTP contract: request and response schemas shared by the server and the console.

Requests are strict (unknown fields are refused); responses ignore unknown fields so a newer
server can add some. Converters to and from ``console.domain`` values live beside each model
(``incident_out(incident)``, ``IncidentOut.to_domain()``).
"""

from console.wire.alerts import AlertOut, AlertPage, DismissIn, PromoteIn, alert_out
from console.wire.audit import AuditOut, AuditPage
from console.wire.auth import (
    DepartmentOut,
    LoginIn,
    LoginOut,
    UserOut,
    department_out,
    user_out,
)
from console.wire.cameras import (
    CameraOut,
    CameraPage,
    RegionOut,
    StreamsOut,
    StreamUrlsOut,
    camera_out,
    region_out,
)
from console.wire.common import ErrorDetail, ErrorOut, FieldErrorOut, OkOut, Page
from console.wire.events import CameraStatusData, EventOut, EventType, HealthOut, ResetData
from console.wire.incidents import (
    ActionIn,
    AssignmentOut,
    FeedbackOut,
    IncidentIn,
    IncidentOut,
    IncidentPage,
    TransitionOut,
    VerificationOut,
    incident_out,
)
from console.wire.media import MediaOut, RecordingOut, media_out
from console.wire.patrol import (
    PatrolEntryIn,
    PatrolEntryOut,
    PatrolPlanIn,
    PatrolPlanOut,
    PatrolRecordIn,
    PatrolRecordOut,
    patrol_plan_out,
    patrol_record_out,
)
from console.wire.units import UnitOut, UnitStatusIn, unit_out

API_PREFIX = "/api/v1"

__all__ = [
    "API_PREFIX",
    "ActionIn",
    "AlertOut",
    "AlertPage",
    "AssignmentOut",
    "AuditOut",
    "AuditPage",
    "CameraOut",
    "CameraPage",
    "CameraStatusData",
    "DepartmentOut",
    "DismissIn",
    "ErrorDetail",
    "ErrorOut",
    "EventOut",
    "EventType",
    "FeedbackOut",
    "FieldErrorOut",
    "HealthOut",
    "IncidentIn",
    "IncidentOut",
    "IncidentPage",
    "LoginIn",
    "LoginOut",
    "MediaOut",
    "OkOut",
    "Page",
    "PatrolEntryIn",
    "PatrolEntryOut",
    "PatrolPlanIn",
    "PatrolPlanOut",
    "PatrolRecordIn",
    "PatrolRecordOut",
    "PromoteIn",
    "RecordingOut",
    "RegionOut",
    "ResetData",
    "StreamUrlsOut",
    "StreamsOut",
    "TransitionOut",
    "UnitOut",
    "UnitStatusIn",
    "UserOut",
    "VerificationOut",
    "alert_out",
    "camera_out",
    "department_out",
    "incident_out",
    "media_out",
    "patrol_plan_out",
    "patrol_record_out",
    "region_out",
    "unit_out",
    "user_out",
]
