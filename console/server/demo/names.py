"""Name material for the demo world: departments, roads, village syllables, teams.

Everything is data; the builder draws from it with a seeded random generator.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DepartmentSpec:
    """A city-level agency taking part in video sharing."""

    code: str
    name: str


COMMAND_CENTRE = "command_centre"
POLICE = "police"
URBAN_MANAGEMENT = "urban_management"
TRANSPORT = "transport"
FIRE = "fire_rescue"
ARMED_POLICE = "armed_police"
EMERGENCY = "emergency"

DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec(COMMAND_CENTRE, "琼海市社会治安综合治理中心"),
    DepartmentSpec(POLICE, "琼海市公安局"),
    DepartmentSpec(URBAN_MANAGEMENT, "琼海市综合行政执法局"),
    DepartmentSpec(TRANSPORT, "琼海市交通运输局"),
    DepartmentSpec(FIRE, "琼海市消防救援支队"),
    DepartmentSpec(ARMED_POLICE, "武警琼海中队"),
    DepartmentSpec(EMERGENCY, "琼海市应急管理局"),
    DepartmentSpec("hotline_12345", "琼海市12345政务服务便民热线"),
    DepartmentSpec("education", "琼海市教育局"),
    DepartmentSpec("health", "琼海市卫生健康委员会"),
    DepartmentSpec("natural_resources", "琼海市自然资源和规划局"),
    DepartmentSpec("water", "琼海市水务局"),
    DepartmentSpec("tourism", "琼海市旅游和文化广电体育局"),
    DepartmentSpec("airport", "博鳌国际机场"),
    DepartmentSpec("railway", "琼海站（铁路）"),
    DepartmentSpec("market_regulation", "琼海市市场监督管理局"),
    DepartmentSpec("ecology", "琼海市生态环境局"),
    DepartmentSpec("housing", "琼海市住房和城乡建设局"),
    DepartmentSpec("civil_affairs", "琼海市民政局"),
    DepartmentSpec("agriculture", "琼海市农业农村局"),
    DepartmentSpec("power_supply", "琼海供电局"),
    DepartmentSpec("maritime", "琼海海事局"),
)

# The six linked units that receive dispatches, with their teams (research §1.2).
LINKED_UNITS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (POLICE, "公安局", ("嘉积派出所", "博鳌派出所", "巡特警大队", "交警大队")),
    (URBAN_MANAGEMENT, "综合行政执法局", ("城区执法一中队", "城区执法二中队", "博鳌执法中队")),
    (TRANSPORT, "交通运输局", ("路政大队", "运政稽查队")),
    (FIRE, "消防救援支队", ("嘉积消防站", "博鳌消防站", "潭门消防站")),
    (ARMED_POLICE, "武警中队", ("一排", "二排")),
    (EMERGENCY, "应急管理局", ("应急救援队", "安全生产执法队", "防汛抢险队")),
)
# Teams of linked units that sit outside Jiaji, keyed by a word in their name.
TEAM_HOME_HINTS = {"博鳌": "boao", "潭门": "tanmen"}
TOWN_TEAM_NAMES = ("综治队", "网格巡查队", "联防队", "环卫保洁队")

# Jiaji's streets (the urban core) and a pool for the other towns.
JIAJI_ROADS = (
    "银海路",
    "金海路",
    "嘉积大道",
    "爱华路",
    "红星路",
    "新华路",
    "富海路",
    "兴海路",
    "东风路",
    "人民路",
    "先锋路",
    "德政路",
    "元亨街",
    "上埇路",
    "金山路",
    "朝阳路",
    "南门路",
    "北门路",
    "文化路",
    "万泉河路",
    "椰林路",
    "振兴路",
    "和平路",
    "红旗路",
)
TOWN_ROADS = (
    "滨海大道",
    "朝阳路",
    "解放路",
    "新民路",
    "中山路",
    "建设路",
    "环城路",
    "农贸路",
    "椰风路",
    "海港路",
    "墟市街",
    "文明路",
    "幸福路",
    "团结路",
    "商贸街",
    "站前路",
)
DIRECTIONS = ("东", "西", "南", "北")

VILLAGE_FIRST = (
    "文",
    "加",
    "多",
    "龙",
    "官",
    "南",
    "北",
    "东",
    "西",
    "上",
    "下",
    "大",
    "新",
    "椰",
    "田",
    "岭",
    "塘",
    "溪",
    "石",
    "金",
    "银",
    "福",
    "长",
    "桥",
    "林",
    "美",
    "礼",
    "乐",
    "益",
    "温",
    "泉",
    "朝",
    "沙",
    "蓝",
    "青",
    "万",
    "雅",
    "凤",
    "岛",
    "草",
)
VILLAGE_SECOND = (
    "头",
    "尾",
    "坡",
    "塘",
    "岭",
    "园",
    "田",
    "仔",
    "港",
    "湾",
    "岸",
    "河",
    "洋",
    "山",
    "林",
    "桥",
    "美",
    "乐",
    "平",
    "安",
    "昌",
    "兴",
    "丰",
    "寿",
    "泉",
    "埇",
    "坎",
    "溪",
    "墩",
    "沟",
)

SCHOOL_SUFFIXES = ("小学", "中学", "中心小学", "幼儿园")
SCHOOL_POINTS = ("校门", "操场", "校门外路口", "接送区")
VILLAGE_POINTS = ("村口", "主街", "文化室", "祠堂", "鱼塘", "路口")
MARKET_POINTS = ("东门", "西门", "主通道", "停车场", "水产区")
HOSPITAL_POINTS = ("门诊", "急诊", "住院部", "停车场")
STATION_POINTS = ("候车厅", "进站口", "出站口", "停车场", "售票厅")
RAILWAY_POINTS = ("进站口", "出站口", "站台", "站前广场", "停车场")
AIRPORT_POINTS = (
    "T1 出港",
    "T1 到达",
    "安检通道",
    "值机大厅",
    "停车场",
    "出租车上客区",
    "跑道东端",
    "货运区",
)
BEACH_POINTS = ("入口", "沙滩", "栈道", "救生站", "停车场")
ROAD_POINTS = ("路口", "路段")
