#!/usr/bin/env python3
"""Writes a synthetic reportal site: UNITS units x MONTHS months x 12 areas.

Usage: generate.py DIR [UNITS] [MONTHS]   (defaults: 50 units, 120 months = 6,000 reports)
       generate.py --province DIR [UNITS] [MONTHS]   (defaults: 22 units, 24 months)
The text is varied but deterministic (seeded), in the shape of real reports:
numbered paragraphs with dates, counts and percentages, some bold lead-ins,
about 31 KB a report (6,000 reports: about 185 MB, the corpus of issue 8).

--province writes the site of issue 16 instead: the provincial office and
its cities (named, 团市委), months up to 2025-12; three cities report from
2025-04, four units have no 2025-12 report and one has only a draft of it;
every report gives 注册志愿者 under 志愿服务重点工作. It also writes DIR/shape.json,
which says so for the tests (units, their first months, who is missing).
Without the flag the output is byte for byte what it always was, so
bench/run.sh's figures stay comparable.
"""
import json
import os
import random
import sys

AREAS = [
    "团的制度建设", "基层服务型团组织建设", "团干部队伍建设", "共青团宣传思想工作",
    "促进青年创新创业就业工作", "青年马克思主义者培养工程", "中学（中职）共青团工作",
    "少先队专业化建设工作", "两新组织和新兴领域青年工作", "青少年民族团结进步创建和对口支援工作",
    "青少年维权工作", "志愿服务重点工作",
]
VERBS = ["完成", "推进", "组织开展", "召开", "印发", "督促", "举办", "启动", "总结", "部署"]
THINGS = ["专题培训", "工作会议", "调研督导", "示范项目", "志愿服务活动", "主题团日", "评选表彰",
          "台账系统完善", "经费下拨", "青年之家建设", "网络文明宣传", "结对帮扶"]
PLACES = ["临江市", "云州市", "青石市", "南屏市", "东陵市", "北岸市", "安平市"]


def sentence(rng, month):
    day = rng.randint(1, 28)
    return (f"{month}月{day}日，{rng.choice(VERBS)}{rng.choice(PLACES)}{rng.choice(THINGS)}，"
            f"参与{rng.randint(20, 5000)}人次，完成率{rng.randint(60, 100)}.{rng.randint(0, 9)}%。")


def item(rng, month, sentences=(2, 5)):
    # Real items are paragraphs: several events, with counts, in one line.
    text = "".join(sentence(rng, month) for _ in range(rng.randint(*sentences)))
    if rng.random() < 0.3:
        text = f"**{rng.choice(THINGS)}：**" + text
    return text


def report(rng, unit, year, month, front=(), progress=(3, 8), plan=(2, 4), sentences=(2, 5)):
    lines = ["---", f"month: {year}-{month:02d}", f"unit: {unit}", f"summary: 第{month}月工作综述", *front, "---", ""]
    for number, area in enumerate(AREAS, 1):
        lines += [f"## {number}. {area}", "", "### 本月份推进情况", ""]
        lines += [f"{i}. {item(rng, month, sentences)}" for i in range(1, rng.randint(*progress) + 1)]
        lines += ["", "### 下一步推进计划", ""]
        lines += [f"{i}. {item(rng, month % 12 + 1, sentences)}" for i in range(1, rng.randint(*plan) + 1)]
        lines.append("")
    return "\n".join(lines)


CITIES = [
    ("linjiang", "临江"), ("yunzhou", "云州"), ("qingshi", "青石"), ("nanping", "南屏"), ("dongling", "东陵"),
    ("beian", "北岸"), ("anping", "安平"), ("jinchuan", "锦川"), ("baisha", "白沙"), ("qingxi", "清溪"),
    ("fengtai", "凤台"), ("shimen", "石门"), ("wangjiang", "望江"), ("fengning", "丰宁"), ("changting", "长汀"),
    ("yuanling", "沅陵"), ("taoyuan", "桃源"), ("ningyuan", "宁远"), ("haiyang", "海阳"), ("yutian", "玉田"),
    ("xingan", "兴安"),
]
LATEST = (2025, 12)


