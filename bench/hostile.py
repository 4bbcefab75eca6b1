#!/usr/bin/env python3
"""Growth of `reportal check` on hostile shapes of one report: each shape
is generated at N and 4N, checked RUNS times each (alternating), and the
ratio of median times printed. Linear work gives about 4; the square of
the input gives about 16. Timing lives here, never in tests.

Usage: bench/hostile.py [N] [RUNS] [BINARY]   (default 10000 3 target/release/reportal)
"""
import os, statistics, subprocess, sys, tempfile, time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
BINARY = sys.argv[3] if len(sys.argv) > 3 else "target/release/reportal"
HEAD = "---\nmonth: 2015-01\n---\n## 团的制度建设\n\n### 本月份推进情况\n\n"

SHAPES = {
    "nested quotes": lambda n: ">" * n + " x\n",
    "nested html (refused past 256)": lambda n: "<span>" * 200 + "x\n\n" + "<b>a</b>" * n + "\n",
    "nested lists": lambda n: "".join("  " * i + "- a\n" for i in range(n // 20)),
    "emphasis runs": lambda n: "*" * n + "x" + "*" * n + "\n",
    "open brackets": lambda n: "[" * n + "x" + "]" * n + "\n",
    "cjk bold": lambda n: "**粗**" * n + "\n",
    "footnotes": lambda n: "".join(f"x[^{i}]\n" for i in range(0, n, 2)) + "\n"
    + "".join(f"[^{i}]: x\n" for i in range(n)),
    "remote images": lambda n: "".join(f"![](http://h{i}.example/x.png)\n" for i in range(n // 10)),
    "long line problems": lambda n: "".join(f"![](http://h/{i}.png) " for i in range(n // 10)) + "\n",
}


def timed(root):
    start = time.perf_counter()
    subprocess.run([BINARY, "check", "--root", root], capture_output=True)
    return time.perf_counter() - start


def site(body):
    root = tempfile.mkdtemp()
    os.makedirs(f"{root}/content")
    with open(f"{root}/content/a.md", "w") as f:
        f.write(HEAD + body)
    return root


print(f"{'shape':34} {'N':>8} {'t(N) s':>8} {'t(4N) s':>8} {'ratio':>6}")
for name, make in SHAPES.items():
    small, large = site(make(N)), site(make(4 * N))
    times = {small: [], large: []}
    for _ in range(RUNS):
        for root in (small, large):
            times[root].append(timed(root))
    a, b = statistics.median(times[small]), statistics.median(times[large])
    print(f"{name:34} {N:>8} {a:8.3f} {b:8.3f} {b / a:6.1f}")
