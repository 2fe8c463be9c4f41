"""The peer of benchmark (a): a plain Python loop that builds a pandas DataFrame of the same 1,000,000 points as
data/examples/bench.yaml (x = 1..1000, y = linspace(0, 1, 1000)) and writes nothing.
Run with Debian's python3-pandas: /usr/bin/python3 bench/python_baseline.py"""
import time

t0 = time.perf_counter()
import pandas as pd  # noqa: E402  (import time counts, as JVM start-up does for sweeplab)

rows = []
for x in range(1, 1001):
    for j in range(1000):
        y = j / 999.0
        rows.append({"x": x, "y": y, "value": x * 1.5 + y})
df = pd.DataFrame(rows)
print(f"python loop + DataFrame of {len(df):,} rows: {time.perf_counter() - t0:.3f} s")
