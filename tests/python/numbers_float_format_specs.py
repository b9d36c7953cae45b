# format() of floats: e/f/g/%/n and none, precision, alternate form, z, grouping, padding.
specs = ["", ".3", ".0", "e", "E", ".2e", "#.0e", "f", ".2f", ".0f", "#.0f", "F", "g", "G",
         ".3g", "#g", "#.3g", "%", ".1%", "n", "10", "<10", "^10", "=10", "010", "+", " ",
         "+.2f", "010.2f", "=+10.2f", ",", "_.2f", ",.3e", "015,.2f", "z", "z.1f", "#", "*>12.4g"]
values = [0.0, -0.0, 1.0, -1.5, 0.1, 2.675, 123.456, 1e16, 1.5e-7, 123456789.0, 1e22,
          5e-324, 1.7976931348623157e308, 1 / 3, -0.0004, float("inf"), float("-inf"), float("nan")]
for v in values:
    print(repr(v), [format(v, s) for s in specs])
for s in ["010", "+010", "^+9", "<08", "=08"]:
    print(format(float("inf"), s), format(-float("inf"), s), format(float("nan"), s))
print(format(0.1, ".20f"), format(0.1, ".17g"), format(1 / 3, ".40f"), format(1e300, ".2f")[:30])
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.5, ".0f"), format(1.25, ".1f"), format(1.35, ".1f"))
print(f"{3.14159:.2f}", f"{0.5:.0%}", f"{1e6:,.1f}", f"{-0.0:z}", f"{-0.00001:z.3f}", f"{1.5:+}")
print(format(3, ".2f"), format(3, "e"), format(3, "%"), format(3, "g"), format(10**30, "e"))
errors = [(1.0, "d"), (1.0, "x"), (1.0, "c"), (1.5, "abc"), (1.0, ",n"), (1.0, "."), (1.0, ",_"),
          (1.0, "#c")]
for v, s in errors:
    try:
        format(v, s)
    except ValueError as e:
        print("ValueError:", e)
print("{:.3f} {:>8.2e} {:+g}".format(2.71828, 12345.678, 0.0001))
