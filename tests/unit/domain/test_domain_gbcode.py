"""GB/T 28181 20-digit codes: building, parsing, validating."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.gbcode import (
    QIONGHAI_CENTRE,
    DeviceType,
    GbCode,
    GbCodeError,
    Industry,
    Network,
    build,
    is_valid,
    parse,
    validate,
)


def test_the_published_example_splits_into_its_five_fields() -> None:
    code = parse("34020000001320000101")
    assert code == GbCode(
        centre="34020000", industry="00", type_code="132", network="0", serial="000101"
    )
    assert code.civil_code == "340200"
    assert code.device_type is DeviceType.IPC
    assert code.serial_number == 101
    assert code.is_channel


def test_build_pads_the_serial_and_the_civil_code() -> None:
    code = build("469002", Industry.TRAFFIC_CHECKPOINT, DeviceType.CHECKPOINT, 42)
    assert code == "46900200" + "05" + "121" + "0" + "000042"
    assert len(code) == 20


@pytest.mark.parametrize(
    ("device_type", "digits"),
    [
        (DeviceType.CAMERA, "131"),
        (DeviceType.IPC, "132"),
        (DeviceType.CHECKPOINT, "121"),
        (DeviceType.NVR, "118"),
        (DeviceType.SIP_SERVER, "200"),
        (DeviceType.BUSINESS_GROUP, "215"),
        (DeviceType.VIRTUAL_ORGANISATION, "216"),
    ],
)
def test_type_codes(device_type: DeviceType, digits: str) -> None:
    assert device_type.value == digits
    code = build(QIONGHAI_CENTRE, Industry.URBAN_MANAGEMENT, device_type, 1)
    assert code[10:13] == digits
    assert parse(code).device_type is device_type


@pytest.mark.parametrize(
    ("industry", "digits"),
    [
        (Industry.SOCIAL_SECURITY_ROAD, "00"),
        (Industry.COMMUNITY, "01"),
        (Industry.TRAFFIC_ROAD, "04"),
        (Industry.TRAFFIC_CHECKPOINT, "05"),
        (Industry.URBAN_MANAGEMENT, "08"),
        (Industry.EDUCATION, "11"),
        (Industry.CIVIL_AVIATION, "12"),
        (Industry.RAILWAY, "13"),
    ],
)
def test_industry_codes(industry: Industry, digits: str) -> None:
    assert industry.value == digits
    assert build(QIONGHAI_CENTRE, industry, DeviceType.CAMERA, 7)[8:10] == digits


def test_only_cameras_ipcs_and_checkpoints_are_channels() -> None:
    channels = {t for t in DeviceType if parse(build(QIONGHAI_CENTRE, "00", t, 1)).is_channel}
    assert channels == {DeviceType.CAMERA, DeviceType.IPC, DeviceType.CHECKPOINT}


def test_unknown_type_codes_parse_without_a_device_type() -> None:
    code = parse("46900200001110000001")  # 111 = DVR, not one Tianmu names
    assert code.type_code == "111"
    assert code.device_type is None
    assert not code.is_channel


def test_network_digit() -> None:
    code = build(QIONGHAI_CENTRE, "00", DeviceType.CAMERA, 1, network=Network.EGOV_EXTRANET)
    assert parse(code).network == "6"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "3402000000132000010",  # 19 digits
        "340200000013200001011",  # 21 digits
        "3402000000132000010a",
        "34020000-01320000101",
        " 4020000001320000101",
        "３４０２００００００１３２００００１０１",  # full-width digits
        "٣٤٠٢٠٠٠٠٠٠١٣٢٠٠٠٠١٠١",  # Arabic-Indic digits pass str.isdigit()
    ],
)
def test_malformed_codes_are_rejected(text: str) -> None:
    assert not is_valid(text)
    with pytest.raises(GbCodeError):
        parse(text)
    with pytest.raises(GbCodeError):
        validate(text)


def test_validate_returns_a_good_code_unchanged() -> None:
    assert validate("46900200041310000001") == "46900200041310000001"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"centre": "4690"}, "centre"),
        ({"centre": "4690020X"}, "centre"),
        ({"industry": "4"}, "industry"),
        ({"type_code": "13"}, "type"),
        ({"serial": -1}, "serial"),
        ({"serial": 1_000_000}, "serial"),
        ({"serial": "12345"}, "serial"),
        ({"network": "12"}, "network"),
    ],
)
def test_build_rejects_parts_that_do_not_fit(kwargs: dict[str, object], message: str) -> None:
    parts: dict[str, object] = {
        "centre": QIONGHAI_CENTRE,
        "industry": "00",
        "type_code": "131",
        "serial": 1,
    }
    parts.update(kwargs)
    with pytest.raises(GbCodeError, match=message):
        build(**parts)  # type: ignore[arg-type]


digits = st.text(alphabet="0123456789", min_size=20, max_size=20)


@given(digits)
def test_every_20_digit_string_round_trips(code: str) -> None:
    assert str(parse(code)) == code
    assert is_valid(code)


@given(
    centre=st.text(alphabet="0123456789", min_size=8, max_size=8),
    industry=st.sampled_from(Industry),
    device_type=st.sampled_from(DeviceType),
    serial=st.integers(min_value=0, max_value=999_999),
    network=st.sampled_from(Network),
)
def test_build_then_parse_gives_the_parts_back(
    centre: str, industry: Industry, device_type: DeviceType, serial: int, network: Network
) -> None:
    code = parse(build(centre, industry, device_type, serial, network=network))
    assert (code.centre, code.industry, code.device_type, code.serial_number, code.network) == (
        centre,
        industry.value,
        device_type,
        serial,
        network.value,
    )
