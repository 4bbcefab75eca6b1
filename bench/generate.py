#!/usr/bin/env python3
"""Writes a synthetic reportal site: UNITS units x MONTHS months x 12 areas.

Usage: generate.py DIR [UNITS] [MONTHS]   (defaults: 50 units, 120 months = 6,000 reports)
The text is varied but deterministic (seeded), in the shape of real reports:
numbered paragraphs with dates, counts and percentages, some bold lead-ins,
about 31 KB a report (6,000 reports: about 185 MB, the corpus of issue 8).
"""
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


def item(rng, month):
    # Real items are paragraphs: several events, with counts, in one line.
    text = "".join(sentence(rng, month) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.3:
        text = f"**{rng.choice(THINGS)}：**" + text
    return text


def report(rng, unit, year, month):
    lines = ["---", f"month: {year}-{month:02d}", f"unit: {unit}", f"summary: 第{month}月工作综述", "---", ""]
    for number, area in enumerate(AREAS, 1):
        lines += [f"## {number}. {area}", "", "### 本月份推进情况", ""]
        lines += [f"{i}. {item(rng, month)}" for i in range(1, rng.randint(3, 8) + 1)]
        lines += ["", "### 下一步推进计划", ""]
        lines += [f"{i}. {item(rng, month % 12 + 1)}" for i in range(1, rng.randint(2, 4) + 1)]
        lines.append("")
    return "\n".join(lines)


def main():
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
