# f-strings: nested expressions, conversions, self-documenting =, nested format specs.
name, n = "pyrite", 7
print(f"{name} has {len(name)} letters, n*2={n * 2}")
print(f"{name!r} {name!s} {'é'!a}", f"{n=}", f"{n + 1 = }", f"{name=!s}", f"{3.14159=:.2f}")
width, prec = 10, 3
print(f"[{3.14159:{width}.{prec}f}]", f"[{name:>{width}}]")
items = {"a": 1}
print(f"{items['a']}", f"{[x * 2 for x in range(3)]}", f"{'yes' if n > 5 else 'no'}")
print(f"{{braces}}", f"{n:{'>' if n else '<'}5}", f"{(lambda v: v + 1)(n)}")
print(f"multi {n} " f"part {name}", f"""{name
}""")
print(f"{n:#x}{n:03}{-n}", f"{n!r:>4}")
val = 12.5
print(f"{val:.1f}%", f"{val:e}", f"{name.upper()[::-1]}")
