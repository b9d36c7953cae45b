# float(str): Python's literal grammar, special values, whitespace, underscores.
good = ["1", "  1.5  ", "-2.", ".5", "1e5", "1E-5", "1.e3", "+1_000.000_1", "1_0e1_0",
        "inf", "-Infinity", "+iNf", "nan", "-NaN", "1e500", "-1e500", "1e-400", "0.1",
        "\u0661.\u0665", "\t3.25\n", "4.9406564584124654e-324", "2.2250738585072014e-308",
        "1.7976931348623157e308", "123456789012345678901234567890", "0e0", "-0.0", "00001.5"]
for s in good:
    print(repr(s), float(s))
bad = ["", " ", "1_", "_1", "1__0", "1._5", "1_.5", "1e", "1e+", "1e_5", "e5", ".", "+",
       "0x10", "1.5.2", "in f", "nan1", "infinit", "1,5", "1 5", "- 1", "\u00bd", "1e5.5"]
for s in bad:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
print(float(b"2.5"), float(" 7 "), float(True), float(10**20), float(-2**63))
for bad in [[], None, {}]:
    try:
        float(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(x="1")
except TypeError as e:
    print("TypeError:", e)
try:
    float("1", "2")
except TypeError as e:
    print("TypeError:", e)
print(float(), float("-0"), repr(-float("nan")), float("  -inf "))