def month_back(back):
    """The month `back` months before LATEST, as (year, month)."""
    index = LATEST[0] * 12 + LATEST[1] - 1 - back
    return index // 12, index % 12 + 1


def province(root, units, months):
    """The province of issue 16: see the module's docstring."""
    rng = random.Random(2016)
    cities = CITIES[: max(0, min(units - 1, len(CITIES)))]
    site = [("province", "团省委机关")] + [(id, f"{name}团市委") for id, name in cities]
    # The last cities start late (2025-04: 9 months before the latest),
    # four before them miss the latest month, the one before those drafts it.
    late = [id for id, _ in site[-3:]] if len(site) > 8 else []
    missing = [id for id, _ in site[-7:-3]] if len(site) > 8 else []
    draft = [site[-8][0]] if len(site) > 8 else []
    late_start = month_back(min(8, months - 1))
    os.makedirs(os.path.join(root, "content"), exist_ok=True)
    with open(os.path.join(root, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 共青团江南省委员会 · 重点工作推进情况\nbase_url: https://intranet.example.org/province\nunits:\n")
        for id, name in site:
            f.write(f"  - {{ id: {id}, name: {name} }}\n")
        f.write("metrics:\n  - { id: volunteers, name: 注册志愿者, unit: 人 }\n")
    first = {}
    for number, (id, _) in enumerate(site):
        folder = os.path.join(root, "content", id)
        os.makedirs(folder, exist_ok=True)
        volunteers = 7_000_000 if id == "province" else rng.randint(200_000, 1_200_000)
        for back in range(months - 1, -1, -1):
            year, month = month_back(back)
            if id in late and (year, month) < late_start:
                continue
            if back == 0 and id in missing:
                continue
            first.setdefault(id, f"{year}-{month:02d}")
            volunteers += rng.randint(1_000, 12_000)
            front = [f"metrics:\n  志愿服务重点工作:\n    注册志愿者: {volunteers}"]
            if back == 0 and id in draft:
                front.append("draft: true")
            with open(os.path.join(folder, f"{year}-{month:02d}.md"), "w", encoding="utf-8") as f:
                # Shorter than the benchmark's (about 4 KB): the tests open
                # these pages in a browser, and only their structure matters.
                f.write(report(rng, id, year, month, front, progress=(1, 3), plan=(1, 1), sentences=(1, 2)))
    latest = f"{LATEST[0]}-{LATEST[1]:02d}"
    shape = {
        "latest": latest,
        "units": [{"id": id, "name": name, "first": first[id]} for id, name in site],
        "late": late,
        "missing": missing,
        "draft": draft,
        "reported": [id for id, _ in site if id not in missing and id not in draft],
    }
    with open(os.path.join(root, "shape.json"), "w", encoding="utf-8") as f:
        json.dump(shape, f, ensure_ascii=False, indent=1)


def main():
    args = sys.argv[1:]
    if args and args[0] == "--province":
        root = args[1]
        units = int(args[2]) if len(args) > 2 else 22
        months = int(args[3]) if len(args) > 3 else 24
        province(root, units, months)
        return
    root = sys.argv[1]
    units = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    months = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    rng = random.Random(2015)
    os.makedirs(os.path.join(root, "content"), exist_ok=True)
    with open(os.path.join(root, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 基准测试站点\nbase_url: https://intranet.example.org/bench\nunits:\n")
        for u in range(units):
            f.write(f"  - {{ id: u{u:02d}, name: 单位{u:02d} }}\n")
    for u in range(units):
        folder = os.path.join(root, "content", f"u{u:02d}")
        os.makedirs(folder, exist_ok=True)
        for m in range(months):
            year, month = 2010 + m // 12, m % 12 + 1
            with open(os.path.join(folder, f"{year}-{month:02d}.md"), "w", encoding="utf-8") as f:
                f.write(report(rng, f"u{u:02d}", year, month))


if __name__ == "__main__":
    main()
