#!/usr/bin/env python3
"""Make the kiosk's built-in demo catalogue: assets/demo-catalogue.json.

The catalogue follows the interchange format `learning-catalogue/1`
(see the shared spec catalogue-format.md). It describes learning venues
and activities across Beijing's 16 districts, with rich clusters around
the four demo kiosk sites (Wangjing, Shijingshan, Xicheng, Xiwengzhuang).

Deterministic: the same script always writes the same bytes (a fixed
random seed, no clock, no environment). Standard library only.

Usage (from the repository root or anywhere):

    python3 scripts/make_demo_catalogue.py
    python3 scripts/make_demo_catalogue.py --districts PATH/beijing-districts.geojson

With --districts, every venue is also checked to lie inside its own
district polygon and at least 300 m from the district's border.
The script ends by checking every rule of the format and the demo's own
targets, and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "assets" / "demo-catalogue.json"

FORMAT = "learning-catalogue/1"
GENERATED_AT = "2026-11-22T08:00:00+08:00"
SEED = 20261122

# --------------------------------------------------------------------------
# Enumerations of the format
# --------------------------------------------------------------------------

DISTRICTS = {
    "110101": ("东城区", "Dongcheng"),
    "110102": ("西城区", "Xicheng"),
    "110105": ("朝阳区", "Chaoyang"),
    "110106": ("丰台区", "Fengtai"),
    "110107": ("石景山区", "Shijingshan"),
    "110108": ("海淀区", "Haidian"),
    "110109": ("门头沟区", "Mentougou"),
    "110111": ("房山区", "Fangshan"),
    "110112": ("通州区", "Tongzhou"),
    "110113": ("顺义区", "Shunyi"),
    "110114": ("昌平区", "Changping"),
    "110115": ("大兴区", "Daxing"),
    "110116": ("怀柔区", "Huairou"),
    "110117": ("平谷区", "Pinggu"),
    "110118": ("密云区", "Miyun"),
    "110119": ("延庆区", "Yanqing"),
}
DC, XC, CY, FT, SJS, HD = "110101", "110102", "110105", "110106", "110107", "110108"
MTG, FS, TZ, SY, CP, DX = "110109", "110111", "110112", "110113", "110114", "110115"
HR, PG, MY, YQ = "110116", "110117", "110118", "110119"

KINDS = [
    "community_college",
    "community_learning_centre",
    "adult_school",
    "elder_university",
    "library",
    "cultural_centre",
    "distance_learning_point",
    "museum",
    "workplace_learning_centre",
    "other",
]
CC, CLC, AS, EU, LIB, CUL, DLP, MUS, WLC, OTH = KINDS
# Venues of kind "other" come in three sorts; templates name the sort, not "other".
WARM, SCI, FARM = "other:warm_home", "other:science", "other:farm"

CATEGORIES = [
    "digital_skills",
    "health_wellbeing",
    "culture_arts",
    "family_education",
    "vocational",
    "farming",
    "language",
    "environment",
    "civic_law",
    "science",
    "other",
]
AUDIENCES = [
    "everyone",
    "elders",
    "farmers",
    "women",
    "families",
    "children",
    "people_with_disabilities",
    "new_citizens",
    "workers",
]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
STATUSES = ["scheduled", "cancelled"]

# --------------------------------------------------------------------------
# Venues
# --------------------------------------------------------------------------

VENUES: list[dict] = []


def V(vid, kind, district, name_zh, name_en, addr_zh, addr_en, lat, lon,
      step_free=True, rural=False):
    """A venue. Addresses are written without the district; it is added here.
    kind may be one of the sorts of "other" (WARM, SCI, FARM)."""
    dz, de = DISTRICTS[district]
    sub = kind
    kind = kind.split(":")[0]
    VENUES.append({
        "id": vid,
        "name": {"zh-CN": name_zh, "en-US": name_en},
        "kind": kind,
        "district": district,
        "address": {"zh-CN": dz + addr_zh, "en-US": f"{addr_en}, {de} District"},
        "lat": lat,
        "lon": lon,
        "step_free": step_free,
        "_rural": rural or kind == DLP,
        "_sub": sub,
    })


def D(vid, district, town_zh, town_en, village_zh, village_en, lat, lon,
      step_free=True, name=None, town_word=("镇", "Town")):
    """A distance-learning point in a village (or at the town centre if no village)."""
    tw_zh, tw_en = town_word
    if village_zh:
        name_zh = f"{village_zh}村远程教育学习点"
        name_en = f"{village_en} Village Distance-Learning Point"
        addr_zh = f"{town_zh}{tw_zh}{village_zh}村村委会"
        addr_en = f"{village_en} Village Committee, {town_en} {tw_en}"
    else:
        name_zh = f"{town_zh}{tw_zh}远程教育学习点"
        name_en = f"{town_en} {tw_en} Distance-Learning Point"
        addr_zh = f"{town_zh}{tw_zh}文化服务中心一层"
        addr_en = f"Ground floor, {town_en} {tw_en} Cultural Service Centre"
    if name:
        name_zh, name_en = name
    V(vid, DLP, district, name_zh, name_en, addr_zh, addr_en, lat, lon, step_free)


# ---- Cluster 1: Wangjing, Chaoyang (the default demo site) ----
V("cy-wangjing-clc", CLC, CY, "望京社区学习中心", "Wangjing Community Learning Centre",
  "望京西园三区301号楼", "Building 301, Wangjing Xiyuan Zone 3", 39.9965, 116.4705)
V("cy-community-college", CC, CY, "朝阳社区学院望京校区", "Chaoyang Community College, Wangjing Campus",
  "望京东园四区1号", "1 Wangjing Dongyuan Zone 4", 40.0012, 116.4853)
V("cy-huajiadi-clc", CLC, CY, "花家地社区学习中心", "Huajiadi Community Learning Centre",
  "花家地西里二区6号", "6 Huajiadi Xili Zone 2", 39.9815, 116.4660)
V("cy-wangjing-elder-univ", EU, CY, "朝阳区老年大学望京分校", "Chaoyang University for Older People, Wangjing Branch",
  "利泽西街18号", "18 Lize West Street", 40.0050, 116.4640)
V("cy-wangjing-library", LIB, CY, "朝阳区图书馆望京分馆", "Chaoyang District Library, Wangjing Branch",
  "阜通东大街6号", "6 Futong East Street", 39.9935, 116.4790)
V("cy-jiuxianqiao-culture", CUL, CY, "酒仙桥文化中心", "Jiuxianqiao Cultural Centre",
  "酒仙桥路26号院", "Courtyard 26, Jiuxianqiao Road", 39.9700, 116.4950)
V("cy-dianzicheng-wlc", WLC, CY, "电子城职工学习中心", "Electronics City Workers' Learning Centre",
  "酒仙桥北路9号", "9 Jiuxianqiao North Road", 39.9800, 116.4980)
V("cy-wangjing-adult-school", AS, CY, "望京成人学校", "Wangjing Adult School",
  "南湖中园二区210号", "210 Nanhu Zhongyuan Zone 2", 40.0020, 116.4560, step_free=False)
V("cy-film-museum", MUS, CY, "中国电影博物馆", "China National Film Museum",
  "南影路9号", "9 Nanying Road", 40.0040, 116.5080)
V("cy-cuigezhuang-dlp", DLP, CY, "崔各庄远程教育学习点", "Cuigezhuang Distance-Learning Point",
  "崔各庄乡何各庄村村委会", "Hegezhuang Village Committee, Cuigezhuang Township", 40.0210, 116.5050,
  step_free=False)
V("cy-laiguangying-clc", CLC, CY, "来广营社区学习中心", "Laiguangying Community Learning Centre",
  "来广营西路5号", "5 Laiguangying West Road", 40.0200, 116.4580)
V("cy-taiyanggong-culture", CUL, CY, "太阳宫文化中心", "Taiyanggong Cultural Centre",
  "太阳宫中路12号", "12 Taiyanggong Middle Road", 39.9730, 116.4480)
V("cy-wangjing-warm-home", WARM, CY, "望京温馨家园", "Wangjing Warm Home Support Centre",
  "宏昌路8号", "8 Hongchang Road", 39.9900, 116.4760)
V("cy-wangjing-science", SCI, CY, "望京科普体验馆", "Wangjing Science Discovery Hall",
  "望京街10号", "10 Wangjing Street", 39.9952, 116.4880)
V("cy-datun-clc", CLC, CY, "大屯社区学习中心", "Datun Community Learning Centre",
  "大屯路甲8号", "8A Datun Road", 40.0040, 116.4230)
# ---- elsewhere in Chaoyang ----
V("cy-jinsong-clc", CLC, CY, "劲松社区学习中心", "Jinsong Community Learning Centre",
  "劲松南路3号", "3 Jinsong South Road", 39.8840, 116.4620)
V("cy-sci-tech-museum", MUS, CY, "中国科学技术馆", "China Science and Technology Museum",
  "北辰东路5号", "5 Beichen East Road", 40.0050, 116.3920)

# ---- Cluster 2: Shijingshan ----
V("sjs-community-college", CC, SJS, "石景山区社区学院", "Shijingshan Community College",
  "石景山路22号", "22 Shijingshan Road", 39.9069, 116.2231)
V("sjs-library", LIB, SJS, "石景山区图书馆", "Shijingshan District Library",
  "八角北路5号", "5 Bajiao North Road", 39.9110, 116.2100)
V("sjs-culture-centre", CUL, SJS, "石景山区文化馆", "Shijingshan District Cultural Centre",
  "鲁谷路74号", "74 Lugu Road", 39.8990, 116.2380)
V("sjs-elder-university", EU, SJS, "石景山区老年大学", "Shijingshan University for Older People",
  "古城大街18号", "18 Gucheng Street", 39.9080, 116.1900)
V("sjs-bajiao-clc", CLC, SJS, "八角社区学习中心", "Bajiao Community Learning Centre",
  "八角南路21号", "21 Bajiao South Road", 39.9000, 116.2010)
V("sjs-lugu-clc", CLC, SJS, "鲁谷社区学习中心", "Lugu Community Learning Centre",
  "鲁谷大街45号", "45 Lugu Street", 39.9000, 116.2480)
V("sjs-pingguoyuan-clc", CLC, SJS, "苹果园社区学习中心", "Pingguoyuan Community Learning Centre",
  "苹果园路8号", "8 Pingguoyuan Road", 39.9270, 116.1830, step_free=False)
V("sjs-shougang-wlc", WLC, SJS, "首钢园职工学习中心", "Shougang Park Workers' Learning Centre",
  "石景山路68号首钢园内", "Shougang Park, 68 Shijingshan Road", 39.9140, 116.1760)
V("sjs-laoshan-adult", AS, SJS, "老山成人学校", "Laoshan Adult School",
  "老山南路3号", "3 Laoshan South Road", 39.9020, 116.2300)
V("sjs-gucheng-warm-home", WARM, SJS, "古城温馨家园", "Gucheng Warm Home Support Centre",
  "古城西街12号", "12 Gucheng West Street", 39.9130, 116.1850)
V("sjs-glacier-museum", MUS, SJS, "中国第四纪冰川遗迹陈列馆", "China Quaternary Glacier Relics Exhibition Hall",
  "模式口大街20号", "20 Moshikou Street", 39.9360, 116.1930, step_free=False)
V("hd-yongdinglu-clc", CLC, HD, "永定路社区学习中心", "Yongdinglu Community Learning Centre",
  "永定路66号", "66 Yongding Road", 39.9150, 116.2620)

# ---- Cluster 3: Xicheng ----
V("xc-elder-university", EU, XC, "西城区老年大学", "Xicheng University for Older People",
  "丰盛胡同20号", "20 Fengsheng Hutong", 39.9152, 116.3625)
V("xc-community-college", CC, XC, "西城区社区学院", "Xicheng Community College",
  "德胜门外大街12号", "12 Deshengmen Outer Street", 39.9480, 116.3800)
V("xc-library", LIB, XC, "西城区第一图书馆", "Xicheng District No. 1 Library",
  "后英房胡同5号", "5 Houyingfang Hutong", 39.9410, 116.3730)
V("xc-capital-museum", MUS, XC, "首都博物馆", "Capital Museum",
  "复兴门外大街16号", "16 Fuxingmen Outer Street", 39.9053, 116.3418)
V("hd-national-library", LIB, HD, "中国国家图书馆", "National Library of China",
  "中关村南大街33号", "33 Zhongguancun South Street", 39.9436, 116.3239)
V("xc-mei-lanfang", MUS, XC, "梅兰芳纪念馆", "Mei Lanfang Memorial Museum",
  "护国寺街9号", "9 Huguosi Street", 39.9380, 116.3740, step_free=False)
V("xc-culture-centre", CUL, XC, "西城区文化馆", "Xicheng District Cultural Centre",
  "西四北大街150号", "150 Xisi North Street", 39.9280, 116.3690)
V("xc-zhanlanlu-clc", CLC, XC, "展览路社区学习中心", "Zhanlanlu Community Learning Centre",
  "百万庄大街21号", "21 Baiwanzhuang Street", 39.9260, 116.3450)
V("xc-yuetan-clc", CLC, XC, "月坛社区学习中心", "Yuetan Community Learning Centre",
  "月坛北街9号", "9 Yuetan North Street", 39.9190, 116.3510)
V("xc-niujie-clc", CLC, XC, "牛街社区学习中心", "Niujie Community Learning Centre",
  "牛街东里3号", "3 Niujie Dongli", 39.8850, 116.3620)
V("xc-dashilan-clc", CLC, XC, "大栅栏社区学习中心", "Dashilan Community Learning Centre",
  "大栅栏西街36号", "36 Dashilan West Street", 39.8955, 116.3920, step_free=False)
V("xc-financial-street-wlc", WLC, XC, "金融街职工学习中心", "Financial Street Workers' Learning Centre",
  "金融大街15号", "15 Financial Street", 39.9170, 116.3570)
V("xc-guangwai-adult", AS, XC, "广外成人学校", "Guangwai Adult School",
  "广安门外大街180号", "180 Guang'anmen Outer Street", 39.8930, 116.3410)
V("xc-shichahai-science", SCI, XC, "什刹海科普活动站", "Shichahai Science Activity Station",
  "地安门西大街49号", "49 Di'anmen West Street", 39.9360, 116.3860)

# ---- Cluster 4: Xiwengzhuang, Miyun (rural) ----
D("my-xiwengzhuang-dlp", MY, "溪翁庄", "Xiwengzhuang", None, None, 40.4330, 116.8160,
  name=("密云区溪翁庄镇远程教育学习点", "Xiwengzhuang Town Distance-Learning Point"))
V("my-xiwengzhuang-culture", CUL, MY, "溪翁庄镇综合文化站", "Xiwengzhuang Town Cultural Station",
  "溪翁庄镇政府街8号", "8 Zhengfu Street, Xiwengzhuang Town", 40.4300, 116.8200, rural=True)
V("my-xiwengzhuang-adult", AS, MY, "溪翁庄镇成人文化技术学校", "Xiwengzhuang Adult Culture and Technology School",
  "溪翁庄镇密溪路12号", "12 Mixi Road, Xiwengzhuang Town", 40.4350, 116.8100,
  step_free=False, rural=True)
V("my-xiwengzhuang-elder", EU, MY, "密云区老年大学溪翁庄教学点", "Miyun University for Older People, Xiwengzhuang Class",
  "溪翁庄镇溪翁庄村文化大院", "Culture Courtyard, Xiwengzhuang Village, Xiwengzhuang Town",
  40.4310, 116.8130, rural=True)
V("my-agri-training", FARM, MY, "溪翁庄农业技术培训基地", "Xiwengzhuang Farming Skills Training Base",
  "溪翁庄镇东智北村南", "South of Dongzhibei Village, Xiwengzhuang Town", 40.4220, 116.8300,
  step_free=False, rural=True)
V("my-reservoir-hall", MUS, MY, "密云水库展览馆", "Miyun Reservoir Exhibition Hall",
  "溪翁庄镇白河涧村北", "North of Baihejian Village, Xiwengzhuang Town", 40.4420, 116.8260, rural=True)
D("my-jinpoluo-dlp", MY, "溪翁庄", "Xiwengzhuang", "金叵罗", "Jinpoluo", 40.4180, 116.7900)
D("my-shimayu-dlp", MY, "溪翁庄", "Xiwengzhuang", "石马峪", "Shimayu", 40.4450, 116.7850, step_free=False)
D("my-dongzhibei-dlp", MY, "溪翁庄", "Xiwengzhuang", "东智北", "Dongzhibei", 40.4150, 116.8400)
D("my-zoumazhuang-dlp", MY, "溪翁庄", "Xiwengzhuang", "走马庄", "Zoumazhuang", 40.4080, 116.8050)
D("my-baihejian-dlp", MY, "溪翁庄", "Xiwengzhuang", "白河涧", "Baihejian", 40.4460, 116.8360)
D("my-jianyan-dlp", MY, "溪翁庄", "Xiwengzhuang", "尖岩", "Jianyan", 40.4490, 116.8000, step_free=False)
D("my-beibaiyan-dlp", MY, "溪翁庄", "Xiwengzhuang", "北白岩", "Beibaiyan", 40.4250, 116.7750)
D("my-lixinzhuang-dlp", MY, "溪翁庄", "Xiwengzhuang", "立新庄", "Lixinzhuang", 40.4390, 116.8550)
V("my-library", LIB, MY, "密云区图书馆", "Miyun District Library",
  "鼓楼南大街9号", "9 Gulou South Street", 40.3770, 116.8430)
V("my-community-college", CC, MY, "密云区社区学院", "Miyun Community College",
  "新中街31号", "31 Xinzhong Street", 40.3800, 116.8500)
D("my-mujiayu-dlp", MY, "穆家峪", "Mujiayu", None, None, 40.4000, 116.9200)
D("my-xitiangezhuang-dlp", MY, "西田各庄", "Xitiangezhuang", None, None, 40.3900, 116.7800)

# ---- Dongcheng ----
V("dc-community-college", CC, DC, "东城区社区学院", "Dongcheng Community College",
  "和平里东街15号", "15 Hepingli East Street", 39.9580, 116.4200)
V("dc-library", LIB, DC, "东城区第一图书馆", "Dongcheng District No. 1 Library",
  "交道口东大街85号", "85 Jiaodaokou East Street", 39.9400, 116.4070)
V("dc-tiantan-elder", EU, DC, "东城区老年大学天坛分校", "Dongcheng University for Older People, Tiantan Branch",
  "天坛东里6号", "6 Tiantan Dongli", 39.8850, 116.4200)
V("dc-dongsi-culture", CUL, DC, "东四文化中心", "Dongsi Cultural Centre",
  "东四北大街107号", "107 Dongsi North Street", 39.9320, 116.4170, step_free=False)
V("dc-chongwenmen-clc", CLC, DC, "崇文门社区学习中心", "Chongwenmen Community Learning Centre",
  "崇文门外大街20号", "20 Chongwenmen Outer Street", 39.8960, 116.4170)

# ---- Fengtai ----
V("ft-fangzhuang-clc", CLC, FT, "方庄社区学习中心", "Fangzhuang Community Learning Centre",
  "方庄芳城园一区16号", "16 Fangchengyuan Zone 1, Fangzhuang", 39.8650, 116.4330)
V("ft-auto-museum", MUS, FT, "北京汽车博物馆", "Beijing Auto Museum",
  "南四环西路126号", "126 South Fourth Ring West Road", 39.8310, 116.3000)
V("ft-elder-university", EU, FT, "丰台区老年大学", "Fengtai University for Older People",
  "丰台北路32号", "32 Fengtai North Road", 39.8600, 116.2900)
V("ft-library", LIB, FT, "丰台区图书馆", "Fengtai District Library",
  "丰体南路8号", "8 Fengti South Road", 39.8520, 116.2850)
D("ft-wangzuo-dlp", FT, "王佐", "Wangzuo", "魏各庄", "Weigezhuang", 39.8000, 116.1300)

# ---- Haidian ----
V("hd-community-college", CC, HD, "海淀区社区学院", "Haidian Community College",
  "海淀南路30号", "30 Haidian South Road", 39.9780, 116.3050)
V("hd-zhongguancun-wlc", WLC, HD, "中关村职工学习中心", "Zhongguancun Workers' Learning Centre",
  "中关村大街27号", "27 Zhongguancun Street", 39.9830, 116.3150)
V("hd-elder-university", EU, HD, "海淀区老年大学", "Haidian University for Older People",
  "紫竹院路81号", "81 Zizhuyuan Road", 39.9600, 116.3000)
V("hd-shangdi-clc", CLC, HD, "上地社区学习中心", "Shangdi Community Learning Centre",
  "上地东路9号", "9 Shangdi East Road", 40.0300, 116.3050)
D("hd-shangzhuang-dlp", HD, "上庄", "Shangzhuang", None, None, 40.1000, 116.2100)
D("hd-sujiatuo-dlp", HD, "苏家坨", "Sujiatuo", None, None, 40.0900, 116.1300)

# ---- Mentougou ----
V("mtg-community-college", CC, MTG, "门头沟区社区学院", "Mentougou Community College",
  "新桥大街28号", "28 Xinqiao Street", 39.9400, 116.1050)
V("mtg-culture-centre", CUL, MTG, "门头沟区文化馆", "Mentougou District Cultural Centre",
  "新桥南大街6号", "6 Xinqiao South Street", 39.9330, 116.1000)
D("mtg-zhaitang-dlp", MTG, "斋堂", "Zhaitang", None, None, 39.9750, 115.6850)
D("mtg-cuandixia-dlp", MTG, "斋堂", "Zhaitang", "爨底下", "Cuandixia", 40.0000, 115.6350, step_free=False)
D("mtg-wangping-dlp", MTG, "王平", "Wangping", None, None, 39.9550, 116.0200)
D("mtg-tanzhesi-dlp", MTG, "潭柘寺", "Tanzhesi", None, None, 39.9050, 116.0300)

# ---- Fangshan ----
V("fs-community-college", CC, FS, "房山区社区学院", "Fangshan Community College",
  "良乡西路7号", "7 Liangxiang West Road", 39.7350, 116.1400)
V("fs-elder-university", EU, FS, "房山区老年大学", "Fangshan University for Older People",
  "拱辰大街32号", "32 Gongchen Street", 39.7300, 116.1450)
V("fs-zhoukoudian-museum", MUS, FS, "周口店北京人遗址博物馆", "Zhoukoudian Peking Man Site Museum",
  "周口店大街1号", "1 Zhoukoudian Street", 39.6880, 115.9280)
V("fs-yanshan-wlc", WLC, FS, "燕山职工学习中心", "Yanshan Workers' Learning Centre",
  "燕山岗南路8号", "8 Gangnan Road, Yanshan", 39.7250, 115.9700)
D("fs-changgou-dlp", FS, "长沟", "Changgou", None, None, 39.5800, 115.9000)
D("fs-shidu-dlp", FS, "十渡", "Shidu", None, None, 39.6350, 115.5900, step_free=False)
D("fs-liulihe-dlp", FS, "琉璃河", "Liulihe", None, None, 39.6050, 116.0300)

# ---- Tongzhou ----
V("tz-community-college", CC, TZ, "通州区社区学院", "Tongzhou Community College",
  "新华东街1号", "1 Xinhua East Street", 39.9050, 116.6550)
V("tz-elder-university", EU, TZ, "通州区老年大学", "Tongzhou University for Older People",
  "车站路8号", "8 Chezhan Road", 39.9100, 116.6500)
V("tz-city-library", LIB, TZ, "北京城市图书馆", "Beijing Library",
  "宋梁路城市绿心公园北侧", "North side of Green Heart Park, Songliang Road", 39.8990, 116.6880)
V("tz-canal-museum", MUS, TZ, "北京大运河博物馆", "Beijing Grand Canal Museum",
  "颐瑞东路3号", "3 Yirui East Road", 39.9030, 116.6990)
V("tz-songzhuang-culture", CUL, TZ, "宋庄文化中心", "Songzhuang Cultural Centre",
  "宋庄镇小堡村", "Xiaopu Village, Songzhuang Town", 39.9600, 116.7300)
D("tz-yongledian-dlp", TZ, "永乐店", "Yongledian", None, None, 39.7000, 116.7900)
D("tz-huoxian-dlp", TZ, "漷县", "Huoxian", None, None, 39.7500, 116.8000)

# ---- Shunyi ----
V("sy-community-college", CC, SY, "顺义区社区学院", "Shunyi Community College",
  "府前东街10号", "10 Fuqian East Street", 40.1300, 116.6550)
V("sy-library", LIB, SY, "顺义区图书馆", "Shunyi District Library",
  "府前西街3号", "3 Fuqian West Street", 40.1330, 116.6500)
V("sy-airport-wlc", WLC, SY, "空港职工学习中心", "Airport Economic Zone Workers' Learning Centre",
  "天柱路28号", "28 Tianzhu Road", 40.0900, 116.5700)
D("sy-lisui-dlp", SY, "李遂", "Lisui", None, None, 40.0650, 116.8050)
D("sy-longwantun-dlp", SY, "龙湾屯", "Longwantun", None, None, 40.2150, 116.8900)

# ---- Changping ----
V("cp-community-college", CC, CP, "昌平区社区学院", "Changping Community College",
  "府学路16号", "16 Fuxue Road", 40.2200, 116.2300)
V("cp-huilongguan-clc", CLC, CP, "回龙观社区学习中心", "Huilongguan Community Learning Centre",
  "回龙观西大街35号", "35 Huilongguan West Street", 40.0750, 116.3250)
V("cp-huoying-clc", CLC, CP, "霍营社区学习中心", "Huoying Community Learning Centre",
  "霍营街道华龙苑中里2号", "2 Hualongyuan Zhongli, Huoying", 40.0750, 116.3600)
V("cp-tiantongyuan-elder", EU, CP, "天通苑老年大学", "Tiantongyuan University for Older People",
  "天通苑北一区17号", "17 Tiantongyuan North Zone 1", 40.0700, 116.4200)
V("cp-lishuiqiao-library", LIB, CP, "立水桥图书馆", "Lishuiqiao Library",
  "东小口镇立水桥北路6号", "6 Lishuiqiao North Road, Dongxiaokou", 40.0640, 116.4100)
D("cp-xingshou-dlp", CP, "兴寿", "Xingshou", None, None, 40.2050, 116.3400)
D("cp-nankou-dlp", CP, "南口", "Nankou", None, None, 40.2400, 116.1300)

# ---- Daxing ----
V("dx-community-college", CC, DX, "大兴区社区学院", "Daxing Community College",
  "兴华大街二段3号", "3 Xinghua Street Section 2", 39.7300, 116.3350)
V("dx-library", LIB, DX, "大兴区图书馆", "Daxing District Library",
  "金星路18号", "18 Jinxing Road", 39.7380, 116.3300)
V("dx-yizhuang-wlc", WLC, DX, "亦庄职工学习中心", "Yizhuang Workers' Learning Centre",
  "亦庄荣华中路10号", "10 Ronghua Middle Road, Yizhuang", 39.7900, 116.5050)
D("dx-panggezhuang-dlp", DX, "庞各庄", "Panggezhuang", None, None, 39.6350, 116.3200)
D("dx-changziying-dlp", DX, "长子营", "Changziying", None, None, 39.6950, 116.5850)
D("dx-anding-dlp", DX, "安定", "Anding", None, None, 39.6200, 116.4900)

# ---- Huairou ----
V("hr-community-college", CC, HR, "怀柔区社区学院", "Huairou Community College",
  "青春路12号", "12 Qingchun Road", 40.3200, 116.6350)
V("hr-library", LIB, HR, "怀柔区图书馆", "Huairou District Library",
  "府前街9号", "9 Fuqian Street", 40.3130, 116.6280)
D("hr-beigou-dlp", HR, "渤海", "Bohai", "北沟", "Beigou", 40.4280, 116.5200)
D("hr-qiaozi-dlp", HR, "桥梓", "Qiaozi", None, None, 40.3600, 116.5800)
D("hr-yanqi-dlp", HR, "雁栖", "Yanqi", None, None, 40.3700, 116.6450)
D("hr-jiuduhe-dlp", HR, "九渡河", "Jiuduhe", None, None, 40.3700, 116.4500, step_free=False)

# ---- Pinggu ----
V("pg-community-college", CC, PG, "平谷区社区学院", "Pinggu Community College",
  "府前街16号", "16 Fuqian Street", 40.1400, 117.1200)
V("pg-elder-university", EU, PG, "平谷区老年大学", "Pinggu University for Older People",
  "林荫北街5号", "5 Linyin North Street", 40.1460, 117.1150)
V("pg-peach-training", FARM, PG, "平谷大桃技术培训基地", "Pinggu Peach Growing Training Base",
  "大华山镇后北宫村", "Houbeigong Village, Dahuashan Town", 40.2600, 117.0650, step_free=False, rural=True)
D("pg-dahuashan-dlp", PG, "大华山", "Dahuashan", None, None, 40.2750, 117.0900)
D("pg-liujiadian-dlp", PG, "刘家店", "Liujiadian", None, None, 40.2450, 117.0300)
D("pg-jinhaihu-dlp", PG, "金海湖", "Jinhaihu", None, None, 40.1550, 117.2750)

# ---- Yanqing ----
V("yq-community-college", CC, YQ, "延庆区社区学院", "Yanqing Community College",
  "高塔街6号", "6 Gaota Street", 40.4600, 115.9700)
V("yq-culture-centre", CUL, YQ, "延庆区文化馆", "Yanqing District Cultural Centre",
  "妫水北街21号", "21 Guishui North Street", 40.4650, 115.9780)
D("yq-kangzhuang-dlp", YQ, "康庄", "Kangzhuang", None, None, 40.3850, 115.9000)
D("yq-yongning-dlp", YQ, "永宁", "Yongning", None, None, 40.5250, 116.1500)
D("yq-jiuxian-dlp", YQ, "旧县", "Jiuxian", None, None, 40.5350, 116.0700)
D("yq-qianjiadian-dlp", YQ, "千家店", "Qianjiadian", None, None, 40.6900, 116.3300, step_free=False)

VENUE_BY_ID = {v["id"]: v for v in VENUES}

# Kiosk sites whose "nearby" screens must be rich: (venue id, lat, lon, min count, radius km)
SITES = [
    ("cy-wangjing-clc", 39.9965, 116.4705),
    ("sjs-community-college", 39.9069, 116.2231),
    ("xc-elder-university", 39.9152, 116.3625),
    ("my-xiwengzhuang-dlp", 40.4330, 116.8160),
]
CLUSTER_KM = 5.0
RURAL_SITE = "my-xiwengzhuang-dlp"
RURAL_KM = 15.0

# Beijing landline prefixes that feel local to each district.
PHONE_PREFIX = {
    DC: ["6401", "6525", "8403"], XC: ["6601", "6615", "8315"], CY: ["6431", "6471", "8471"],
    FT: ["6381", "8361", "6370"], SJS: ["6887", "8862", "6886"], HD: ["6251", "8261", "6284"],
    MTG: ["6984", "6985"], FS: ["8935", "6935", "8936"], TZ: ["8958", "6954", "8152"],
    SY: ["6944", "8947", "6945"], CP: ["6974", "8971", "6971"], DX: ["6924", "6926", "8127"],
    HR: ["6964", "6962"], PG: ["6996", "6997"], MY: ["6904", "6908", "6903"], YQ: ["6914", "6919"],
}

# --------------------------------------------------------------------------
# Activity templates
# --------------------------------------------------------------------------

TEMPLATES: list[dict] = []

URBAN_LEARNING = {CC, CLC, AS, EU, LIB, CUL}
MOUNTAIN = {MY, HR, YQ, MTG, PG, FS, CP}


def T(key, category, audience, kinds, variants, caps, durs, talk=False, rural=None,
      districts=None, venues=None, also=None, weight=1.0):
    """An activity template. variants: [(title_zh, title_en, summary_zh, summary_en)].

    kinds/districts/rural say where it may be held; `venues` pins it to those venues
    (always held there); `also` lets a few more venues hold it."""
    TEMPLATES.append({
        "key": key, "category": category, "audience": audience, "kinds": set(kinds),
        "variants": variants, "caps": caps, "durs": durs, "talk": talk, "rural": rural,
        "districts": set(districts) if districts else None,
        "venues": set(venues) if venues else None, "also": set(also or ()), "weight": weight,
    })


# ---- digital skills ----
T("smartphone", "digital_skills", ["elders"], {CLC, EU, LIB, CC, CUL, DLP, AS, WARM}, [
    ("智能手机入门", "Smartphone basics",
     "从开机、打电话、加微信好友学起，大字讲义，节奏放慢。请带上自己的手机。",
     "Start from the very beginning: switching on, making calls and adding WeChat contacts. "
     "Large-print handouts and an easy pace. Please bring your own phone."),
    ("智能手机提高班", "Smartphone skills: next steps",
     "学会视频通话、发语音、拍照和分享照片，老师一对一帮忙。",
     "Video calls, voice messages, taking and sharing photos, with a tutor on hand to help one to one."),
    ("手机拍照与分享", "Taking and sharing photos on your phone",
     "用手机拍出好照片，学会简单修图，再发给家人朋友。",
     "Take good photos with your phone, make simple edits and send them to family and friends."),
], [15, 20, 24, 30], [90, 120], weight=2.5)
T("hospital_app", "digital_skills", ["elders"], {CLC, EU, LIB, CC, DLP}, [
    ("手机预约挂号", "Booking hospital appointments by phone",
     "一步步学会用手机预约挂号、查看检查报告和在线缴费。",
     "Step by step: book a hospital appointment, check test results and pay online from your phone."),
    ("医保电子凭证与线上就医", "Medical insurance e-card and online care",
     "在手机上激活医保电子凭证，用它挂号、看病、买药，志愿者现场帮忙设置。",
     "Activate the medical insurance e-card on your phone and use it to book, see a doctor and buy "
     "medicine. Volunteers help you set it up."),
], [15, 20, 25], [90], weight=2.0)
T("mobile_pay", "digital_skills", ["elders"], {CLC, EU, LIB, DLP}, [
    ("手机支付安全", "Paying by phone, safely",
     "学会扫码付款、设置支付密码，认清常见的付款陷阱。",
     "Learn to pay by scanning a code, set a payment password and spot common payment traps."),
], [20, 25, 30], [60, 90])
T("computer_office", "digital_skills", ["workers", "new_citizens"], {CC, AS, WLC, LIB, CLC}, [
    ("电脑基础与办公软件", "Computer basics and office software",
     "文字处理、表格和电子邮件，从零开始，满足求职和工作需要。",
     "Word processing, spreadsheets and email from scratch, for work or for finding a job."),
    ("表格软件实用技巧", "Spreadsheets for work",
     "公式、排序筛选和图表，处理日常工作数据更轻松。",
     "Formulas, sorting, filters and charts, to make everyday work data easier to handle."),
], [16, 20, 24, 30], [90, 120], weight=1.5)
T("short_video", "digital_skills", ["everyone"], {CC, CUL, EU, LIB}, [
    ("短视频拍摄与剪辑", "Making short videos on your phone",
     "用手机拍摄、剪辑、配字幕，记录社区生活。",
     "Film, edit and caption short videos on your phone to share community life."),
], [15, 20, 25], [90, 120])
T("farm_ecommerce", "digital_skills", ["farmers", "women"], {DLP, AS, FARM, CUL}, [
    ("农产品电商与直播", "Selling farm produce online",
     "开网店、拍产品图、做直播，把自家的果蔬山货卖出去。",
     "Open an online shop, photograph your produce and sell fruit, vegetables and mountain goods by live stream."),
    ("农村电商入门", "E-commerce for village households",
     "注册网店、上架商品、发快递和售后服务，一次学会一步。",
     "Set up an online shop, list products, send parcels and look after customers, one step at a time."),
], [15, 20, 25, 30], [120], rural=True, weight=2.0)
T("accessible_net", "digital_skills", ["people_with_disabilities"], {WARM, LIB}, [
    ("读屏软件与无障碍上网", "Screen readers and accessible internet",
     "为视障朋友讲解手机读屏、语音输入和无障碍出行软件，可带陪同人员。",
     "For people with low vision: phone screen readers, voice typing and accessible travel apps. "
     "Companions welcome."),
], [8, 10, 12], [90], rural=False, weight=2.0)
T("gov_online", "digital_skills", ["elders", "new_citizens"], {CLC, LIB, CC}, [
    ("政务服务网上办", "Public services online",
     "在手机上查询社保、完成养老金认证、办理居住证业务。",
     "Check social insurance, confirm your pension and handle residence permit matters on your phone."),
], [15, 20, 25], [90])
T("ai_everyday", "digital_skills", ["everyone"], {CC, LIB, CLC, EU, SCI}, [
    ("人工智能生活应用", "AI assistants in everyday life",
     "试用语音助手和智能问答，了解它们能做什么、不能做什么，以及如何保护个人信息。",
     "Try voice assistants and chat tools, learn what they can and cannot do, and how to protect "
     "your personal information."),
], [20, 30, 40], [90], rural=False)

# ---- health and wellbeing ----
T("taichi", "health_wellbeing", ["elders"], {EU, CLC, CUL, CC, DLP}, [
    ("太极拳", "Tai chi",
     "二十四式简化太极拳，零基础可参加。请穿宽松衣服和平底鞋。",
     "The simplified 24-form tai chi for complete beginners. Wear loose clothes and flat shoes."),
    ("太极拳提高班", "Tai chi: continuing class",
     "在二十四式基础上学习四十二式，注重呼吸与姿势。",
     "Moving on from the 24-form to the 42-form, with attention to breathing and posture."),
], [20, 25, 30, 40], [60, 90], weight=2.0)
T("baduanjin", "health_wellbeing", ["elders"], {EU, CLC, DLP, CUL}, [
    ("八段锦", "Baduanjin qigong",
     "八个简单动作，舒筋活络，适合中老年人每天练习。",
     "Eight gentle movements to loosen joints and muscles, easy to practise every day."),
], [20, 25, 30], [60])
T("chronic", "health_wellbeing", ["elders"], {CLC, EU, DLP, LIB}, [
    ("慢性病自我管理", "Living well with chronic illness",
     "社区医生讲解血压、血糖的日常监测、饮食和用药，可现场测量血压。",
     "A community doctor explains daily checks, diet and medicines for blood pressure and blood sugar. "
     "Blood pressure checks on the day."),
], [25, 30, 40], [60, 90], talk=True)
T("first_aid", "health_wellbeing", ["everyone"], {CC, WLC, CLC, AS, LIB}, [
    ("急救知识与心肺复苏", "First aid and CPR",
     "红十字会培训师示范心肺复苏和自动体外除颤器的使用，人人动手练习。",
     "Red Cross trainers show how to do CPR and use an AED defibrillator, and everyone practises hands-on."),
], [20, 24, 30], [120], talk=True, weight=1.5)
T("tcm", "health_wellbeing", ["elders"], {CLC, EU, LIB, CUL, DLP}, [
    ("中医养生讲座", "Traditional Chinese medicine for daily health",
     "中医师讲四季饮食调养和简单的穴位保健。",
     "A TCM doctor talks about eating well through the seasons and simple acupressure."),
], [30, 40, 60], [60, 90], talk=True)
T("women_health", "health_wellbeing", ["women"], {CLC, CUL, DLP, LIB}, [
    ("女性健康讲座", "Women's health talk",
     "妇科医生讲解常见疾病预防，介绍免费的两癌筛查。",
     "A gynaecologist explains how to prevent common conditions and how to join free breast and cervical "
     "cancer screening."),
], [30, 40, 50], [90], talk=True)
T("mental", "health_wellbeing", ["workers"], {WLC, CC, LIB, CLC}, [
    ("心理健康与压力调适", "Mental wellbeing and coping with stress",
     "认识压力和情绪，学几种简单有效的放松方法。",
     "Understand stress and mood, and learn a few simple ways to relax that really work."),
], [20, 30, 40], [90])
T("seated_exercise", "health_wellbeing", ["people_with_disabilities", "elders"], {WARM, EU}, [
    ("坐姿健身操", "Seated exercise",
     "坐在椅子或轮椅上就能做的健身操，适合行动不便的朋友。",
     "Exercises you can do from a chair or wheelchair, for anyone with limited mobility."),
], [10, 12, 15], [60], rural=False, weight=2.0)
T("falls", "health_wellbeing", ["elders"], {CLC, EU, DLP}, [
    ("老年人防跌倒", "Preventing falls at home",
     "康复师教平衡练习和居家防滑的小窍门。",
     "A physiotherapist teaches balance exercises and simple ways to make your home safer."),
], [20, 30], [60], talk=True)
T("healthy_cooking", "health_wellbeing", ["families", "elders"], {CLC, CUL, DLP}, [
    ("健康饮食与减盐", "Healthy eating with less salt",
     "营养师教你读懂食品标签，做出少盐少油的家常菜。",
     "A dietitian explains food labels and shows how to cook everyday dishes with less salt and oil."),
], [20, 25, 30], [90])

# ---- culture and arts ----
T("opera", "culture_arts", ["elders"], {EU, CUL, LIB, CLC}, [
    ("京剧欣赏", "Peking opera appreciation",
     "从行当、唱腔到脸谱，听名段、学几句。",
     "Roles, singing styles and face painting; listen to famous arias and learn a few lines."),
    ("京剧唱腔入门", "Peking opera singing for beginners",
     "跟琴师学唱西皮、二黄的经典唱段。",
     "Learn classic arias in the xipi and erhuang styles, accompanied by a jinghu player."),
], [20, 30, 40], [90, 120], rural=False, weight=1.5)
T("calligraphy", "culture_arts", ["everyone"], {EU, CUL, CC, LIB, CLC, WARM}, [
    ("书法", "Calligraphy",
     "从执笔和基本笔画学起，临摹楷书。笔墨纸由中心提供。",
     "Start with holding the brush and basic strokes, then copy regular script. Brushes, ink and paper provided."),
    ("硬笔书法", "Handwriting with a pen",
     "用钢笔写出工整好看的字，适合各个年龄。",
     "Neat, attractive handwriting with an ordinary pen, for all ages."),
], [12, 16, 20, 24], [90, 120], weight=1.5)
T("paper_cutting", "culture_arts", ["children", "families", "women"], {CUL, CLC, DLP, LIB}, [
    ("剪纸", "Paper cutting",
     "学剪窗花、福字和生肖，了解北京剪纸的传统纹样。",
     "Cut window flowers, lucky characters and zodiac animals, and learn traditional Beijing patterns."),
], [12, 15, 20], [90], also={"xc-capital-museum", "tz-canal-museum"})
T("choir", "culture_arts", ["everyone"], {CUL, EU, CLC}, [
    ("社区合唱团", "Community choir",
     "不用识谱，跟着老师练发声、学合唱，欢迎新团员。",
     "No need to read music: warm up, learn to sing in parts. New members welcome."),
], [30, 40, 50], [90, 120])
T("photography", "culture_arts", ["everyone"], {CC, CUL, EU}, [
    ("摄影入门", "Photography for beginners",
     "相机和手机都可以，讲构图和用光，课后外出拍摄。",
     "Camera or phone: composition and light, then a short photo walk."),
], [15, 20, 25], [120])
T("chinese_painting", "culture_arts", ["elders"], {EU, CUL, CC}, [
    ("国画花鸟", "Chinese painting: flowers and birds",
     "学画梅兰竹菊，掌握基本的用笔和用墨。",
     "Paint plum blossom, orchid, bamboo and chrysanthemum, and learn basic brush and ink work."),
    ("山水画入门", "Chinese landscape painting",
     "学习山石、树木的基本画法，完成一幅小品。",
     "Learn to paint rocks and trees and finish a small landscape of your own."),
], [12, 16, 20], [120], weight=1.5)
T("folk_dance", "culture_arts", ["women", "elders"], {CUL, CLC, EU, DLP}, [
    ("民族舞", "Chinese folk dance",
     "学习简单的民族舞步，锻炼身体、结交朋友。",
     "Learn simple folk dance steps, keep fit and make friends."),
], [20, 25, 30], [90])
T("museum_tour", "culture_arts", ["everyone"], {MUS}, [
    ("讲解员带你看展", "Guided tour with a museum educator",
     "跟随讲解员参观常设展览，边看边讲，欢迎提问。",
     "Walk round the permanent galleries with a museum educator. Questions welcome."),
], [20, 25, 30], [60, 90], weight=3.0)
T("reading_circle", "culture_arts", ["everyone"], {LIB, CLC}, [
    ("读书会", "Reading circle",
     "每期共读一本书，轮流分享感受。书可在馆内借阅。",
     "Read one book together each round and share your thoughts. Copies can be borrowed here."),
], [15, 20, 25], [90], weight=1.5)
T("erhu", "culture_arts", ["elders"], {EU, CUL}, [
    ("二胡入门", "Erhu for beginners",
     "学习二胡的持琴和运弓，能拉几首简单的曲子。",
     "Learn to hold the erhu and use the bow, and play a few simple tunes."),
], [10, 12, 15], [90])
T("kite", "culture_arts", ["families", "children"], {CUL, CLC}, [
    ("风筝制作", "Kite making",
     "用竹条和纸，亲手做一只北京沙燕风筝。",
     "Make a traditional Beijing swallow kite from bamboo and paper."),
], [12, 16, 20], [120], talk=True, also={"xc-capital-museum"})
T("folk_song", "culture_arts", ["farmers", "women"], {DLP, CUL}, [
    ("乡村文艺队", "Village song and dance group",
     "排练秧歌和地方小调，为村里的节日演出做准备。",
     "Rehearse yangge dance and local folk songs for the village's festival shows."),
], [20, 30, 40], [90, 120], rural=True)

# ---- family education ----
T("family_talk", "family_education", ["families"], {CLC, LIB, CC, DLP, CUL}, [
    ("家庭教育讲座", "Family education talk",
     "讲解如何与孩子沟通、陪伴学习，现场答疑。",
     "How to talk with your children and support their learning, with time for questions."),
    ("青春期孩子的沟通", "Talking with teenagers",
     "了解青春期孩子的变化，学会倾听和商量。",
     "Understand the changes of the teenage years, and learn to listen and agree things together."),
], [40, 60, 80], [90], talk=True, weight=1.5)
T("parent_child_reading", "family_education", ["families", "children"], {LIB, CLC}, [
    ("亲子阅读", "Parent and child reading",
     "馆员带家长和孩子一起读绘本、做手工，适合3至8岁。",
     "A librarian reads picture books with parents and children, then a craft. For ages 3 to 8."),
], [15, 20, 24], [60], weight=1.5)
T("infant_care", "family_education", ["families", "women"], {CLC, LIB, DLP}, [
    ("0至3岁科学育儿", "Caring for babies and toddlers",
     "儿保医生讲喂养、睡眠和早期发展，欢迎带宝宝来。",
     "A child health doctor covers feeding, sleep and early development for ages 0 to 3. Babies welcome."),
], [15, 20, 25], [60], talk=True)
T("grandparenting", "family_education", ["elders", "families"], {EU, CLC, DLP}, [
    ("隔代教育", "Grandparents raising grandchildren",
     "祖辈如何与孩子父母配合，科学带好孙辈。",
     "How grandparents and parents can work together in bringing up children."),
], [30, 40], [90], talk=True)
T("child_internet", "family_education", ["families"], {CLC, LIB, CC}, [
    ("孩子的网络安全", "Keeping children safe online",
     "了解青少年模式、网络游戏和合理的上网时间设置。",
     "Youth modes, online games and how to set healthy screen time limits."),
], [30, 40, 60], [90], talk=True)

# ---- vocational ----
T("job_skills", "vocational", ["workers", "new_citizens"], {CC, AS, WLC, CLC}, [
    ("求职技能与简历", "Job hunting and CV writing",
     "写好简历、准备面试，学会使用线上招聘平台。",
     "Write a good CV, prepare for interviews and use online job sites."),
], [20, 25, 30], [120], weight=1.5)
T("home_care", "vocational", ["women", "new_citizens"], {AS, CC, CLC, DLP}, [
    ("家政服务技能", "Housekeeping and home care skills",
     "家政服务员职业技能培训，考核合格可申请职业技能证书。",
     "Professional training for domestic workers; a skills certificate can be applied for after assessment."),
], [20, 25, 30], [120, 150])
T("elder_care_worker", "vocational", ["workers", "women"], {CC, AS, WLC}, [
    ("养老护理员培训", "Training for elder care workers",
     "学习生活照护、安全转移和与老人沟通的技巧。",
     "Personal care, moving and handling people safely, and communicating with older people."),
], [20, 25, 30], [120, 150])
T("electrical_safety", "vocational", ["workers"], {WLC, AS}, [
    ("电工安全作业", "Electrical safety at work",
     "低压电工安全操作规程和常见事故案例分析。",
     "Safe working rules for low-voltage electrical work, with real accident case studies."),
], [20, 30, 40], [120])
T("pastry", "vocational", ["women", "workers"], {AS, CC, DLP, CLC}, [
    ("中式面点", "Chinese pastry and dumplings",
     "和面、擀皮、包饺子，学做几样北京特色面点。",
     "Make dough, roll wrappers, fold dumplings and learn a few Beijing pastries."),
], [12, 15, 20], [120, 150])
T("startup", "vocational", ["workers", "women"], {CC, WLC}, [
    ("小微创业指导", "Starting a small business",
     "从想法到营业执照，了解创业扶持政策和贷款。",
     "From idea to business licence, with advice on support schemes and loans."),
], [20, 30, 40], [90, 120])
T("guesthouse", "vocational", ["farmers", "women"], {DLP, AS}, [
    ("民宿经营与服务", "Running a village guesthouse",
     "客房布置、安全卫生、网上接单和待客礼仪。",
     "Rooms, safety and hygiene, taking bookings online and welcoming guests."),
], [15, 20, 25], [120], rural=True, districts={MY, HR, YQ, MTG, PG, FS}, weight=1.5)
T("safety_production", "vocational", ["workers"], {WLC}, [
    ("安全生产与职业健康", "Health and safety at work",
     "识别工作场所的危险，正确使用防护用品。",
     "Recognise hazards at work and use protective equipment correctly."),
], [30, 40, 60], [90])

# ---- farming ----
T("peach", "farming", ["farmers"], {DLP, FARM, AS}, [
    ("大桃冬季修剪", "Winter pruning of peach trees",
     "农技员在果园现场示范平谷大桃的整形修剪，请自带剪枝剪。",
     "An extension officer demonstrates shaping and pruning Pinggu peach trees in the orchard. "
     "Bring your own pruning shears."),
    ("大桃品质提升技术", "Growing better peaches",
     "疏花疏果、套袋和水肥管理，提高大桃的品质和收益。",
     "Thinning blossom and fruit, bagging, watering and feeding for better peaches and better income."),
], [15, 20, 30], [120, 150], rural=True, districts={PG}, weight=4.0)
T("greenhouse", "farming", ["farmers"], {DLP, FARM, AS}, [
    ("设施蔬菜种植", "Growing vegetables in greenhouses",
     "温室温湿度管理、水肥一体化和病虫害防治。",
     "Managing greenhouse temperature and humidity, fertigation and pest control."),
], [15, 20, 30], [120], rural=True, weight=2.0)
T("beekeeping", "farming", ["farmers"], {DLP, FARM}, [
    ("养蜂技术", "Beekeeping",
     "蜂群越冬管理、蜂病防治和蜂蜜采收。",
     "Overwintering colonies, keeping bees healthy and harvesting honey."),
], [12, 15, 20], [120], rural=True, districts={MY, HR, YQ, PG, MTG}, weight=2.0)
T("chestnut", "farming", ["farmers"], {DLP, FARM}, [
    ("板栗栽培管理", "Growing chestnuts",
     "板栗修剪、施肥和病虫害防治，提高产量和品质。",
     "Pruning, feeding and pest control for chestnut trees, for better yields and quality."),
], [15, 20, 30], [120], rural=True, districts={HR, MY}, weight=3.0)
T("strawberry", "farming", ["farmers"], {DLP}, [
    ("草莓种植技术", "Growing strawberries",
     "温室草莓的育苗、授粉和采摘期管理。",
     "Raising plants, pollination and caring for greenhouse strawberries through the picking season."),
], [15, 20, 25], [120], rural=True, districts={CP}, weight=4.0)
T("watermelon", "farming", ["farmers"], {DLP}, [
    ("西瓜栽培技术", "Growing watermelons",
     "庞各庄西瓜的嫁接育苗和保护地栽培。",
     "Grafted seedlings and covered cultivation for Panggezhuang watermelons."),
], [15, 20, 25], [120], rural=True, districts={DX}, weight=4.0)
T("grapes", "farming", ["farmers"], {DLP}, [
    ("葡萄栽培技术", "Growing grapes",
     "葡萄冬季埋土防寒、修剪和来年的水肥管理。",
     "Burying vines for winter, pruning, and planning next year's watering and feeding."),
], [15, 20, 25], [120], rural=True, districts={YQ, FS}, weight=3.0)
T("fruit_pest", "farming", ["farmers"], {DLP, FARM}, [
    ("果树病虫害绿色防控", "Green pest control for fruit trees",
     "少用农药也能防好病虫害：诱虫灯、粘虫板和生物防治。",
     "Control pests with fewer chemicals: insect lights, sticky traps and natural enemies."),
], [15, 20, 30], [120], rural=True, districts=MOUNTAIN)
T("farm_machinery", "farming", ["farmers"], {DLP, AS}, [
    ("农机安全使用", "Using farm machinery safely",
     "微耕机、植保无人机的操作规范和日常保养。",
     "Safe use and everyday care of mini tillers and crop-spraying drones."),
], [15, 20, 30], [120], rural=True)

# ---- language ----
T("english", "language", ["everyone"], {CC, LIB, CLC, EU, CUL}, [
    ("生活英语", "English for everyday life",
     "问路、购物、看病等场景的常用英语，零基础也能学。",
     "Everyday English for asking the way, shopping and seeing a doctor. No English needed to start."),
    ("英语口语角", "English conversation corner",
     "在轻松的氛围里开口说英语，有外籍志愿者参加。",
     "Practise speaking English in a relaxed group, joined by volunteer native speakers."),
], [15, 20, 25, 30], [90], rural=False, weight=1.5)
T("putonghua", "language", ["new_citizens"], {CLC, AS, WLC, CC}, [
    ("新市民普通话", "Putonghua for new citizens",
     "练习标准发音和日常交流，帮助来京的新市民更好地融入城市生活。",
     "Practise standard pronunciation and everyday conversation, to help newcomers settle into city life."),
], [15, 20, 25], [90], rural=False, weight=2.0)
T("sign_language", "language", ["everyone", "people_with_disabilities"], {WARM, LIB, CC, CLC}, [
    ("手语入门", "Sign language for beginners",
     "学习常用的中国手语，和听障朋友打招呼、聊家常。",
     "Learn everyday Chinese Sign Language to greet and chat with deaf neighbours."),
], [12, 15, 20], [90], rural=False, weight=1.5)
T("host_english", "language", ["farmers", "women"], {DLP}, [
    ("民宿接待英语", "English for guesthouse hosts",
     "接待外国游客的常用英语：入住、用餐和指路。",
     "English for welcoming foreign visitors: check-in, meals and directions."),
], [12, 15, 20], [90], rural=True, districts={MY, HR, YQ, MTG})
T("literacy", "language", ["elders", "new_citizens"], {CLC, DLP, AS}, [
    ("识字与写作", "Reading and writing for adults",
     "在轻松的氛围中认字、写字、读报。",
     "Learn to read, write and follow the newspaper, in a relaxed group."),
], [10, 12, 15], [90])

# ---- environment ----
T("waste_sorting", "environment", ["everyone"], {CLC, DLP, CUL, LIB}, [
    ("垃圾分类", "Waste sorting made simple",
     "四类垃圾怎么分，厨余垃圾怎么处理，现场有小测验。",
     "How to sort the four kinds of waste and deal with kitchen waste, with a short quiz."),
], [30, 40, 60], [60], talk=True, weight=1.5)
T("energy_saving", "environment", ["families"], {CLC, LIB, CC, DLP, SCI}, [
    ("节能低碳生活", "Saving energy at home",
     "家用电器省电窍门、绿色出行和节约用水。",
     "Tips for saving electricity, greener travel and using less water."),
], [30, 40, 60], [60], talk=True)
T("forest_fire", "environment", ["farmers"], {DLP}, [
    ("森林防火", "Preventing forest fires",
     "护林员讲解冬春季防火知识和应急避险。",
     "Forest rangers explain fire safety in winter and spring, and what to do in an emergency."),
], [30, 40], [60], talk=True, rural=True, districts=MOUNTAIN, weight=1.5)
T("water_protection", "environment", ["farmers", "families"], {DLP, CUL, FARM}, [
    ("密云水库水源保护", "Protecting the water of Miyun Reservoir",
     "了解水库对首都供水的意义，以及减少生活污水和化肥的做法。",
     "Why the reservoir matters for Beijing's drinking water, and how households can cut waste water "
     "and fertiliser."),
], [30, 40], [90], rural=True, districts={MY}, also={"my-reservoir-hall"}, weight=2.5)
T("balcony_garden", "environment", ["elders", "families"], {CLC, LIB, EU}, [
    ("阳台种菜与花卉", "Balcony gardening",
     "在阳台上种香草、小番茄和花卉，学做厨余堆肥。",
     "Grow herbs, cherry tomatoes and flowers on a balcony, and make compost from kitchen scraps."),
], [15, 20, 25], [90], rural=False)

# ---- civic and law ----
T("civil_code", "civic_law", ["everyone"], {CLC, LIB, CC, DLP, CUL}, [
    ("民法典进社区", "The Civil Code in daily life",
     "律师讲解居住权、遗嘱、物业纠纷等与生活密切相关的条款。",
     "A lawyer explains the parts that touch daily life: rights of residence, wills and property "
     "management disputes."),
], [40, 60, 80, 100], [90], talk=True, weight=1.5)
T("anti_fraud", "civic_law", ["elders"], {CLC, LIB, EU, DLP, CUL, CC}, [
    ("防范电信网络诈骗", "Spotting phone and online scams",
     "民警讲解冒充客服、投资理财、保健品推销等常见骗局，教你识别和应对。",
     "Police officers explain common scams, such as fake customer service, investment schemes and "
     "health product sales, and how to respond."),
], [40, 60, 80, 120], [60, 90], talk=True, weight=2.0)
T("workers_rights", "civic_law", ["workers", "new_citizens"], {WLC, AS, CLC, CC}, [
    ("劳动者权益与法律援助", "Workers' rights and legal aid",
     "劳动合同、工资和工伤的常见问题，法律援助律师现场答疑。",
     "Employment contracts, pay and injury at work; a legal aid lawyer answers questions."),
], [30, 40, 60], [90], talk=True, weight=1.5)
T("new_citizen_policy", "civic_law", ["new_citizens"], {CLC, LIB, AS}, [
    ("新市民政策讲解", "Settling in Beijing: permits and services",
     "居住证办理、社保缴纳、子女入学等政策，一次讲清楚。",
     "Residence permits, social insurance and school places for children, all explained in one session."),
], [30, 40, 60], [90], talk=True, rural=False)
T("consumer_rights", "civic_law", ["everyone"], {CLC, LIB, CC}, [
    ("消费者权益保护", "Know your consumer rights",
     "网购退货、预付卡和维修纠纷怎么处理，如何投诉。",
     "Online returns, prepaid cards and repair disputes: what to do and how to complain."),
], [30, 40, 60], [60], talk=True)
T("disability_rights", "civic_law", ["people_with_disabilities", "families"], {WARM, LIB}, [
    ("残疾人权益与服务", "Rights and services for people with disabilities",
     "讲解补贴政策、辅具申领和就业支持，现场提供咨询。",
     "Allowances, assistive devices and support into work, with advice on the day."),
], [15, 20, 30], [90], talk=True, rural=False, weight=2.0)
T("family_law", "civic_law", ["elders"], {EU, CLC}, [
    ("婚姻家庭与继承", "Marriage, family and inheritance law",
     "遗嘱怎么立、赡养义务和财产继承的常见问题。",
     "Making a will, duties of care within the family, and common questions about inheritance."),
], [30, 40, 60], [90], talk=True)
T("rural_law", "civic_law", ["farmers"], {DLP}, [
    ("农村法律知识", "The law in village life",
     "土地承包、宅基地和邻里纠纷的法律知识，律师现场答疑。",
     "Land contracts, homestead plots and disputes between neighbours, with a lawyer answering questions."),
], [30, 40], [90], talk=True, rural=True)

# ---- science ----
T("science_talk", "science", ["everyone"], {SCI, LIB, CC}, [
    ("气候变化与我们的生活", "Climate change and our daily lives",
     "科学家讲气候变化的成因和影响，以及我们能做些什么。",
     "A scientist explains the causes and effects of climate change, and what we can do."),
    ("身边的物理", "Physics all around us",
     "从厨房到公交车，用小实验讲清楚生活中的物理原理。",
     "From the kitchen to the bus: simple experiments that explain the physics of daily life."),
], [40, 60, 80, 120], [90], talk=True, rural=False, weight=1.5,
  also={"cy-sci-tech-museum", "ft-auto-museum", "fs-zhoukoudian-museum"})
T("kids_experiments", "science", ["children", "families"], {SCI, LIB, CLC}, [
    ("少儿科学实验", "Hands-on science for children",
     "动手做实验，认识空气、水和电，适合6至12岁。",
     "Hands-on experiments with air, water and electricity. For ages 6 to 12."),
    ("机器人编程体验", "Robot programming for beginners",
     "用积木式编程让小机器人动起来，适合8至14岁。",
     "Use block coding to make a small robot move. For ages 8 to 14."),
], [12, 16, 20], [90], rural=False, weight=1.5, also={"cy-sci-tech-museum", "ft-auto-museum"})
T("stargazing", "science", ["families"], {DLP, SCI, CUL}, [
    ("观星与天文入门", "Stargazing and astronomy basics",
     "认识冬季星空，用望远镜看月亮和行星，天气不好时改为室内讲座。",
     "Learn the winter night sky and look at the Moon and planets through a telescope. Indoor talk if cloudy."),
], [20, 30], [90], talk=True, districts={MY, HR, YQ},
  also={"cy-sci-tech-museum", "cy-wangjing-science"})
T("food_safety", "science", ["families"], {CLC, DLP, LIB, SCI}, [
    ("食品安全小课堂", "Food safety at home",
     "怎样挑选、储存和加工食品，远离食物中毒。",
     "How to choose, store and cook food safely and avoid food poisoning."),
], [30, 40], [60], talk=True)
T("agri_weather", "science", ["farmers"], {DLP, FARM}, [
    ("农业气象与防灾", "Weather and disaster preparedness for farmers",
     "看懂天气预报，提前防范霜冻、大风和暴雨。",
     "Read the forecast and prepare for frost, strong winds and heavy rain."),
], [20, 30, 40], [60], talk=True, rural=True)

# ---- other ----
T("volunteer", "other", ["everyone"], {CLC, LIB, CUL, CC}, [
    ("志愿服务入门", "Volunteering: getting started",
     "了解社区志愿服务项目，学习服务礼仪，注册成为志愿者。",
     "Find out about local volunteering, learn the basics and sign up as a volunteer."),
], [30, 40], [60], talk=True)
T("learning_advice", "other", ["everyone"], {CC, CLC, DLP}, [
    ("学分银行与学习咨询", "Learning advice and the Credit Bank",
     "了解如何用学习卡记录学习成果、积累学分，现场一对一咨询。",
     "How your learning card records what you learn and earns Credit Bank credits, with one-to-one advice."),
], [20, 30], [60], talk=True, weight=1.5)
T("go_club", "other", ["elders", "children"], {CUL, EU, CLC}, [
    ("围棋", "Go (weiqi) for all ages",
     "从规则学起，老少同桌对弈，提供棋具。",
     "Start with the rules, then play across the generations. Boards and stones provided."),
    ("中国象棋", "Chinese chess club",
     "棋友切磋，讲解经典残局，新手也欢迎。",
     "Friendly games and classic endgames explained. Beginners welcome."),
], [16, 20, 24], [120])
T("old_beijing", "other", ["elders"], {CLC, LIB}, [
    ("老北京记忆分享会", "Memories of old Beijing",
     "老街坊讲述胡同往事，共同整理社区口述历史。",
     "Long-time residents share memories of hutong life, collected as a community oral history."),
], [20, 30], [90], rural=False)

# ---- venue-specific ----
T("film_classics", "culture_arts", ["everyone"], {MUS}, [
    ("经典电影赏析", "Classic Chinese films",
     "放映一部经典国产影片，映后由影评人导赏。",
     "A classic Chinese film, followed by a talk from a film critic."),
], [60, 80, 120], [150], venues={"cy-film-museum"})
T("glacier", "science", ["families", "children"], {MUS}, [
    ("冰川与岩石探秘", "Glaciers and rocks: a geology visit",
     "看冰川擦痕，认识北京西山的岩石和地貌。",
     "See the marks left by ancient glaciers and learn about the rocks and landscape of the Western Hills."),
], [15, 20, 25], [90], venues={"sjs-glacier-museum"})
T("beijing_history", "culture_arts", ["everyone"], {MUS}, [
    ("北京城的历史", "The story of Beijing",
     "从元大都到今天，讲述北京城的变迁。",
     "From the Yuan dynasty capital to today: how the city grew and changed."),
], [40, 60, 80], [90], venues={"xc-capital-museum"})
T("mei_opera", "culture_arts", ["elders"], {MUS}, [
    ("梅派京剧赏析", "Mei Lanfang and Peking opera",
     "走进梅兰芳故居，欣赏梅派经典唱段，了解京剧服饰。",
     "Visit Mei Lanfang's former home, hear classic Mei-style arias and see opera costumes up close."),
], [15, 20, 25], [90], venues={"xc-mei-lanfang"})
T("peking_man", "science", ["children", "families"], {MUS}, [
    ("北京人与远古人类", "Peking Man and our early ancestors",
     "通过化石和石器，了解远古人类如何生活。",
     "Fossils and stone tools show how early humans lived."),
], [20, 25, 30], [90], venues={"fs-zhoukoudian-museum"})
T("grand_canal", "culture_arts", ["everyone"], {MUS}, [
    ("大运河的故事", "The story of the Grand Canal",
     "从漕运到今天的城市副中心，讲述大运河与北京。",
     "From grain barges to today's city sub-centre: the Grand Canal and Beijing."),
], [30, 40, 60], [90], venues={"tz-canal-museum"})
T("how_cars_work", "science", ["children", "families"], {MUS}, [
    ("汽车里的科学", "The science inside a car",
     "发动机、刹车和新能源汽车是怎样工作的。",
     "How engines, brakes and electric cars work."),
], [20, 25, 30], [90], venues={"ft-auto-museum"})
T("reservoir_story", "culture_arts", ["everyone"], {MUS}, [
    ("水库建设的故事", "How Miyun Reservoir was built",
     "老照片和亲历者讲述密云水库的建设历程。",
     "Old photographs and first-hand stories of building Miyun Reservoir."),
], [20, 30, 40], [90], venues={"my-reservoir-hall"})
T("library_tour", "other", ["everyone"], {LIB}, [
    ("图书馆使用指南", "Getting the most from the library",
     "办证、借书、电子书和自助设备，一次学会。",
     "Library cards, borrowing, e-books and self-service machines, all in one visit."),
], [15, 20, 25], [60], venues={"hd-national-library", "tz-city-library", "xc-library"})

TEMPLATE_BY_KEY = {t["key"]: t for t in TEMPLATES}

# Activities some venues are known for: always held there.
MUST = {
    "cy-wangjing-clc": ["smartphone", "hospital_app"],
    "cp-huoying-clc": ["hospital_app"],
    "cp-tiantongyuan-elder": ["taichi"],
    "cp-lishuiqiao-library": ["family_talk"],
    "cp-xingshou-dlp": ["strawberry"],
    "dx-panggezhuang-dlp": ["watermelon"],
    "pg-peach-training": ["peach"],
    "pg-dahuashan-dlp": ["peach"],
    "hr-beigou-dlp": ["chestnut"],
    "my-agri-training": ["chestnut", "greenhouse"],
    "my-xiwengzhuang-dlp": ["smartphone", "water_protection"],
    "yq-yongning-dlp": ["grapes"],
}

# --------------------------------------------------------------------------
# Dates and times
# --------------------------------------------------------------------------

TERM_FIRST = date(2026, 9, 1)
TERM_LAST = date(2026, 11, 1)
UNTIL = "2035-12-31"
ONEOFF_FIRST = date(2026, 11, 20)
ONEOFF_LAST = date(2027, 3, 31)
BOOK_FIRST = date(2026, 11, 23)
BOOK_LAST = date(2026, 12, 6)
FULL_WEEK_LAST = date(2026, 11, 29)
DAY_START = "08:30"
DAY_END = "20:30"
SHANGHAI = timezone(timedelta(hours=8))

# Public holidays in the coming year when weekly classes pause.
HOLIDAYS = {
    "new_year": ["2027-01-01"],
    "spring_festival": ["2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"],
    "qingming": ["2027-04-05"],
    "labour_day": ["2027-05-03", "2027-05-04", "2027-05-05"],
    "national_day": ["2027-10-01", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"],
}


def d(s: str) -> date:
    return date.fromisoformat(s)


def minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def hhmm(mins: int) -> str:
    return f"{mins // 60:02d}:{mins % 60:02d}"


def daterange(a: date, b: date):
    x = a
    while x <= b:
        yield x
        x += timedelta(days=1)


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def rfc3339(day: date, t: str) -> str:
    return f"{day.isoformat()}T{t}:00+08:00"


def repeat_dates(rep: dict, first: date, last: date) -> list[date]:
    days = {WEEKDAYS.index(x) for x in rep["days"]}
    exc = set(rep.get("except", []))
    lo, hi = max(first, d(rep["from"])), min(last, d(rep["until"]))
    return [x for x in daterange(lo, hi) if x.weekday() in days and x.isoformat() not in exc]


def session_dates(act: dict, first: date, last: date) -> list[date]:
    out = []
    if "repeat" in act:
        out += repeat_dates(act["repeat"], first, last)
    for s in act.get("sessions", []):
        sd = datetime.fromisoformat(s["start"]).date()
        if first <= sd <= last:
            out.append(sd)
    return sorted(out)


def repeat_covers(rep: dict, day: date) -> bool:
    return (d(rep["from"]) <= day <= d(rep["until"])
            and WEEKDAYS[day.weekday()] in rep["days"]
            and day.isoformat() not in rep.get("except", []))


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------


def near_site(v: dict, radius=CLUSTER_KM) -> str | None:
    for sid, lat, lon in SITES:
        if haversine_km(lat, lon, v["lat"], v["lon"]) <= radius:
            return sid
    return None


def eligible(t: dict, v: dict) -> bool:
    if t["venues"] is not None:
        return v["id"] in t["venues"]
    if v["id"] in t["also"]:
        return True
    if v["_sub"] not in t["kinds"]:
        return False
    if t["districts"] is not None and v["district"] not in t["districts"]:
        return False
    if t["rural"] is True and not v["_rural"]:
        return False
    if t["rural"] is False and v["_rural"]:
        return False
    return True


def weight_for(t: dict, v: dict) -> float:
    w = t["weight"]
    aud = t["audience"]
    if v["kind"] == EU and "elders" in aud:
        w *= 2.5
    if v["kind"] == WLC and "workers" in aud:
        w *= 3.0
    if v["kind"] == LIB and ("families" in aud or t["category"] == "culture_arts"):
        w *= 1.5
    if v["_rural"] and "farmers" in aud:
        w *= 2.0
    if v["_sub"] == WARM and "people_with_disabilities" in aud:
        w *= 3.0
    return w


def pick_slot(rng: random.Random, aud: list[str], talk: bool):
    """Weekday pool and start times that suit the main audience."""
    main = aud[0]
    wk = ["mon", "tue", "wed", "thu", "fri"]
    if main == "workers":
        if rng.random() < 0.6:
            return wk, ["18:30", "19:00"]
        return ["sat"], ["09:30", "14:00"]
    if main in ("families", "children"):
        if rng.random() < 0.7:
            return ["sat", "sun"], ["09:30", "10:00", "14:00", "15:00"]
        return wk, (["19:00"] if main == "families" else ["16:30"])
    if main == "elders":
        return wk, ["08:30", "09:00", "09:30", "10:00", "14:00", "14:30"]
    if main == "farmers":
        return wk + ["sat"], ["09:00", "09:30", "14:00", "14:30"]
    if main == "new_citizens":
        if rng.random() < 0.5:
            return wk, ["19:00"]
        return ["sat", "sun"], ["09:30", "14:30"]
    if talk:
        return wk + ["sat"], ["09:30", "10:00", "14:00", "14:30", "19:00"]
    return wk + ["sat"], ["09:00", "09:30", "10:00", "14:00", "14:30", "15:00", "19:00"]


def fit_time(rng: random.Random, starts: list[str], durs: list[int]):
    start = rng.choice(starts)
    dur = rng.choice(durs)
    limit = minutes(DAY_END) - minutes(start)
    if dur > limit:
        dur = max(60, limit - limit % 30)
    return start, hhmm(minutes(start) + dur), dur


CANCEL_NOTES = [
    ("本期因场地维修暂停，恢复时间另行通知。",
     "Paused while the room is being repaired. New dates will be announced."),
    ("授课老师因病暂停本期课程，敬请谅解。",
     "Paused this term because the teacher is unwell. We are sorry for the trouble."),
    ("本期报名人数不足，暂停开班，欢迎关注下一期。",
     "Paused this term as too few people signed up. Look out for the next course."),
    ("因场地另有安排，本期活动取消。",
     "Cancelled this term because the room is needed for something else."),
]


def build(rng: random.Random):
    # phones
    for v in VENUES:
        if rng.random() < 0.62:
            # Demo numbers must not ring a real line: Beijing local numbers never begin
            # with 0, so "010-0xxx xxxx" cannot be dialled. (The same random draws as
            # before, so the rest of the catalogue stays as it was.)
            pre = rng.choice(PHONE_PREFIX[v["district"]])
            v["phone"] = f"010-0{pre[1:]} {rng.randint(1000, 9999)}"

    activities = []
    for v in VENUES:
        site = near_site(v)
        is_site = v["id"] in {s[0] for s in SITES}
        if is_site:
            n = rng.randint(6, 7)
        elif site:
            n = rng.randint(4, 6)
        else:
            n = rng.randint(2, 4)
        pool = [t for t in TEMPLATES if eligible(t, v)]
        chosen = [t for t in pool if t["venues"] is not None]
        for key in MUST.get(v["id"], []):
            t = TEMPLATE_BY_KEY[key]
            assert eligible(t, v), f"{key} cannot be held at {v['id']}"
            chosen.append(t)
        rest = [t for t in pool if t["venues"] is None and t not in chosen]
        while len(chosen) < n and rest:
            t = rng.choices(rest, weights=[weight_for(x, v) for x in rest])[0]
            rest.remove(t)
            chosen.append(t)
        for t in chosen:
            activities.append(make_activity(rng, t, v))
    return activities


def make_activity(rng: random.Random, t: dict, v: dict) -> dict:
    tz, te, sz, se = rng.choice(t["variants"])
    aud = list(t["audience"])
    talk = t["talk"]
    kind_max = {DLP: 40, OTH: 40, CLC: 60, AS: 60, EU: 80, WLC: 80}.get(v["kind"], 120)
    cap = min(rng.choice(t["caps"]), kind_max)
    act = {
        "id": f"{v['id']}.{t['key']}",
        "venue": v["id"],
        "title": {"zh-CN": tz, "en-US": te},
    }
    if rng.random() < 0.9:
        act["summary"] = {"zh-CN": sz, "en-US": se}
    act["category"] = t["category"]
    if aud == ["everyone"]:
        if rng.random() < 0.5:
            act["audience"] = aud
    else:
        act["audience"] = aud
    pool, starts = pick_slot(rng, aud, talk)
    start, end, dur = fit_time(rng, starts, t["durs"])
    if rng.random() < 0.5:
        if dur <= 60:
            act["credits"] = rng.choice([0.5, 0.5, 1])
        elif dur <= 90:
            act["credits"] = rng.choice([1, 1, 1.5])
        else:
            act["credits"] = rng.choice([1.5, 2, 2])
    act["capacity"] = cap
    if rng.random() < 0.08:
        act["status"] = "scheduled"

    r = rng.random()
    oneoff = r < (0.3 if talk else 0.02)
    if not oneoff:
        k = rng.choices([1, 2, 3], weights=[5, 4, 1])[0]
        days = sorted(rng.sample(pool, min(k, len(pool))), key=WEEKDAYS.index)
        rep = {
            "days": days,
            "start_time": start,
            "end_time": end,
            "from": (TERM_FIRST + timedelta(days=rng.randint(0, (TERM_LAST - TERM_FIRST).days))).isoformat(),
            "until": UNTIL,
        }
        if rng.random() < 0.35:
            groups = rng.sample(sorted(HOLIDAYS), rng.randint(1, 3))
            exc = sorted(x for g in groups for x in HOLIDAYS[g] if WEEKDAYS[d(x).weekday()] in days)
            if exc:
                rep["except"] = exc
        act["repeat"] = rep
        # A few weekly activities also have one extra event on a day they do not usually meet.
        if rng.random() < 0.02:
            free = [x for x in daterange(date(2026, 11, 23), date(2027, 1, 31))
                    if not repeat_covers(rep, x) and WEEKDAYS[x.weekday()] in ("sat", "sun", "fri")]
            extra = rng.choice(free)
            es, ee, _ = fit_time(rng, ["09:30", "14:00", "14:30"], [90, 120])
            act["sessions"] = [{"start": rfc3339(extra, es), "end": rfc3339(extra, ee)}]
    else:
        k = rng.choice([1, 1, 2, 2, 3, 4])
        blocked = set(HOLIDAYS["new_year"]) | set(HOLIDAYS["spring_festival"])
        cands = [x for x in daterange(ONEOFF_FIRST, ONEOFF_LAST)
                 if WEEKDAYS[x.weekday()] in pool and x.isoformat() not in blocked]
        picked = sorted(rng.sample(cands, k))
        act["sessions"] = [{"start": rfc3339(x, start), "end": rfc3339(x, end)} for x in picked]
    return act


def add_site_specials(acts: list[dict]):
    """Hand-made touches around the demo site: closures inside the booking window."""
    # The Wangjing library closes for stocktaking on 26 November; the learning centre's
    # rooms are used for a district exam on 5 December.
    for a in acts:
        if a["venue"] == "cy-wangjing-library" and "repeat" in a:
            day = date(2026, 11, 26)
            if repeat_covers(a["repeat"], day):
                a["repeat"].setdefault("except", []).append(day.isoformat())
                a["repeat"]["except"].sort()
        if a["venue"] == "cy-wangjing-clc" and "repeat" in a:
            day = date(2026, 12, 5)
            if repeat_covers(a["repeat"], day):
                a["repeat"].setdefault("except", []).append(day.isoformat())
                a["repeat"]["except"].sort()


def cancel_some(rng: random.Random, acts: list[dict]):
    counts = Counter(a["venue"] for a in acts)
    for sid, lat, lon in SITES:
        cands = [a for a in acts
                 if a["venue"] != sid and a.get("status") != "cancelled" and "repeat" in a
                 and counts[a["venue"]] >= 3
                 and haversine_km(lat, lon, VENUE_BY_ID[a["venue"]]["lat"], VENUE_BY_ID[a["venue"]]["lon"]) <= 4.0]
        a = rng.choice(cands)
        a["status"] = "cancelled"
        nz, ne = rng.choice(CANCEL_NOTES)
        a["summary"] = {"zh-CN": nz, "en-US": ne}


def book(rng: random.Random, acts: list[dict]):
    demo_lat, demo_lon = SITES[0][1], SITES[0][2]
    near_demo_full = []
    for a in acts:
        if a.get("status") == "cancelled":
            continue
        v = VENUE_BY_ID[a["venue"]]
        near_demo = haversine_km(demo_lat, demo_lon, v["lat"], v["lon"]) <= CLUSTER_KM
        near_any = near_site(v) is not None
        cap = a["capacity"]
        booked = {}
        for day in session_dates(a, BOOK_FIRST, BOOK_LAST):
            p = rng.random()
            first_week = day <= FULL_WEEK_LAST
            if near_demo and first_week:
                full, nearly, part = 0.15, 0.40, 0.80
            elif near_any and first_week:
                full, nearly, part = 0.07, 0.25, 0.65
            elif first_week:
                full, nearly, part = 0.04, 0.14, 0.45
            else:
                full, nearly, part = 0.0, 0.06, 0.35
            if p < full:
                n = cap
            elif p < nearly:
                n = max(0, cap - rng.randint(1, 3))
            elif p < part:
                n = rng.randint(max(1, cap * 3 // 10), max(1, cap * 8 // 10))
            else:
                n = 0
            if n > 0:
                booked[day.isoformat()] = n
            if near_demo and first_week:
                near_demo_full.append((a, day))
        if booked:
            a["booked"] = booked
    # Make sure the demo site's "this week" shows enough full sessions.
    def full_count():
        return sum(1 for a, day in near_demo_full if a.get("booked", {}).get(day.isoformat()) == a["capacity"])
    i = 0
    order = sorted(near_demo_full, key=lambda x: (x[1], x[0]["id"]))
    rng.shuffle(order)
    while full_count() < 8 and i < len(order):
        a, day = order[i]
        a.setdefault("booked", {})[day.isoformat()] = a["capacity"]
        a["booked"] = dict(sorted(a["booked"].items()))
        i += 1


FIELD_ORDER = ["id", "venue", "title", "summary", "category", "audience", "credits", "capacity",
               "booked", "status", "repeat", "sessions"]
VENUE_ORDER = ["id", "name", "kind", "district", "address", "lat", "lon", "step_free", "phone"]


def catalogue() -> dict:
    rng = random.Random(SEED)
    acts = build(rng)
    add_site_specials(acts)
    cancel_some(rng, acts)
    book(rng, acts)
    venues = [{k: v[k] for k in VENUE_ORDER if k in v} for v in VENUES]
    acts = [{k: a[k] for k in FIELD_ORDER if k in a} for a in acts]
    return {"format": FORMAT, "generated_at": GENERATED_AT, "venues": venues, "activities": acts}


# --------------------------------------------------------------------------
# Checks: the format's rules, then the demo's own targets
# --------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9._-]{1,64}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
RFC3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
PHONE_RE = re.compile(r"^010-0\d{3} \d{4}$")
BANNED = set("·①■●★→✓•“”‘’…—–")


def check_text(path: str, t, problems: list[str]):
    if not isinstance(t, dict):
        problems.append(f"{path}: not a TEXT object")
        return
    for lang in ("zh-CN", "en-US"):
        s = t.get(lang)
        if not isinstance(s, str) or not s.strip():
            problems.append(f"{path}.{lang}: missing or empty")
            continue
        if unicodedata.normalize("NFC", s) != s:
            problems.append(f"{path}.{lang}: not NFC")
        if s != s.strip() or "  " in s:
            problems.append(f"{path}.{lang}: stray spaces")
        for ch in s:
            cp = ord(ch)
            if ch in BANNED:
                problems.append(f"{path}.{lang}: banned symbol {ch!r}")
            elif unicodedata.east_asian_width(ch) == "A":
                problems.append(f"{path}.{lang}: ambiguous-width character {ch!r}")
            elif cp >= 0x1F000 or 0x2600 <= cp <= 0x27BF or unicodedata.category(ch) in ("So", "Cc", "Cf", "Co"):
                problems.append(f"{path}.{lang}: symbol or control character {ch!r}")
        if lang == "en-US" and not all(32 <= ord(c) < 127 for c in s):
            problems.append(f"{path}.en-US: English text should be plain ASCII")
        if lang == "zh-CN" and not any("\u4e00" <= c <= "\u9fff" for c in s):
            problems.append(f"{path}.zh-CN: no Chinese characters")


def check_format(cat: dict) -> list[str]:
    """Every rule of learning-catalogue/1, reported as PATH: problem."""
    p: list[str] = []
    if cat.get("format") != FORMAT:
        p.append("format: must be learning-catalogue/1")
    try:
        datetime.fromisoformat(cat.get("generated_at", ""))
        if not RFC3339_RE.match(cat["generated_at"]):
            raise ValueError
    except (ValueError, TypeError):
        p.append("generated_at: not an RFC 3339 time with offset")
    venues, acts = cat.get("venues"), cat.get("activities")
    if not isinstance(venues, list) or not isinstance(acts, list):
        return p + ["venues/activities: must be lists"]
    seen = set()
    for i, v in enumerate(venues):
        P = f"venues[{i}]"
        vid = v.get("id")
        if not isinstance(vid, str) or not ID_RE.match(vid):
            p.append(f"{P}.id: bad id {vid!r}")
        if vid in seen:
            p.append(f"{P}.id: duplicate {vid!r}")
        seen.add(vid)
        check_text(f"{P}.name", v.get("name"), p)
        check_text(f"{P}.address", v.get("address"), p)
        if v.get("kind") not in KINDS:
            p.append(f"{P}.kind: unknown {v.get('kind')!r}")
        if v.get("district") not in DISTRICTS:
            p.append(f"{P}.district: not a Beijing district code {v.get('district')!r}")
        lat, lon = v.get("lat"), v.get("lon")
        if not isinstance(lat, (int, float)) or isinstance(lat, bool) or not 39.4 <= lat <= 41.1:
            p.append(f"{P}.lat: out of range {lat!r}")
        if not isinstance(lon, (int, float)) or isinstance(lon, bool) or not 115.4 <= lon <= 117.6:
            p.append(f"{P}.lon: out of range {lon!r}")
        if "step_free" in v and not isinstance(v["step_free"], bool):
            p.append(f"{P}.step_free: not a bool")
        if "phone" in v and (not isinstance(v["phone"], str) or not PHONE_RE.match(v["phone"])):
            p.append(f"{P}.phone: bad phone {v['phone']!r}")
        for k in v:
            if k.startswith("_"):
                p.append(f"{P}.{k}: internal field leaked")
    aseen = set()
    for i, a in enumerate(acts):
        P = f"activities[{i}]"
        aid = a.get("id")
        if not isinstance(aid, str) or not ID_RE.match(aid):
            p.append(f"{P}.id: bad id {aid!r}")
        if aid in aseen:
            p.append(f"{P}.id: duplicate {aid!r}")
        aseen.add(aid)
        if a.get("venue") not in seen:
            p.append(f"{P}.venue: no venue {a.get('venue')!r}")
        check_text(f"{P}.title", a.get("title"), p)
        if "summary" in a:
            check_text(f"{P}.summary", a["summary"], p)
        if a.get("category") not in CATEGORIES:
            p.append(f"{P}.category: unknown {a.get('category')!r}")
        if "audience" in a:
            au = a["audience"]
            if not isinstance(au, list) or not au or any(x not in AUDIENCES for x in au) or len(set(au)) != len(au):
                p.append(f"{P}.audience: bad {au!r}")
        if "credits" in a:
            c = a["credits"]
            if not isinstance(c, (int, float)) or isinstance(c, bool) or c <= 0:
                p.append(f"{P}.credits: bad {c!r}")
        cap = a.get("capacity")
        if not isinstance(cap, int) or isinstance(cap, bool) or cap < 1:
            p.append(f"{P}.capacity: must be an integer >= 1")
            cap = 0
        if a.get("status", "scheduled") not in STATUSES:
            p.append(f"{P}.status: unknown {a.get('status')!r}")
        if "sessions" not in a and "repeat" not in a:
            p.append(f"{P}: has neither sessions nor repeat")
        dates_seen: Counter = Counter()
        for j, s in enumerate(a.get("sessions", [])):
            SP = f"{P}.sessions[{j}]"
            try:
                if not (RFC3339_RE.match(s["start"]) and RFC3339_RE.match(s["end"])):
                    raise ValueError
                st, en = datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"])
                if st.utcoffset() is None or en.utcoffset() is None:
                    raise ValueError
            except (KeyError, ValueError, TypeError):
                p.append(f"{SP}: start/end not RFC 3339 with offset")
                continue
            if en <= st:
                p.append(f"{SP}: end not after start")
            local = st.astimezone(SHANGHAI).date()
            dates_seen[local] += 1
        rep = a.get("repeat")
        if rep is not None:
            RP = f"{P}.repeat"
            days = rep.get("days")
            if not isinstance(days, list) or not days or any(x not in WEEKDAYS for x in days) or len(set(days)) != len(days):
                p.append(f"{RP}.days: bad {days!r}")
            for k in ("start_time", "end_time"):
                if not isinstance(rep.get(k), str) or not TIME_RE.match(rep[k]):
                    p.append(f"{RP}.{k}: not HH:MM")
            if TIME_RE.match(str(rep.get("start_time"))) and TIME_RE.match(str(rep.get("end_time"))):
                if minutes(rep["end_time"]) <= minutes(rep["start_time"]):
                    p.append(f"{RP}: end_time not after start_time")
            for k in ("from", "until"):
                if not isinstance(rep.get(k), str) or not DATE_RE.match(rep[k]):
                    p.append(f"{RP}.{k}: not YYYY-MM-DD")
            try:
                if d(rep["from"]) > d(rep["until"]):
                    p.append(f"{RP}: from after until")
            except (KeyError, ValueError, TypeError):
                p.append(f"{RP}: from/until are not dates")
            for e in rep.get("except", []):
                if not isinstance(e, str) or not DATE_RE.match(e):
                    p.append(f"{RP}.except: bad date {e!r}")
            if not any(x.startswith(RP) for x in p):
                for day in list(dates_seen):
                    if repeat_covers(rep, day):
                        p.append(f"{P}.sessions: {day} is also a weekly session date")
        for day, n in dates_seen.items():
            if n > 1:
                p.append(f"{P}.sessions: {n} sessions on {day}")
        schedule_ok = not any(x.startswith((f"{P}.repeat", f"{P}.sessions[")) for x in p)
        if "booked" in a:
            b = a["booked"]
            if not isinstance(b, dict):
                p.append(f"{P}.booked: not an object")
            else:
                for k, n in b.items():
                    if not DATE_RE.match(k):
                        p.append(f"{P}.booked: bad date {k!r}")
                        continue
                    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                        p.append(f"{P}.booked[{k}]: not a count")
                    elif n > cap:
                        p.append(f"{P}.booked[{k}]: {n} is more than capacity {cap}")
                    if schedule_ok and d(k) not in session_dates(a, d(k), d(k)):
                        p.append(f"{P}.booked[{k}]: not a session date of this activity")
    return p


def check_demo(cat: dict) -> list[str]:
    """The demo catalogue's own targets (beyond the format)."""
    p: list[str] = []
    venues, acts = cat["venues"], cat["activities"]
    vb = {v["id"]: v for v in venues}

    def need(cond, msg):
        if not cond:
            p.append(msg)

    need(len(venues) >= 70, f"need >= 70 venues, have {len(venues)}")
    kinds = Counter(v["kind"] for v in venues)
    need(set(kinds) == set(KINDS), f"venue kinds missing: {set(KINDS) - set(kinds)}")
    dists = Counter(v["district"] for v in venues)
    for code in DISTRICTS:
        need(dists[code] >= 2, f"district {code} has {dists[code]} venues, need >= 2")
    need(sum(1 for v in venues if v.get("step_free")) > len(venues) // 2, "most venues should be step-free")
    need(any(not v.get("step_free") for v in venues), "some venues should not be step-free")
    need(any("phone" in v for v in venues) and any("phone" not in v for v in venues), "phone on some venues only")
    for sid, lat, lon in SITES:
        v = vb.get(sid)
        need(v is not None and haversine_km(lat, lon, v["lat"], v["lon"]) < 0.05, f"site {sid} not at its coordinates")
        near = [x for x in venues if haversine_km(lat, lon, x["lat"], x["lon"]) <= CLUSTER_KM - 0.2]
        need(len(near) >= 11, f"site {sid}: only {len(near)} venues within {CLUSTER_KM - 0.2} km")
        need(len({x["kind"] for x in near}) >= 4, f"site {sid}: nearby kinds not varied")
        for x in near:
            need(x["district"] == v["district"] or sid != RURAL_SITE, f"{x['id']}: rural cluster crosses district")
    rural_site = vb[RURAL_SITE]
    within15 = [x for x in venues if haversine_km(rural_site["lat"], rural_site["lon"], x["lat"], x["lon"]) <= RURAL_KM]
    need(len(within15) >= 10, f"rural site: only {len(within15)} venues within {RURAL_KM} km")

    need(len(acts) >= 340, f"need >= 340 activities, have {len(acts)}")
    cats = Counter(a["category"] for a in acts)
    need(set(cats) == set(CATEGORIES), f"categories missing: {set(CATEGORIES) - set(cats)}")
    aud = Counter(x for a in acts for x in a.get("audience", ["everyone"]))
    explicit = Counter(x for a in acts for x in a.get("audience", []))
    for x in AUDIENCES:
        need(explicit[x] >= 5, f"audience {x} appears explicitly in {explicit[x]} activities, need >= 5")
    need(any("audience" not in a for a in acts), "some activities should use the default audience")
    for a in acts:
        au = a.get("audience", ["everyone"])
        need(1 <= len(au) <= 3, f"{a['id']}: audience must list 1-3 values")
    farm = [a for a in acts if "farmers" in a.get("audience", [])]
    farm_rural = [a for a in farm if VENUE_BY_ID[a["venue"]]["_rural"]]
    need(len(farm_rural) >= 0.9 * len(farm), "farmers activities should be at rural venues")
    per_venue = Counter(a["venue"] for a in acts)
    for v in venues:
        need(per_venue[v["id"]] >= 2, f"venue {v['id']} has {per_venue[v['id']]} activities, need >= 2")
    in_cluster = [a for a in acts if any(
        haversine_km(lat, lon, vb[a["venue"]]["lat"], vb[a["venue"]]["lon"]) <= CLUSTER_KM for _, lat, lon in SITES)]
    need(len(in_cluster) >= 150, f"clusters hold {len(in_cluster)} activities, need >= 150")

    rep_ok = 0
    for a in acts:
        rep = a.get("repeat")
        if rep:
            need(1 <= len(rep["days"]) <= 3, f"{a['id']}: 1-3 weekdays")
            need(TERM_FIRST <= d(rep["from"]) <= TERM_LAST, f"{a['id']}: repeat.from out of range")
            if rep["until"] == UNTIL and TERM_FIRST <= d(rep["from"]) <= TERM_LAST:
                rep_ok += 1
            st, en = minutes(rep["start_time"]), minutes(rep["end_time"])
            need(minutes(DAY_START) <= st and en <= minutes(DAY_END), f"{a['id']}: repeat time out of day")
            need(60 <= en - st <= 150, f"{a['id']}: repeat length {en - st} min")
        for s in a.get("sessions", []):
            st, en = datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"])
            need(st.utcoffset() == timedelta(hours=8), f"{a['id']}: session not at +08:00")
            need(ONEOFF_FIRST <= st.date() <= ONEOFF_LAST, f"{a['id']}: session date {st.date()} out of range")
            need(st.date() == en.date(), f"{a['id']}: session crosses midnight")
            mins = (en - st).total_seconds() / 60
            need(60 <= mins <= 150, f"{a['id']}: session length {mins} min")
            need(minutes(DAY_START) <= st.hour * 60 + st.minute and en.hour * 60 + en.minute <= minutes(DAY_END),
                 f"{a['id']}: session time out of day")
        need(8 <= a["capacity"] <= 120, f"{a['id']}: capacity {a['capacity']} out of 8-120")
        if "credits" in a:
            need(a["credits"] in (0.5, 1, 1.5, 2), f"{a['id']}: odd credits {a['credits']}")
        for k in a.get("booked", {}):
            need(BOOK_FIRST <= d(k) <= BOOK_LAST, f"{a['id']}: booked date {k} outside the booking window")
        if a.get("status") == "cancelled":
            need("booked" not in a, f"{a['id']}: cancelled activity with bookings")
        tz_len = len(a["title"]["zh-CN"])
        need(tz_len <= 14 and len(a["title"]["en-US"]) <= 50, f"{a['id']}: title too long for the kiosk")
    need(rep_ok >= 0.85 * len(acts), f"only {rep_ok}/{len(acts)} activities use the long weekly repeat")
    need(any("sessions" in a and "repeat" not in a for a in acts), "some activities should be one-off only")
    need(sum(1 for a in acts if "sessions" in a and "repeat" in a) >= 3, "a few activities should have both")
    need(sum(1 for a in acts if "except" in a.get("repeat", {})) >= 20, "some repeats should have except dates")
    need(0.35 <= sum(1 for a in acts if "credits" in a) / len(acts) <= 0.65, "credits on about half")
    need(sum(1 for a in acts if "summary" in a) >= 0.8 * len(acts), "summary on most activities")

    demo = SITES[0]
    full = [(a["id"], k) for a in acts for k, n in a.get("booked", {}).items()
            if n == a["capacity"] and d(k) <= FULL_WEEK_LAST
            and haversine_km(demo[1], demo[2], vb[a["venue"]]["lat"], vb[a["venue"]]["lon"]) <= CLUSTER_KM]
    need(len(full) >= 6, f"only {len(full)} full sessions near the demo site in the first week")
    nearly = sum(1 for a in acts for n in a.get("booked", {}).values() if 0 < a["capacity"] - n <= 3)
    need(nearly >= 20, f"only {nearly} nearly-full sessions")
    cancelled = [a for a in acts if a.get("status") == "cancelled"]
    need(len(cancelled) >= 4, "need >= 4 cancelled activities")
    for sid, lat, lon in SITES:
        need(any(haversine_km(lat, lon, vb[a["venue"]]["lat"], vb[a["venue"]]["lon"]) <= CLUSTER_KM for a in cancelled),
             f"no cancelled activity near {sid}")
    return p


def point_in_ring(x, y, ring) -> bool:
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[(i + 1) % n][0], ring[(i + 1) % n][1]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def seg_dist_km(lat, lon, a, b) -> float:
    kx = 111.32 * math.cos(math.radians(lat))
    ky = 110.57
    px, py = 0.0, 0.0
    ax, ay = (a[0] - lon) * kx, (a[1] - lat) * ky
    bx, by = (b[0] - lon) * kx, (b[1] - lat) * ky
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / L))
    cx, cy = ax + t * dx, ay + t * dy
    return math.hypot(cx - px, cy - py)


