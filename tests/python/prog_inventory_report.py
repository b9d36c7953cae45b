# Real program: parse CSV-like records, aggregate by category and print a formatted report.
DATA = """sku,name,category,qty,price
A100,Widget,tools,12,2.50
A101,Gadget,tools,3,12.00
B200,Apple,food,40,0.35
B201,Bread,food,0,2.20
C300,Novel,books,7,9.99
C301,Atlas,books,2,24.50
A102,Hammer,tools,5,8.75
"""

def parse(text):
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    rows = []
    for line in lines[1:]:
        rec = dict(zip(header, line.split(",")))
        rec["qty"] = int(rec["qty"])
        rec["price"] = float(rec["price"])
        rows.append(rec)
    return rows

rows = parse(DATA)
by_cat = {}
for r in rows:
    by_cat.setdefault(r["category"], []).append(r)
print(f"{'category':<10}{'items':>6}{'units':>7}{'value':>10}")
grand = 0.0
for cat in sorted(by_cat):
    items = by_cat[cat]
    units = sum(r["qty"] for r in items)
    value = sum(r["qty"] * r["price"] for r in items)
    grand += value
    print(f"{cat:<10}{len(items):>6}{units:>7}{value:>10.2f}")
print(f"{'total':<10}{len(rows):>6}{sum(r['qty'] for r in rows):>7}{grand:>10.2f}")
out_of_stock = [r["name"] for r in rows if r["qty"] == 0]
low = sorted((r for r in rows if 0 < r["qty"] < 5), key=lambda r: r["qty"])
print("out of stock:", ", ".join(out_of_stock))
print("low stock:", [(r["sku"], r["qty"]) for r in low])
priciest = max(rows, key=lambda r: r["price"])
print("priciest: %(name)s at %(price).2f" % priciest)
print("average price %.3f" % (sum(r["price"] for r in rows) / len(rows)))
