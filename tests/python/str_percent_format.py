# printf-style % formatting.
print("%s %s" % ("a", 1), "%r" % "q", "%d%%" % 50, "%5d|%-5d|" % (3, 4))
print("%05.1f" % 3.14159, "%x %X %o" % (255, 255, 8), "%#x %#o" % (255, 8), "%e" % 12345.6789)
print("%c%c" % (72, "i"), "%10s|" % "right", "%-10s|" % "left", "%.3s" % "abcdef")
print("%(name)s is %(age)d" % {"name": "Bob", "age": 40})
print("%+d %+d % d" % (5, -5, 5), "%g %g" % (0.0001, 1e20), "%i" % 7.9)
print("%s" % [1, 2], "%s" % (1,), "%*d" % (5, 42), "%.*f" % (2, 1.23456))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % ("only",)
except TypeError as e:
    print("TypeError", e)
