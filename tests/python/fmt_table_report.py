# Formatting a table with alignment, numeric precision and totals using several formatting styles.
rows = [("Widget", 4, 3.5), ("Gizmo", 12, 0.25), ("Thingamajig", 1, 199.99), ("Doohickey", 1000, 0.1)]
print(f"{'Item':<12}{'Qty':>6}{'Price':>10}{'Total':>12}")
print("-" * 40)
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12}{qty:>6d}{price:>10.2f}{total:>12,.2f}")
print("-" * 40)
print("{:<12}{:>6}{:>10}{:>12,.2f}".format("TOTAL", sum(r[1] for r in rows), "", grand))
print("%-12s%6d%10s%12.2f" % ("again", 1016, "", grand))
for v in (0, 7, -7, 1234567.891, 0.000123):
    print(f"[{v:^12}] [{v:+.2e}] [{v:12.4g}] [{v:<012}]")
