"""The six fixed sections and their default lexicon.

Weights say how strongly a term points at a section; a term in the title counts more (see
classify.py). Operators extend or replace these in briefing.toml `[[sections]]`.
"""

from __future__ import annotations

DEFAULT_SECTIONS: list[dict] = [
    {
        "id": "collaboration",
        "title": "协同创新",
        "description": "regional and cross-organisation innovation",
        "keywords": {
            "协同创新": 3, "京津冀": 2, "创新联合体": 3, "协同发展": 2, "产业协作": 2,
            "成果转化": 2, "合作协议": 2, "签约": 1.5, "签署": 1, "协同": 1, "一体化": 1,
            "长三角": 2, "粤港澳": 2, "区域": 0.5, "国际科技创新中心": 2, "联合攻关": 2,
            "产学研": 2, "科技合作": 2,
        },
    },
    {
        "id": "facilities",
        "title": "科技设施",
        "description": "major research infrastructure",
        "keywords": {
            "科学城": 3, "大科学装置": 3, "科技设施": 3, "科技基础设施": 3, "国家实验室": 2,
            "实验装置": 2, "装置": 1.5, "开放共享": 2, "国之重器": 2, "国家科学中心": 3,
            "综合性国家科学中心": 3, "研究所": 0.5, "科研设施": 2, "同步辐射": 3, "光源": 1.5,
            "超算": 2, "实验室": 1,
        },
    },
    {
        "id": "standards",
        "title": "标准化",
        "description": "international, national and group standards",
        "keywords": {
            "标准化": 3, "国际标准": 3, "国家标准": 2.5, "行业标准": 2.5, "团体标准": 2.5,
            "地方标准": 2.5, "标准体系": 2, "标准": 1.5, "ISO": 2, "IEC": 2, "ITU": 2,
            "技术指南": 1, "规范": 0.5, "计量": 1.5, "认证": 1, "市场监管": 1,
        },
    },
    {
        "id": "biomedicine",
        "title": "生物医药",
        "description": "pharma and biotech industry, drugs, devices, licensing deals, trials",
        "keywords": {
            "生物医药": 3, "创新药": 3, "药企": 3, "医药": 2, "药物": 2, "新药": 2.5,
            "授权许可": 2.5, "对外授权": 3, "临床试验": 2.5, "临床": 1, "获批上市": 2,
            "管线": 2, "医疗器械": 2.5, "疫苗": 2, "生物技术": 2, "抗体": 2, "制药": 2.5,
            "小分子": 2, "靶点": 2,
        },
    },
    {
        "id": "talent",
        "title": "人才发展",
        "description": "talent policy, skilled workforce, craftsmen, titles, recruitment",
        "keywords": {
            "人才": 2, "工匠": 3, "高技能": 3, "技能人才": 3, "技师": 2, "职称": 2.5,
            "人才引进": 3, "人才培养": 2.5, "技能": 1, "劳动模范": 1, "博士后": 2,
            "青年科技人才": 3, "工程师": 1, "引才": 3, "育才": 2,
        },
    },
    {
        "id": "health",
        "title": "卫生健康",
        "description": "public health, health services, healthy cities, smart medicine",
        "keywords": {
            "健康": 2, "卫生": 2, "卫健委": 3, "医院": 2, "医疗": 1.5, "公共卫生": 3,
            "健康城市": 3, "城市健康": 3, "智慧医疗": 3, "疾控": 3, "医保": 2.5, "患者": 1,
            "就医": 2, "影像": 1, "诊疗": 2, "基层医疗": 2.5,
        },
    },
]
