"""Sign-in, users and departments."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from console.domain.model import Department, Role, User
from console.wire.common import NO_NUL, Name, RequestModel, WireModel


class LoginIn(RequestModel):
    username: Name
    password: str = Field(min_length=1, max_length=1024, pattern=NO_NUL)


class UserOut(WireModel):
    id: str
    username: str
    display_name: str
    role: Role
    department_id: str
    unit_id: str | None = None

    def to_domain(self) -> User:
        return User(
            id=self.id,
            username=self.username,
            display_name=self.display_name,
            role=self.role,
            department_id=self.department_id,
            unit_id=self.unit_id,
        )


def user_out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        department_id=user.department_id,
        unit_id=user.unit_id,
    )


class LoginOut(WireModel):
    """A bearer token (send as ``Authorization: Bearer <token>``) and who it belongs to."""

    token: str
    expires_at: datetime
    user: UserOut


class DepartmentOut(WireModel):
    id: str
    name: str
    code: str

    def to_domain(self) -> Department:
        return Department(id=self.id, name=self.name, code=self.code)


def department_out(department: Department) -> DepartmentOut:
    return DepartmentOut(id=department.id, name=department.name, code=department.code)