def check_districts(cat: dict, geojson: Path) -> list[str]:
    gj = json.loads(geojson.read_text(encoding="utf-8"))
    polys = {f["properties"]["adcode"]: f["geometry"]["coordinates"] for f in gj["features"]}
    p = []
    for i, v in enumerate(cat["venues"]):
        lat, lon = v["lat"], v["lon"]
        hits = [code for code, mp in polys.items()
                if any(point_in_ring(lon, lat, poly[0]) and not any(point_in_ring(lon, lat, h) for h in poly[1:])
                       for poly in mp)]
        if hits != [v["district"]]:
            p.append(f"venues[{i}] {v['id']}: lies in {hits}, not {v['district']}")
            continue
        best = min((seg_dist_km(lat, lon, ring[j], ring[j + 1])
                    for poly in polys[v["district"]] for ring in poly for j in range(len(ring) - 1)
                    if abs(ring[j][1] - lat) < 0.05 and abs(ring[j][0] - lon) < 0.06), default=99.0)
        if best < 0.3:
            p.append(f"venues[{i}] {v['id']}: only {best:.2f} km from the district border")
    return p


# --------------------------------------------------------------------------


def summary(cat: dict) -> str:
    venues, acts = cat["venues"], cat["activities"]
    vb = {v["id"]: v for v in venues}
    out = []
    out.append(f"wrote {OUT.relative_to(REPO)}: {len(venues)} venues, {len(acts)} activities")
    out.append("venues per kind:")
    k = Counter(v["kind"] for v in venues)
    out += [f"  {x:28s} {k[x]:3d}" for x in KINDS]
    out.append("venues per district:")
    dd = Counter(v["district"] for v in venues)
    ad = Counter(vb[a["venue"]]["district"] for a in acts)
    out += [f"  {c} {DISTRICTS[c][1]:12s} {dd[c]:3d} venues {ad[c]:4d} activities" for c in DISTRICTS]
    out.append("activities per category:")
    c = Counter(a["category"] for a in acts)
    out += [f"  {x:28s} {c[x]:3d}" for x in CATEGORIES]
    out.append("activities per audience (omitted audience counts as everyone; explicit in brackets):")
    au = Counter(x for a in acts for x in a.get("audience", ["everyone"]))
    ex = Counter(x for a in acts for x in a.get("audience", []))
    out += [f"  {x:28s} {au[x]:3d} ({ex[x]})" for x in AUDIENCES]
    out.append("clusters (venues / activities within the radius, kinds nearby):")
    for sid, lat, lon in SITES:
        for r in ((CLUSTER_KM, RURAL_KM) if sid == RURAL_SITE else (CLUSTER_KM,)):
            nv = [v for v in venues if haversine_km(lat, lon, v["lat"], v["lon"]) <= r]
            ids = {v["id"] for v in nv}
            na = [a for a in acts if a["venue"] in ids]
            out.append(f"  {sid:24s} {r:4.0f} km: {len(nv):3d} venues {len(na):4d} activities, "
                       f"{len({v['kind'] for v in nv})} kinds")
    in_cluster = sum(1 for a in acts if any(
        haversine_km(lat, lon, vb[a["venue"]]["lat"], vb[a["venue"]]["lon"]) <= CLUSTER_KM for _, lat, lon in SITES))
    out.append(f"  activities within {CLUSTER_KM:.0f} km of any site: {in_cluster}")
    weekly = sum(1 for a in acts if "repeat" in a)
    oneoff = sum(1 for a in acts if "repeat" not in a)
    both = sum(1 for a in acts if "repeat" in a and "sessions" in a)
    out.append(f"schedules: {weekly} weekly ({both} with an extra one-off), {oneoff} one-off only, "
               f"{sum(1 for a in acts if 'except' in a.get('repeat', {}))} with except dates")
    booked = [(a, k, n) for a in acts for k, n in a.get("booked", {}).items()]
    full = [x for x in booked if x[2] == x[0]["capacity"]]
    demo = SITES[0]
    full_demo = [x for x in full if d(x[1]) <= FULL_WEEK_LAST and haversine_km(
        demo[1], demo[2], vb[x[0]["venue"]]["lat"], vb[x[0]["venue"]]["lon"]) <= CLUSTER_KM]
    nearly = [x for x in booked if 0 < x[0]["capacity"] - x[2] <= 3]
    out.append(f"bookings: {len(booked)} sessions with seats taken, {len(full)} full "
               f"({len(full_demo)} near the demo site in 23-29 Nov), {len(nearly)} with 1-3 seats left")
    out.append(f"credits on {sum(1 for a in acts if 'credits' in a)} activities, summary on "
               f"{sum(1 for a in acts if 'summary' in a)}, cancelled: "
               + ", ".join(a["id"] for a in acts if a.get("status") == "cancelled"))
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--districts", type=Path, help="beijing-districts.geojson: also check venues lie in their district")
    args = ap.parse_args()

    cat = catalogue()
    text = json.dumps(cat, ensure_ascii=False, indent=1) + "\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    # Check what was written, read back from disk.
    written = json.loads(OUT.read_text(encoding="utf-8"))
    assert json.dumps(catalogue(), ensure_ascii=False, indent=1) + "\n" == text, "output is not deterministic"
    problems = check_format(written)
    assert not problems, "format rules broken:\n  " + "\n  ".join(problems)
    problems = check_demo(written)
    assert not problems, "demo targets missed:\n  " + "\n  ".join(problems)
    if args.districts:
        problems = check_districts(written, args.districts)
        assert not problems, "district geometry:\n  " + "\n  ".join(problems)
    print(summary(written))
    print("district geometry: " + ("checked" if args.districts else "not checked (pass --districts FILE)"))
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
