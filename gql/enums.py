"""The contract's enums as GraphQL enums (the very members defined in documents.enums)."""

from __future__ import annotations

import strawberry

from documents import enums

WarningLevel = strawberry.enum(enums.WarningLevel, description="I RED 特别严重, II ORANGE 严重, III YELLOW 较重, IV BLUE 一般")
WarningKind = strawberry.enum(enums.WarningKind, description="CIRCULAR 通报, NOTICE 通告, ANNOUNCEMENT 公告")
WarningStatus = strawberry.enum(enums.WarningStatus)
HazardType = strawberry.enum(enums.HazardType)
Measure = strawberry.enum(enums.Measure)
Role = strawberry.enum(enums.Role)
CreditLevel = strawberry.enum(enums.CreditLevel, description="GACC Decree No. 282 classes, in force 2026-04-01")
RecallType = strawberry.enum(enums.RecallType)
RecallStatus = strawberry.enum(enums.RecallStatus)
ComplaintStatus = strawberry.enum(enums.ComplaintStatus)
DefectReportStatus = strawberry.enum(enums.DefectReportStatus)
CrossBorderClass = strawberry.enum(enums.CrossBorderClass)
AlertEventType = strawberry.enum(enums.AlertEventType)
