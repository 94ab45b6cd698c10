#!/usr/bin/env python3
"""Writes N synthetic documents as zwgk import JSONL (one JSON object a line) for the
memory benchmark: titles, 文号 and 300-1,500-character bodies from policy vocabulary,
spread over the city site's catalogue columns and departments (the ones `zwgk demo`
creates, so every document gets a 索引号). Deterministic for a given --seed.

    python3 bench/gen_documents.py 100000 > docs.jsonl
"""
import argparse
import json
import random
import sys

COLUMNS = ["ywdt", "tzgg", "zcwj", "fgwj", "ghjh", "tjxx", "xzxk", "xzcf", "czyjs", "xzsyxsf",
           "zfcg", "zdjsxm", "fp", "jy", "wsjk", "shbz", "cjjy", "yjgl", "hjbh", "aqsc", "spyp",
           "cpzl", "rsxx", "qtfdgk", "szjs", "ggfw", "ggsy", "tdzs", "fwzs", "zagl", "shjz",
           "ggzypz", "ssjygk", "jytabl"]
DEPARTMENTS = ["邵阳市人民政府办公室", "邵阳市发展和改革委员会", "邵阳市财政局", "邵阳市教育局",
               "邵阳市生态环境局", "邵阳市人力资源和社会保障局", "邵阳市住房和城乡建设局",
               "邵阳市卫生健康委员会", "邵阳市市场监督管理局", "邵阳市应急管理局", "邵阳市统计局",
               "邵阳市自然资源和规划局", "邵阳市民政局", "邵阳市公安局"]
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


def body(rng: random.Random) -> str:
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int)
    ap.add_argument("--site", default="shaoyang")
    ap.add_argument("--seed", type=int, default=2017)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
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
            "body_text": body(rng),
        }
        if rng.random() < 0.1:
            doc["expires_on"] = f"{year + 1}-{month:02d}-{day:02d}"
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
