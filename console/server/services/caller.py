"""Who is calling: the signed-in user as the services see them."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.incident import Actor
from console.domain.model import Role
from console.server.services.errors import Forbidden


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated user behind a request."""

    user_id: str
    username: str
    role: Role
    department_id: str
    unit_id: str | None = None

    @property
    def actor(self) -> Actor:
        return Actor(user_id=self.user_id, role=self.role, unit_id=self.unit_id)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_duty(self) -> bool:
        """Operators and supervisors: the command centre's duty staff."""
        return self.role in (Role.OPERATOR, Role.SUPERVISOR)

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            names = ", ".join(role.value for role in roles)
            raise Forbidden(f"this needs one of the roles: {names}")
