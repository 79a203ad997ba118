"""The roles of the portal and the groups that carry them (created by a migration)."""

from enum import StrEnum


class Role(StrEnum):
    ANONYMOUS = "anonymous"
    DELEGATE = "delegate"
    COMMITTEE = "committee"
    ISU_STAFF = "isu_staff"
    ADMIN = "admin"


ISU_STAFF_GROUP = "ISU staff"
COMMITTEE_GROUP = "Coordination Committee"
DELEGATES_GROUP = "State delegates"

ROLE_LABELS = {
    Role.ANONYMOUS: "Visitor",
    Role.DELEGATE: "State delegate",
    Role.COMMITTEE: "Coordination Committee member",
    Role.ISU_STAFF: "ISU staff",
    Role.ADMIN: "Administrator",
}
