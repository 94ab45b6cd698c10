#!/usr/bin/env python3
"""Writes N documents as zwgk import JSONL (one JSON object a line) for the benchmarks, with
bodies made of paragraphs sampled from the real corpus (issue 18).

    python3 bench/gen_documents.py 100000 > docs.jsonl
    python3 bench/gen_documents.py 100000 --old-text > docs.jsonl   # the generator of rounds 1-4

Every document goes to the city site's catalogue columns and departments that `zwgk demo`
creates (COLUMNS, DEPARTMENTS below), so each gets a 索引号 on import. The output is
deterministic for a given --seed and corpus, and streamed: it holds the corpus and an
8-byte digest per title given (152 MB peak at 1,000,000 documents, written in ~100 s).

What it imitates, from ../shared/data/corpus/docs.jsonl (1,551 laws, regulations and State
Council documents; ZWGK_SHARED overrides where ../shared is):

- 正文: a few generated lines that a city's document has (主送机关, the purpose sentence
  naming the subject of the title, 印发 sentence, the closing 发文机关 and date) around runs of
  consecutive paragraphs of one or two real documents (北京市 / 上海市 read as 邵阳市).
  Lengths are log-normal per kind of document: news ~600 characters, notices ~900,
  policies and regulations ~2,000, up to 12,000.
- 标题: the patterns of a city's portal, per column: 关于印发《邵阳市…办法》的通知, …条例,
  关于进一步加强…工作的意见, 关于开展2021年…工作的通知, 行政许可决定, 行政处罚决定书（文号）,
  …采购项目中标结果公告, 关于…的批复, 对市十五届人大二次会议第123号建议的答复, news
  headlines; the subjects are the cores of the corpus's titles (民用机场管理条例 → 民用机场).
- 文号: the issuing organ's prefix (邵政发, 邵政办函, 邵财预, 邵市监处罚, 邵公（治）行罚决字 …),
  the year in 〔〕 and the next number of that prefix in that year: unique, as real numbers
  are; a third of the notices and policies cite an earlier one in the body. News, procurement notices, statistics and budgets have none (about 45% of
  documents have no 文号).
- Columns and departments Zipf-like: 要闻动态 and 通知公告 hold most documents, 政府办 publishes
  about a third, and a column's own department (财政预决算 → 财政局) most of that column.
"""
import argparse
import hashlib
import json
import math
import os
import random
import re
import sys
from pathlib import Path

COLUMNS = ["ywdt", "tzgg", "zcwj", "fgwj", "ghjh", "tjxx", "xzxk", "xzcf", "czyjs", "xzsyxsf",
           "zfcg", "zdjsxm", "fp", "jy", "wsjk", "shbz", "cjjy", "yjgl", "hjbh", "aqsc", "spyp",
           "cpzl", "rsxx", "qtfdgk", "szjs", "ggfw", "ggsy", "tdzs", "fwzs", "zagl", "shjz",
           "ggzypz", "ssjygk", "jytabl"]
DEPARTMENTS = ["邵阳市人民政府办公室", "邵阳市发展和改革委员会", "邵阳市财政局", "邵阳市教育局",
               "邵阳市生态环境局", "邵阳市人力资源和社会保障局", "邵阳市住房和城乡建设局",
               "邵阳市卫生健康委员会", "邵阳市市场监督管理局", "邵阳市应急管理局", "邵阳市统计局",
               "邵阳市自然资源和规划局", "邵阳市民政局", "邵阳市公安局"]


# ---------------------------------------------------------------------------------------
# The old generator (rounds 1-4 of bench/README.md), kept byte for byte under --old-text so
# that figures can be compared across rounds: 14 sentences, 20 topics, 文号 reused.

TOPICS = ["优化营商环境", "乡村振兴", "城乡居民基本医疗保险", "义务教育均衡发展", "生态环境保护",
          "安全生产专项整治", "食品安全监督抽检", "高校毕业生就业创业", "城镇老旧小区改造",
          "政务服务“一网通办”", "防汛抗旱", "农村人居环境整治", "民营经济高质量发展", "数字政府建设",
          "耕地保护", "养老服务体系建设", "政府信息公开", "重大项目建设", "城市更新", "文化旅游融合发展"]
KINDS = ["实施方案", "工作方案", "管理办法", "实施意见", "行动计划", "工作要点", "若干措施", "实施细则"]
SENTENCES = [
    "坚持以人民为中心的发展思想，着力解决群众急难愁盼问题，切实增强人民群众的获得感、幸福感和安全感。",
    "各县市区人民政府、市直有关单位要加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处。",
    "深化“放管服”改革，推进政务服务标准化、规范化、便利化，压减办理环节和办理时限。",
    "加强资金监管，规范资金使用，提高资金使用效益，自觉接受审计监督和社会监督。",
    "按照“谁起草、谁解读”的原则，做好政策解读工作，及时回应社会关切，正确引导舆论。",
    "建立健全工作台账，实行清单化管理，定期调度工作进展，对推进不力的单位予以通报。",
    "充分利用政府网站、政务新媒体和新闻媒体，广泛宣传政策措施和工作成效，营造良好氛围。",
    "落实安全生产主体责任和部门监管责任，深入开展隐患排查治理，坚决防范和遏制重特大事故。",
    "统筹推进城乡基础设施建设和基本公共服务均等化，补齐民生短板，提升公共服务水平。",
    "严格落实保密审查制度，政府信息公开前依法依规进行保密审查，不得公开涉及国家秘密、商业秘密和个人隐私的信息。",
    "各有关单位要于每季度末向牵头部门报送工作进展情况，年底前形成书面总结报市人民政府。",
    "本文件执行中遇到的问题，请及时向牵头部门反映；上级另有规定的，从其规定。",
    "强化督查考核，将工作完成情况纳入年度绩效考核，对工作成效明显的单位和个人予以表扬。",
    "加快推进数字化转型，推动数据共享和业务协同，提升行政效能和服务水平。",
]


