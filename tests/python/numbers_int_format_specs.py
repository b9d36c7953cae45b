# format() of ints: every presentation type, fill/align/sign/#/0/width/grouping.
specs = ["", "d", "5", "<5", ">5", "^5", "=5", "*^7", "+", "-", " ", "+05", "05", "010,",
         ",", "_", "_x", "_b", "_o", "#x", "#X", "#o", "#b", "#010x", "#010_b", "x", "X",
         "o", "b", "n", "c", "^5c", "e", ".2f", "%", "g", ".3G", "0=+12,", "x=12,", "#_x",
         "<010", "^010", "0>8", " =8", "+#x", "-#o"]
for v in [0, 7, -7, 255, -255, 1234567, -1234567, 2**70, -2**70]:
    out = []
    for s in specs:
        if s.endswith("c") and not 0 <= v < 0x110000:
            continue
        out.append(format(v, s))
    print(v, out)
print(format(True, ""), format(True, "d"), format(False, "^7"), f"{True:x}")
print(f"{12345:,}", f"{-42:05d}", f"{255:#x}", f"{7:b}", f"{-1:b}", f"{1234:e}", f"{10**20:.3e}")
print(f"{65:c}{0x1F600:c}", format(10**300, "e"), len(format(10**300, ",")))
errors = [(10, ",x"), (10, "q"), (10, "+c"), (10, ".2d"), (10, ",_"), (10, "_,"), (10, "#c"),
          (10**7, "c"), (-1, "c"), (10, "z"), (10, "."), (10, "abc"), (10, ",n"), (10, ",c")]
for v, s in errors:
    try:
        format(v, s)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print("{:>10}|{:<10}|{:^10}|{:=+10}".format(42, 42, 42, 42))
