"""GB/T 28181 20-digit codes for devices, channels and directory nodes.

A code is five fixed-width fields of ASCII digits::

    46900200 04 131 0 000123
    centre   |  |   | serial (6)
             |  |   network (1): which network the device sits on
             |  type (3): camera, IPC, NVR, SIP server, business group, ...
             industry (2): road surface, traffic checkpoint, urban management, ...

The centre code is the monitoring centre's GB/T 2260 civil code (6 digits) followed by a
2-digit basic-unit code, ``00`` when the centre is not a basic-level unit.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

CENTRE_DIGITS = 8
INDUSTRY_DIGITS = 2
TYPE_DIGITS = 3
NETWORK_DIGITS = 1
SERIAL_DIGITS = 6
CODE_DIGITS = CENTRE_DIGITS + INDUSTRY_DIGITS + TYPE_DIGITS + NETWORK_DIGITS + SERIAL_DIGITS

MAX_SERIAL = 10**SERIAL_DIGITS - 1

QIONGHAI_CIVIL_CODE = "469002"  # GB/T 2260: 海南省琼海市
QIONGHAI_CENTRE = QIONGHAI_CIVIL_CODE + "00"

# str.isdigit() accepts non-ASCII digits such as "١"; codes are ASCII only.
_ASCII_DIGITS = re.compile(r"[0-9]+")


class DeviceType(enum.StrEnum):
    """Type codes (digits 11-13) of the devices and directory nodes Tianmu uses."""

    NVR = "118"
    CHECKPOINT = "121"  # 视频卡口
    CAMERA = "131"
    IPC = "132"  # network camera / online image acquisition device
    SIP_SERVER = "200"  # central signalling server
    BUSINESS_GROUP = "215"  # 业务分组
    VIRTUAL_ORGANISATION = "216"  # 虚拟组织, nestable


class Industry(enum.StrEnum):
    """Industry codes (digits 9-10) of the camera kinds Tianmu uses."""

    SOCIAL_SECURITY_ROAD = "00"  # 社会治安路面接入
    COMMUNITY = "01"  # 社会治安社区接入
    TRAFFIC_ROAD = "04"  # 交通路面
    TRAFFIC_CHECKPOINT = "05"  # 交通卡口
    URBAN_MANAGEMENT = "08"  # 城市管理
    EDUCATION = "11"
    CIVIL_AVIATION = "12"
    RAILWAY = "13"


class Network(enum.StrEnum):
    """Network digit (14): the network a device is attached to."""

    PUBLIC_SECURITY_VIDEO = "0"  # 公安视频传输网 (0 or 1)
    INDUSTRY_PRIVATE = "2"  # 行业专网
    POLITICAL_LEGAL = "3"  # 政法信息网
    POLICE_MOBILE = "4"  # 公安移动信息网
    POLICE_INFORMATION = "5"  # 公安信息网
    EGOV_EXTRANET = "6"  # 电子政务外网
    INTERNET = "7"


CHANNEL_TYPES: frozenset[DeviceType] = frozenset(
    {DeviceType.CAMERA, DeviceType.IPC, DeviceType.CHECKPOINT}
)
"""Types that are video channels a console can play."""


class GbCodeError(ValueError):
    """A string is not a well-formed GB/T 28181 code, or a part cannot be encoded."""


@dataclass(frozen=True, slots=True)
class GbCode:
    """A parsed 20-digit code; ``str(code)`` gives the digits back."""

    centre: str
    industry: str
    type_code: str
    network: str
    serial: str

    def __post_init__(self) -> None:
        _check_part("centre", self.centre, CENTRE_DIGITS)
        _check_part("industry", self.industry, INDUSTRY_DIGITS)
        _check_part("type", self.type_code, TYPE_DIGITS)
        _check_part("network", self.network, NETWORK_DIGITS)
        _check_part("serial", self.serial, SERIAL_DIGITS)

    def __str__(self) -> str:
        return self.centre + self.industry + self.type_code + self.network + self.serial

    @property
    def civil_code(self) -> str:
        """The centre's 6-digit GB/T 2260 civil code (province, city, county)."""
        return self.centre[:6]

    @property
    def device_type(self) -> DeviceType | None:
        """The type as a known ``DeviceType``, or None for types Tianmu does not name."""
        try:
            return DeviceType(self.type_code)
        except ValueError:
            return None

    @property
    def is_channel(self) -> bool:
        """True when the code names a playable video channel (camera, IPC, checkpoint)."""
        return self.device_type in CHANNEL_TYPES

    @property
    def serial_number(self) -> int:
        return int(self.serial)


def _check_part(name: str, value: str, digits: int) -> None:
    if len(value) != digits or not _ASCII_DIGITS.fullmatch(value):
        raise GbCodeError(f"{name} must be {digits} ASCII digits, got {value!r}")


def build(
    centre: str,
    industry: str | Industry,
    type_code: str | DeviceType,
    serial: int | str,
    network: str | Network = Network.PUBLIC_SECURITY_VIDEO,
) -> str:
    """The 20-digit code for these parts.

    ``centre`` is 8 digits, or a 6-digit civil code (padded with ``00``); ``serial`` is an
    int in 0..999999 or a 6-digit string.
    """
    if len(centre) == 6:
        centre += "00"
    if isinstance(serial, int):
        if isinstance(serial, bool) or not 0 <= serial <= MAX_SERIAL:
            raise GbCodeError(f"serial must be in 0..{MAX_SERIAL}, got {serial!r}")
        serial = f"{serial:0{SERIAL_DIGITS}d}"
    return str(GbCode(centre, str(industry), str(type_code), str(network), serial))


def parse(code: str) -> GbCode:
    """The parts of ``code``; raises ``GbCodeError`` if it is not 20 ASCII digits."""
    if len(code) != CODE_DIGITS or not _ASCII_DIGITS.fullmatch(code):
        raise GbCodeError(f"a GB/T 28181 code is {CODE_DIGITS} ASCII digits, got {code!r}")
    industry_at = CENTRE_DIGITS
    type_at = industry_at + INDUSTRY_DIGITS
    network_at = type_at + TYPE_DIGITS
    serial_at = network_at + NETWORK_DIGITS
    return GbCode(
        centre=code[:industry_at],
        industry=code[industry_at:type_at],
        type_code=code[type_at:network_at],
        network=code[network_at:serial_at],
        serial=code[serial_at:],
    )


def is_valid(code: str) -> bool:
    """True when ``code`` is a well-formed 20-digit code."""
    try:
        parse(code)
    except GbCodeError:
        return False
    return True


def validate(code: str) -> str:
    """``code`` unchanged if well-formed; raises ``GbCodeError`` otherwise."""
    parse(code)
    return code