def old_body(rng: random.Random) -> str:
    target = rng.randint(300, 1500)
    paragraphs, length, n = [], 0, 1
    numerals = "一二三四五六七八九十"
    while length < target:
        p = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 4)))
        if n <= 10 and rng.random() < 0.4:
            p = numerals[n - 1] + "、" + p
            n += 1
        paragraphs.append(p)
        length += len(p)
    return "\n\n".join(paragraphs)


def old_documents(args, out) -> None:
    rng = random.Random(args.seed)
    for i in range(1, args.count + 1):
        year = rng.randint(2012, 2024)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        topic, kind = rng.choice(TOPICS), rng.choice(KINDS)
        dept = rng.choice(DEPARTMENTS)
        title = f"{dept}关于印发《邵阳市{topic}{kind}》的通知" if rng.random() < 0.6 else f"邵阳市{year}年{topic}{kind}"
        doc = {
            "external_id": f"bench-{i}",
            "site": args.site,
            "catalogue": rng.choice(COLUMNS),
            "department": dept,
            "title": title,
            "doc_number": f"邵政办发〔{year}〕{rng.randint(1, 120)}号",
            "issuer": dept,
            "written_on": f"{year}-{month:02d}-{max(1, day - 2):02d}",
            "published_on": f"{year}-{month:02d}-{day:02d}",
            "disclosure": "主动公开",
            "effective_on": f"{year}-{month:02d}-{day:02d}",
            "topic": topic,
            "body_text": old_body(rng),
        }
        if rng.random() < 0.1:
            doc["expires_on"] = f"{year + 1}-{month:02d}-{day:02d}"
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------
# The realistic generator.

GOVERNMENT = "邵阳市人民政府"
OFFICE = DEPARTMENTS[0]
# Short names (as in `zwgk demo`), 主题分类 and the 文号 prefixes of each department, the most
# used first. The 政府办 publishes for the 市人民政府 too (邵政发, 邵政函).
DEPT_INFO = {
    "邵阳市人民政府办公室": ("市政府办", "综合政务", ["邵政办发", "邵政办函", "邵政办明电"]),
    "邵阳市发展和改革委员会": ("市发改委", "国民经济管理、国有资产监管", ["邵发改发", "邵发改函", "邵发改投资", "邵发改价格"]),
    "邵阳市财政局": ("市财政局", "财政、金融、审计", ["邵财发", "邵财预", "邵财行", "邵财采"]),
    "邵阳市教育局": ("市教育局", "科技、教育", ["邵教发", "邵教通", "邵教函"]),
    "邵阳市生态环境局": ("市生态环境局", "城乡建设、环境保护", ["邵环发", "邵环函", "邵环评"]),
    "邵阳市人力资源和社会保障局": ("市人社局", "劳动、人事、监察", ["邵人社发", "邵人社函"]),
    "邵阳市住房和城乡建设局": ("市住建局", "城乡建设、环境保护", ["邵建发", "邵建函"]),
    "邵阳市卫生健康委员会": ("市卫健委", "卫生、体育", ["邵卫发", "邵卫函", "邵卫健通"]),
    "邵阳市市场监督管理局": ("市市场监管局", "市场监管、安全生产监管", ["邵市监发", "邵市监函", "邵市监许"]),
    "邵阳市应急管理局": ("市应急管理局", "市场监管、安全生产监管", ["邵应急发", "邵应急函"]),
    "邵阳市统计局": ("市统计局", "国民经济管理、国有资产监管", ["邵统发", "邵统字"]),
    "邵阳市自然资源和规划局": ("市自然资源和规划局", "国土资源、能源", ["邵自然资发", "邵自然资函", "邵自然资规"]),
    "邵阳市民政局": ("市民政局", "民政、扶贫、救灾", ["邵民发", "邵民函"]),
    "邵阳市公安局": ("市公安局", "公安、安全、司法", ["邵公发", "邵公通"]),
}
GOVERNMENT_PREFIXES = ["邵政发", "邵政函", "邵政"]
PENALTY_PREFIXES = {  # 行政处罚决定书
    "邵阳市市场监督管理局": "邵市监处罚", "邵阳市生态环境局": "邵环罚", "邵阳市应急管理局": "邵应急罚",
    "邵阳市公安局": "邵公（治）行罚决字", "邵阳市自然资源和规划局": "邵自然资罚", "邵阳市住房和城乡建设局": "邵建罚",
    "邵阳市卫生健康委员会": "邵卫监罚", "邵阳市人力资源和社会保障局": "邵人社监罚",
}
# Words a department's subjects are chosen by (else any subject of the corpus).
DEPT_WORDS = {
    "邵阳市发展和改革委员会": "价格 投资 能源 电力 粮食 项目 经济 规划 招标 石油 天然气 节约",
    "邵阳市财政局": "财政 预算 会计 税 资金 采购 国有资产 彩票 审计 票据 金融 保险",
    "邵阳市教育局": "教育 学校 教师 学位 学生 幼儿 职业 科学 体育 语言",
    "邵阳市生态环境局": "环境 污染 排放 废物 噪声 生态 自然保护 放射 大气 水 臭氧",
    "邵阳市人力资源和社会保障局": "就业 劳动 工资 社会保险 工伤 人才 职业 养老 失业 公务员 年休假",
    "邵阳市住房和城乡建设局": "建筑 建设 住房 房地产 物业 城市 燃气 供水 排水 市容 勘察 工程",
    "邵阳市卫生健康委员会": "医疗 卫生 疾病 传染病 药 中医 母婴 献血 健康 医师 护士 精神",
    "邵阳市市场监督管理局": "市场 食品 质量 标准 计量 价格 广告 消费者 商标 认证 特种设备 登记 企业",
    "邵阳市应急管理局": "安全生产 事故 应急 危险化学品 消防 地震 防汛 矿山 烟花爆竹 救灾",
    "邵阳市统计局": "统计 普查 调查 经济",
    "邵阳市自然资源和规划局": "土地 矿产 测绘 规划 地质 森林 海域 草原 不动产 耕地",
    "邵阳市民政局": "社会 救助 养老 殡葬 婚姻 收养 社会团体 慈善 地名 优抚 残疾人 社区 志愿",
    "邵阳市公安局": "治安 交通 户口 居民身份证 枪支 出境 入境 消防 道路 禁毒 保安 看守",
}
PLACES = ["邵阳市"] * 12 + ["双清区", "大祥区", "北塔区", "邵东市", "武冈市", "新邵县", "邵阳县", "隆回县",
                           "洞口县", "绥宁县", "新宁县", "城步苗族自治县", "邵阳经济开发区"]
