"""What a client may send, checked before anything acts on it: the JSON bodies of the API (one
pydantic model each, strict: "false" is not a bool, 20261202 is not a date, a misspelt field is
not ignored) and the values of dates, years and editions, for the API and the pages alike.
Anything else is a 422 that names the field and what it should be."""

from __future__ import annotations

import json
import re
from datetime import date as Date
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ..config import EMAIL_ADDRESS
from ..model import EDITION_NAME
from .calls import Call, Refused

FIRST_YEAR, LAST_YEAR = 1900, 9999  # what a 简报's date can be; SQLite and date() both hold them
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # date.fromisoformat also takes 20261126 and 2026-W48-4
YEAR = re.compile(r"[0-9]{4}")


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class LoginBody(Body):
    username: str = Field("", description="字符串")
    password: str = Field("", description="字符串")


class BuildBody(Body):
    date: str | None = Field(None, description="YYYY-MM-DD 格式的日期字符串，如 \"2026-11-26\"")
    edition: str | None = Field(None, description="版别名称的字符串，如 \"daily\"")
    special: bool = Field(False, description="true 或 false")


class SendBody(Body):
    to: list[Annotated[str, StringConstraints(pattern=EMAIL_ADDRESS)]] = Field(
        default_factory=list, description="电子邮件地址的列表，如 [\"leader@example.gov\"]")
    resend_unknown: bool = Field(False, description="true 或 false")


class ApproveBody(Body):
    revision: str | None = Field(None, description="所看到版本的 revision 字符串（GET /api/issues/{id} 的 revision）")


Model = TypeVar("Model", bound=Body)


def body(call: Call, model: type[Model]) -> Model:
    """The call's JSON body as the model, or 422 naming the first field that is wrong."""
    try:
        return model.model_validate(call.json())
    except ValidationError as exc:
        raise Refused(422, _reason(model, exc.errors()[0]))


def _reason(model: type[Body], error: dict) -> str:
    name = str(error["loc"][0]) if error["loc"] else ""
    if error["type"] == "extra_forbidden":
        return f"不认识的字段 \"{name}\"；可用的字段：{'、'.join(model.model_fields)}"
    field = model.model_fields.get(name)
    wanted = field.description if field is not None else "另一种值"
    given = json.dumps(error.get("input"), ensure_ascii=False)[:80]
    return f"\"{name}\" 应为{wanted}，收到 {given}"


def day_value(text: str) -> Date:
    """A date as YYYY-MM-DD that is a real day, in the years an issue can have."""
    if not ISO_DAY.fullmatch(text):
        raise Refused(422, f"日期“{text}”有误：应为 YYYY-MM-DD，如 2026-11-26")
    try:
        day = Date.fromisoformat(text)
    except ValueError:
        raise Refused(422, f"日期“{text}”不存在：应为 YYYY-MM-DD 格式的真实日期，如 2026-11-26")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Refused(422, f"日期“{text}”有误：年份应在 {FIRST_YEAR}–{LAST_YEAR} 之间")
    return day


def year_param(value: str | None) -> int | None:
    """?year=: empty for every year, else a year from 1900 to 9999."""
    if not value:
        return None
    if not YEAR.fullmatch(value) or not FIRST_YEAR <= int(value) <= LAST_YEAR:
        raise Refused(422, f"年份“{value[:20]}”有误：应为 {FIRST_YEAR}–{LAST_YEAR} 之间的年份，如 2026")
    return int(value)


def edition_param(value: str | None) -> str | None:
    """?edition=: empty for every edition, else an edition's name (which may no longer be configured)."""
    if not value:
        return None
    if not re.match(EDITION_NAME, value) or value.endswith("\n"):  # $ would let a last newline by
        raise Refused(422, f"版别（edition）“{value[:40]}”有误：应为小写字母、数字、- 和 _，如 daily")
    return value