TOWNS = ["酿溪镇", "雀塘镇", "两市镇", "桃花坪街道", "竹市镇", "花门街道", "长阳铺镇", "金称市镇", "黄亭市镇",
         "滩头镇", "山门镇", "高沙镇", "黄桥镇", "金石镇", "儒林镇", "大桥镇", "火厂坪镇", "云山街道", "渡头桥镇"]
# Brands and project names: pairs of these characters (60 x 60).
BRAND_CHARS = "宏达盛泰华兴鑫源恒通金宝隆昌永福瑞丰广信博远新合嘉和天益佳中德安康荣旺万利正鼎汇诚明亿凯华辉创联宇东方湘资江邵"
INDUSTRIES = ["建材", "商贸", "食品", "药业", "物流", "建筑工程", "房地产开发", "农业开发", "电子", "机械制造",
              "矿业", "餐饮管理", "酒店管理", "汽车销售", "科技", "水务", "纺织", "印刷", "旅游开发", "环保科技",
              "医疗器械", "置业", "石化", "竹木制品", "服饰", "燃气", "劳务", "粮油", "茶业", "生物科技"]
COMPANY_FORMS = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "商行", "经营部"]
LICENCES = ["食品经营许可", "建筑工程施工许可", "排污许可", "危险化学品经营许可", "药品经营许可", "取水许可",
            "建设用地规划许可", "道路运输经营许可", "医疗机构执业许可", "烟花爆竹经营许可", "特种设备使用登记",
            "人力资源服务许可", "民办学校办学许可", "公共场所卫生许可", "建设工程规划许可", "城镇污水排入排水管网许可"]
VIOLATIONS = ["未按规定公示信息", "销售不合格产品", "无证经营", "超标排放污染物", "未落实安全生产主体责任",
              "违法发布广告", "价格违法", "未依法取得许可擅自施工", "非法占用耕地", "违反治安管理规定",
              "未按规定进行危险化学品登记", "生产经营过期食品", "拒不执行限期整改决定", "违规使用特种设备"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志宏文斌海波宇浩凯健俊帆帅旭宁亮飞琳晶婷雪慧莉云春"
LEADERS = ["市长刘事青", "常务副市长龚文密", "副市长王永红", "副市长陈启明", "副市长周迎春", "副市长邓星", "副市长罗树林"]
VERBS = ["加强", "进一步加强", "做好", "切实做好", "推进", "加快推进", "全面推进", "规范", "进一步规范", "深化",
         "完善", "建立健全", "全面推行", "落实", "开展", "优化"]
POLICY_KINDS = ["实施方案", "工作方案", "管理办法", "实施意见", "行动计划", "工作要点", "若干措施", "实施细则",
                "考核办法", "暂行办法", "应急预案", "专项整治方案", "三年行动计划", "工作制度", "操作规程", "资金管理办法"]
RULE_KINDS = ["管理办法", "管理规定", "条例", "实施细则", "暂行办法", "若干规定", "实施办法"]
MEETINGS = ["工作推进会", "工作调度会", "工作座谈会", "工作部署会", "工作培训班", "现场观摩会", "工作会议"]
NEWS_OUTCOMES = ["取得新成效", "取得阶段性成效", "迈出新步伐", "交出亮眼答卷", "走在全省前列", "获省级表彰"]
HOLIDAYS = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
INDICATORS = ["主要经济指标", "居民消费价格指数", "规模以上工业生产情况", "固定资产投资情况", "社会消费品零售总额",
              "农村居民人均可支配收入", "城镇居民人均可支配收入", "用电量", "财政收支情况", "进出口情况",
              "规模以上服务业营业收入", "商品房销售情况", "就业情况", "金融机构存贷款情况"]
NUMERALS = "一二三四五六七八九十"
DIGIT_RUN = re.compile(r"\d[\d \-]{9,}\d")  # \d: ASCII and full-width digits


def zipf_weights(n: int, s: float = 1.0) -> list:
    return [1 / (k ** s) for k in range(1, n + 1)]


# Columns from the largest to the smallest (a city portal's spread), weight 1/rank.
COLUMN_ORDER = ["ywdt", "tzgg", "zcwj", "xzxk", "xzcf", "zfcg", "fgwj", "rsxx", "ghjh", "tjxx", "czyjs",
                "zdjsxm", "ggzypz", "shbz", "jy", "wsjk", "hjbh", "aqsc", "spyp", "yjgl", "fp", "cjjy", "shjz",
                "xzsyxsf", "tdzs", "fwzs", "szjs", "ggfw", "ssjygk", "cpzl", "zagl", "ggsy", "jytabl", "qtfdgk"]
assert sorted(COLUMN_ORDER) == sorted(COLUMNS)
COLUMN_WEIGHTS = zipf_weights(len(COLUMN_ORDER), 1.0)
DEPT_WEIGHTS = zipf_weights(len(DEPARTMENTS), 1.1)
DEPT_WEIGHTS[0] *= 1.5  # 政府办
# A column's own departments (they publish `share` of it; the rest by DEPT_WEIGHTS).
COLUMN_DEPTS = {
    "czyjs": ("邵阳市财政局", 0.6), "xzsyxsf": ("邵阳市财政局 邵阳市发展和改革委员会", 0.7),
    "zfcg": ("邵阳市财政局", 0.5), "zdjsxm": ("邵阳市发展和改革委员会", 0.7), "jy": ("邵阳市教育局", 0.8),
    "wsjk": ("邵阳市卫生健康委员会", 0.8), "shbz": ("邵阳市人力资源和社会保障局 邵阳市民政局", 0.7),
    "cjjy": ("邵阳市人力资源和社会保障局", 0.8), "rsxx": ("邵阳市人力资源和社会保障局", 0.4),
    "hjbh": ("邵阳市生态环境局", 0.8), "aqsc": ("邵阳市应急管理局", 0.8), "yjgl": ("邵阳市应急管理局", 0.7),
    "spyp": ("邵阳市市场监督管理局", 0.9), "cpzl": ("邵阳市市场监督管理局", 0.9),
    "xzxk": ("邵阳市市场监督管理局 邵阳市自然资源和规划局 邵阳市住房和城乡建设局 邵阳市生态环境局", 0.7),
    "xzcf": ("邵阳市市场监督管理局 邵阳市生态环境局 邵阳市应急管理局 邵阳市公安局 邵阳市自然资源和规划局", 0.8),
    "tjxx": ("邵阳市统计局", 0.8), "tdzs": ("邵阳市自然资源和规划局", 0.8), "fwzs": ("邵阳市住房和城乡建设局", 0.8),
    "szjs": ("邵阳市住房和城乡建设局", 0.7), "zagl": ("邵阳市公安局", 0.9), "shjz": ("邵阳市民政局", 0.8),
    "ggsy": ("邵阳市民政局", 0.5), "fp": ("邵阳市民政局 邵阳市人民政府办公室", 0.6),
    "ggzypz": ("邵阳市财政局 邵阳市自然资源和规划局", 0.6), "ssjygk": ("邵阳市市场监督管理局", 0.6),
}
# Title families per column (family, weight); families in title() below.
GENERIC = [("policy", 4), ("notice", 3), ("report", 1)]
COLUMN_FAMILIES = {
    "ywdt": [("news", 1)],
    "tzgg": [("notice", 6), ("policy", 1), ("holiday", 0.05)],
    "zcwj": [("policy", 6), ("rule", 1), ("notice", 1)],
    "fgwj": [("rule", 3), ("policy", 2)],
    "ghjh": [("plan", 3), ("policy", 1)],
    "tjxx": [("statistics", 3), ("notice", 1), ("report", 1)],
    "xzxk": [("licence", 5), ("notice", 1)],
    "xzcf": [("penalty", 5), ("notice", 1)],
    "czyjs": [("budget", 2), ("policy", 1), ("report", 1)],
    "zfcg": [("procurement", 1)],
    "zdjsxm": [("approval", 3), ("notice", 1)],
    "rsxx": [("appointment", 2), ("recruitment", 1)],
    "jytabl": [("reply", 1)],
}


def chinese_date(year: int, month: int, day: int) -> str:
    return f"{year}年{month}月{day}日"


def five_year_plan(year: int) -> str:
    return "“十二五”" if year <= 2015 else "“十三五”" if year <= 2020 else "“十四五”"


class Corpus:
    """The paragraphs of the real corpus (one list per document), the subjects of its titles
    and the national laws' names, read once."""

    def __init__(self, path: Path):
        self.docs = []          # [[paragraph, ...], ...]
        self.subjects = []      # 民用机场, 中医药, ...
        self.laws = []          # 《中华人民共和国…法》 names
        self.actions = []       # gov.cn titles' 关于 … 的意见 phrases
        seen = set()
        with path.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                body = d["body"]
                if "\n\n" in body:
                    raw = body.split("\n\n")
                else:  # the gov.cn pages: one line a paragraph, after the title, 文号 and 主送 lines
                    raw = body.split("\n")
                    head = next((k for k, p in enumerate(raw[:8]) if p.endswith("：")), -1)
                    raw = raw[head + 1:]
                paragraphs = [self.localise(p.strip()) for p in raw]
                paragraphs = [p for p in paragraphs if p and self.publishable(p)]
                if paragraphs:
                    self.docs.append(paragraphs)
                title = d["title"]
                if title.startswith("中华人民共和国") and title.endswith("法") and len(title) < 24:
                    self.laws.append(title)
                for s in self.title_cores(title):
                    if s not in seen:
                        seen.add(s)
                        self.subjects.append(s)
        if not self.docs or not self.subjects:
            raise SystemExit(f"gen_documents.py: no documents in {path}")
        self.by_dept = {}
        for dept, words in DEPT_WORDS.items():
            pool = [s for s in self.subjects if any(w in s for w in words.split())]
            self.by_dept[dept] = pool if len(pool) >= 20 else self.subjects

    @staticmethod
    def localise(p: str) -> str:
        return p.replace("北京市", "邵阳市").replace("上海市", "邵阳市")

    @staticmethod
    def publishable(p: str) -> bool:
        """Leaves out what the privacy guard would stop at import (e-mail addresses, runs of
        digits that could be 手机号码, 身份证号码 or 银行卡号): none in this corpus, but a
        new version could have some."""
        return "@" not in p and "＠" not in p and not DIGIT_RUN.search(p)

    def title_cores(self, title: str):
        t = title
        actions = None
        for prefix in ("国务院办公厅、中央军委办公厅关于", "国务院办公厅关于", "国务院关于", "全国人民代表大会常务委员会关于"):
            if t.startswith(prefix):
                t = t[len(prefix):]
                if t.endswith(("的意见", "的通知", "的指导意见")) and "印发" not in t:
                    actions = t.rsplit("的", 1)[0]
        if actions and 6 <= len(actions) <= 40:
            self.actions.append(actions)
        if "《" in t:
            inner = t[t.index("《") + 1:t.index("》")] if "》" in t else ""
            t = inner
        for prefix in ("中华人民共和国", "中国人民解放军", "邵阳市", "北京市", "上海市", "国务院", "关于", "全国", "国家"):
            if t.startswith(prefix):
                t = t[len(prefix):]
        while t.endswith("）") and "（" in t:
            t = t[:t.rindex("（")]
        for suffix in ("实施细则", "实施条例", "实施办法", "管理条例", "管理办法", "管理规定", "暂行条例", "暂行规定",
                       "暂行办法", "试行办法", "若干规定", "议事规则", "条例", "办法", "规定", "细则", "规则", "决定",
                       "法", "的通知", "的意见", "的批复", "的复函", "的答复"):
            if t.endswith(suffix):
                t = t[:-len(suffix)]
                break
        t = t.rstrip("的")
        if t.endswith("工作"):
            t = t[:-2]
        if 2 <= len(t) <= 16 and not any(c in t for c in "《》“”、，0123456789第"):
            yield t


class Generator:
    def __init__(self, corpus: Corpus, rng: random.Random, site: str):
        self.c = corpus
        self.rng = rng
        self.site = site
        self.numbers = {}  # (prefix, year) -> last number given
        self.cited_keys = []  # the keys of self.numbers in the order first given (deterministic)
        self.titles = set()  # 8-byte digests of the titles given (~70 MB at 1,000,000)
        self.column_cum = self.cumulative(COLUMN_WEIGHTS)
        self.dept_cum = self.cumulative(DEPT_WEIGHTS)
        years = list(range(2012, 2025))
        self.years = years
        self.year_cum = self.cumulative([1 + 0.25 * i for i in range(len(years))])  # more recent, more

    @staticmethod
    def cumulative(weights):
        out, total = [], 0.0
        for w in weights:
            total += w
            out.append(total)
        return out

    def pick(self, items, cum):
        return items[self.bisect(cum, self.rng.random() * cum[-1])]

    @staticmethod
    def bisect(cum, x):
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        x = self.rng.random() * total
        for value, w in pairs:
            x -= w
            if x < 0:
                return value
        return pairs[-1][0]

    def number(self, prefix: str, year: int) -> str:
        key = (prefix, year)
        if key not in self.numbers:
            self.cited_keys.append(key)
        n = self.numbers.get(key, 0) + 1
        self.numbers[key] = n
        return f"{prefix}〔{year}〕{n}号"

    def cited_number(self, year: int):
        """A 文号 given earlier (a third of the time), as a document cites the one it implements
        (根据邵政发〔2018〕12号文件精神): a 文号 query also finds the documents that cite it."""
        r = self.rng
        if r.random() >= 0.35 or not self.numbers:
            return None
        prefix, y = r.choice(self.cited_keys) if self.cited_keys else (None, None)
        if prefix is None or y > year:
            return None
        return f"{prefix}〔{y}〕{r.randint(1, self.numbers[(prefix, y)])}号"

    def name(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def brand(self) -> str:
        r = self.rng
        a = r.choice(BRAND_CHARS)
        b = r.choice(BRAND_CHARS)
        return a + b if a != b else a + "正"

    def company(self) -> str:
        r = self.rng
        place = r.choice(PLACES[12:]) if r.random() < 0.5 else "邵阳"
        place = place.replace("苗族自治县", "").replace("经济开发区", "经开区").rstrip("市县区") if place != "邵阳" else place
        return f"{place}{self.brand()}{r.choice(INDUSTRIES)}{r.choice(COMPANY_FORMS)}"

    def place(self) -> str:
        return self.rng.choice(PLACES)

    def subject(self, dept: str) -> str:
        pool = self.c.by_dept.get(dept) if self.rng.random() < 0.7 else None
        return self.rng.choice(pool or self.c.subjects)

    def title(self, family, dept, org, year, month, day):
        """(title, subject, 文号 prefix or None, kind of body)"""
        r = self.rng
        s = self.subject(dept)
        short = DEPT_INFO[dept][0]
        prefixes = GOVERNMENT_PREFIXES if org == GOVERNMENT else DEPT_INFO[dept][2]
        prefix = prefixes[0] if r.random() < 0.6 else r.choice(prefixes)
        if family == "policy":
            form = r.random()
            if form < 0.45:
                kind = r.choice(POLICY_KINDS)
                lead = f"{year}年" if kind == "工作要点" else ""
                tail = "（试行）" if r.random() < 0.1 else ""
                return f"{org}关于印发《{self.place()}{lead}{s}{kind}{tail}》的通知", s, prefix, "issue"
            if form < 0.85:
                return f"{org}关于{r.choice(VERBS)}{s}工作的{r.choice(('意见', '实施意见', '指导意见', '通知', '通知'))}", s, prefix, "policy"
            if form < 0.95 and self.c.laws:
                return f"{org}关于贯彻实施《{r.choice(self.c.laws)}》的{r.choice(('通知', '意见'))}", s, prefix, "policy"
            if self.c.actions:
                return f"{org}关于{r.choice(self.c.actions)}的{r.choice(('实施意见', '通知'))}", s, prefix, "policy"
        if family == "rule":
            if r.random() < 0.2 and self.c.laws:
                law = r.choice(self.c.laws)
                return f"邵阳市实施《{law}》办法", law, prefix, "rule"
            tail = "（试行）" if r.random() < 0.15 else "（修订）" if r.random() < 0.05 else ""
            return f"{self.place()}{s}{r.choice(RULE_KINDS)}{tail}", s, prefix, "rule"
        if family == "plan":
            form = r.random()
            if form < 0.4:
                return f"{self.place()}{year}年{s}工作要点", s, prefix, "issue"
            if form < 0.7:
                return f"{self.place()}{five_year_plan(year)}{s}发展规划", s, None, "policy"
            return f"{org}关于印发《{self.place()}{s}{r.choice(('三年行动计划', '专项规划', '实施方案'))}》的通知", s, prefix, "issue"
        if family == "notice":
            form = r.random()
            if form < 0.3:
                return (f"{org}关于开展{year}年{s}{r.choice(('专项检查', '评估', '申报', '考核', '培训', '普查', '宣传月'))}"
                        f"工作的通知", s, prefix if r.random() < 0.6 else None, "notice")
            if form < 0.5:
                return f"{org}关于{s}有关事项的{r.choice(('通知', '公告', '通告'))}", s, prefix if r.random() < 0.7 else None, "notice"
            if form < 0.7:
                what = r.choice(("拟认定", "拟推荐", "拟命名", "拟表彰", "评审结果"))
                return f"关于{year}年{self.place()}{s}{what}名单的公示", s, None, "notice"
            if form < 0.8:
                kind = r.choice(POLICY_KINDS)
                return f"关于征求《{self.place()}{s}{kind}（征求意见稿）》意见的公告", s, None, "notice"
            if form < 0.9:
                town = r.choice(TOWNS)
                return f"{org}关于{r.choice(PLACES[12:])}{town}{s}工作情况的通报", s, prefix, "notice"
            return f"{org}关于{r.choice(VERBS)}{year}年{s}工作的通知", s, prefix, "notice"
        if family == "report":
            form = r.random()
            if form < 0.5:
                return f"{org}关于{year}年{s}工作情况的报告", s, prefix if r.random() < 0.5 else None, "notice"
            return f"{short}{year}年{s}工作总结和{year + 1}年工作计划", s, None, "notice"
        if family == "news":
            form = r.random()
            if form < 0.25:
                return f"{self.place()}召开{s}{r.choice(MEETINGS)}", s, None, "news"
            if form < 0.45:
                return f"{r.choice(LEADERS)}{r.choice(('调研', '督导', '检查'))}{r.choice(PLACES[12:])}{s}工作", s, None, "news"
            if form < 0.65:
                return (f"{short}{r.choice(('开展', '组织开展', '启动'))}{s}"
                        f"{r.choice(('宣传活动', '专项检查', '集中整治行动', '业务培训', '知识竞赛'))}"), s, None, "news"
            if form < 0.8:
                return f"{r.choice(PLACES[12:])}{r.choice(TOWNS)}{s}工作{r.choice(NEWS_OUTCOMES)}", s, None, "news"
            if form < 0.9:
                return f"{month}月{day}日{self.place()}举行{s}{r.choice(('签约仪式', '启动仪式', '新闻发布会', '培训班'))}", s, None, "news"
            return f"我市{s}工作{r.choice(NEWS_OUTCOMES)}", s, None, "news"
        if family == "licence":
            if r.random() < 0.8:
                return f"{org}关于{self.company()}{r.choice(LICENCES)}的行政许可决定", s, prefix, "notice"
            return f"{org}{year}年{month}月行政许可事项办理结果公示（第{r.randint(1, 60)}批）", s, None, "notice"
        if family == "penalty":
            p = PENALTY_PREFIXES.get(dept, prefix)
            if r.random() < 0.6:
                number = self.number(p, year)
                return f"{org}行政处罚决定书（{number}）", s, number, "notice"
            return f"关于对{self.company()}{r.choice(VIOLATIONS)}的行政处罚决定", s, p, "notice"
        if family == "budget":
            unit = dept if r.random() < 0.5 else dept + r.choice(("机关", "本级", "所属事业单位", "下属二级单位"))
            what = r.choice(("部门预算", "部门决算", "部门预算公开说明", "部门决算公开说明", "“三公”经费预算情况说明"))
            return f"{unit}{year}年{what}", s, None, "notice"
        if family == "procurement":
            project = f"{year}年{self.place()}{s}{r.choice(('服务', '设备采购', '信息化建设', '维修改造工程', '咨询服务'))}"
            stage = r.choice(("公开招标公告", "竞争性磋商公告", "中标（成交）结果公告", "更正公告", "合同公告", "废标公告"))
            return f"{project}项目（{r.choice(('SYCG', 'SYZC', 'HNZC'))}-{year}-{r.randint(1, 9999):04d}）{stage}", s, None, "notice"
        if family == "approval":
            work = r.choice(("道路", "大道", "片区", "产业园", "污水处理厂", "学校", "医院", "安置小区", "农贸市场", "桥梁"))
            project = f"{r.choice(PLACES[12:])}{self.brand()}{work}{r.choice(('新建', '改扩建', '提质改造'))}工程"
            stage = r.choice(("可行性研究报告", "初步设计", "项目建议书", "概算调整"))
            p = "邵发改投资" if dept == "邵阳市发展和改革委员会" else prefix
            return f"{org}关于{project}{stage}的批复", project, p, "notice"
        if family == "appointment":
            names = self.name()
            if r.random() < 0.6:
                names += f"等{r.randint(2, 12)}名同志"
                return f"{org}关于{names}职务任免的通知", s, "邵政任" if org == GOVERNMENT else prefix, "notice"
            return f"{org}关于{names}同志任职的通知", s, "邵政任" if org == GOVERNMENT else prefix, "notice"
        if family == "recruitment":
            unit = f"{short}{r.choice(('所属事业单位', '直属事业单位', ''))}"
            what = r.choice(("公开招聘工作人员公告", "公开招聘拟聘用人员名单公示", "公开招聘资格审查结果公告",
                             "公开招聘笔试成绩公示", "公开选调工作人员公告"))
            return f"{year}年{unit}{what}（第{r.randint(1, 6)}号）", s, None, "notice"
        if family == "statistics":
            if r.random() < 0.8:
                return f"{self.place()}{year}年{month}月{r.choice(INDICATORS)}", s, None, "news"
            return f"{self.place()}{year}年国民经济和社会发展统计公报", s, None, "policy"
        if family == "holiday":
            return f"{org}关于{year}年{r.choice(HOLIDAYS)}放假安排的通知", s, prefix, "notice"
        if family == "reply":
            body = r.choice(("人大", "政协"))
            session = f"十{r.choice(('五', '六'))}届{NUMERALS[r.randint(0, 4)]}次会议第{r.randint(1, 480)}号"
            what = "建议" if body == "人大" else "提案"
            where = "市" + ("人大" if body == "人大" else "政协")
            return f"{org}关于对{where}{session}{what}的答复", s, prefix, "notice"
        return self.title("policy", dept, org, year, month, day)

    def paragraphs(self, target: int):
        """Runs of consecutive paragraphs from one or two corpus documents, ~target characters."""
        r = self.rng
        out, length = [], 0
        while length < target:
            doc = r.choice(self.c.docs)
            i = r.randrange(len(doc))
            budget = target - length if out else r.randint(target // 2, target)
            got = 0
            while i < len(doc) and got < budget:
                out.append(doc[i])
                got += len(doc[i])
                i += 1
            length += got
        return out

    def body(self, kind, title, subject, org, year, month, day) -> str:
        r = self.rng
        lengths = {"news": (600, 0.5), "notice": (900, 0.6), "issue": (2000, 0.6), "policy": (2200, 0.6), "rule": (2500, 0.6)}
        median, sigma = lengths[kind]
        target = max(150, min(12000, int(math.exp(math.log(median) + sigma * r.gauss(0, 1)))))
        head, tail = [], []
        if kind == "news":
            head.append(f"{month}月{day}日，{r.choice(PLACES)}{subject}相关工作会议召开。会议听取了{subject}工作情况汇报，"
                        f"研究部署下一阶段{subject}工作。")
        elif kind == "rule":
            head.append(f"第一条 为了加强{subject}管理，根据有关法律、法规的规定，结合本市实际，制定本办法。")
            tail.append(f"本办法自{chinese_date(year, month, day)}起施行。")
        else:
            if org == GOVERNMENT:
                head.append("各县市区人民政府，市直有关单位：")
            elif org == OFFICE:
                head.append("各县市区人民政府，市政府各工作部门、直属机构：")
            else:
                head.append(f"各县市区{DEPT_INFO[org][0][1:] if org in DEPT_INFO else '有关单位'}，局机关各科室、直属各单位：")
            if kind == "issue" and "《" in title:
                inner = title[title.index("《"):title.index("》") + 1]
                head.append(f"现将{inner}印发给你们，请结合实际，认真贯彻执行。")
            else:
                basis = "有关法律法规和上级文件精神"
                cited = self.cited_number(year)
                if cited:
                    basis = f"{cited}文件精神"
                head.append(f"为{r.choice(VERBS)}{subject}工作，根据{basis}，结合我市实际，现就有关事项通知如下：")
            tail.append(f"{org}\n{chinese_date(year, month, day)}")
        text = self.paragraphs(target)
        if kind not in ("news", "rule") and r.random() < 0.5:  # numbered sections: 一、二、...
            n = 0
            for i in range(0, len(text), max(1, len(text) // 5)):
                if n < 10 and len(text[i]) >= 20 and not text[i].startswith("第"):
                    text[i] = NUMERALS[n] + "、" + text[i]
                    n += 1
        return "\n\n".join(head + text + tail)

    def document(self, i: int) -> dict:
        r = self.rng
        column = self.pick(COLUMN_ORDER, self.column_cum)
        own = COLUMN_DEPTS.get(column)
        if own and r.random() < own[1]:
            dept = r.choice(own[0].split())
        else:
            dept = self.pick(DEPARTMENTS, self.dept_cum)
        year = self.pick(self.years, self.year_cum)
        month, day = r.randint(1, 12), r.randint(1, 28)
        family = self.weighted(COLUMN_FAMILIES.get(column, GENERIC))
        org = dept
        if dept == OFFICE and r.random() < 0.45 and family not in ("news", "budget", "procurement", "recruitment"):
            org = GOVERNMENT
        # A title already given is drawn again (three times in its family, then as a policy
        # document): real titles name one thing each; the 放假安排 kind of repeat remains.
        for attempt in range(6):
            title, subject, prefix, kind = self.title(family if attempt < 3 else "policy", dept, org, year, month, day)
            digest = hashlib.blake2b(title.encode(), digest_size=8).digest()
            if digest not in self.titles:
                break
        self.titles.add(digest)
        number = ""
        if prefix and "〔" in prefix:  # the title carries the number (行政处罚决定书)
            number = prefix
        elif prefix and r.random() < 0.92:
            number = self.number(prefix, year)
        written = max(1, day - r.randint(0, 5))
        doc = {
            "external_id": f"bench-{i}",
            "site": self.site,
            "catalogue": column,
            "department": dept,
            "title": title,
            "doc_number": number,
            "issuer": org,
            "written_on": f"{year}-{month:02d}-{written:02d}",
            "published_on": f"{year}-{month:02d}-{day:02d}",
            "disclosure": "主动公开",
            "effective_on": f"{year}-{month:02d}-{day:02d}",
            "topic": DEPT_INFO[dept][1],
            "body_text": self.body(kind, title, subject, org, year, month, day),
        }
        if family in ("policy", "rule", "plan") and r.random() < 0.1:
            doc["expires_on"] = f"{year + r.choice((1, 2, 3, 5))}-{month:02d}-{day:02d}"
        return doc


def corpus_path() -> Path:
    shared = os.environ.get("ZWGK_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[2] / "shared"
    return root / "data" / "corpus" / "docs.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int)
    ap.add_argument("--site", default="shaoyang")
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--old-text", action="store_true",
                    help="the generator of rounds 1-4 (14 sentences, 文号 reused), for comparisons")
    ap.add_argument("--corpus", type=Path, default=None, help="docs.jsonl (default: ZWGK_SHARED or ../shared)")
    args = ap.parse_args()
    out = sys.stdout
    if args.old_text:
        old_documents(args, out)
        return 0
    path = args.corpus or corpus_path()
    if not path.is_file():
        print(f"gen_documents.py: corpus not found at {path} (set ZWGK_SHARED, pass --corpus, or use --old-text)",
              file=sys.stderr)
        return 2
    gen = Generator(Corpus(path), random.Random(args.seed), args.site)
    buf = []
    for i in range(1, args.count + 1):
        buf.append(json.dumps(gen.document(i), ensure_ascii=False))
        if len(buf) == 1000:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
