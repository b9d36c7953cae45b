# printf-style % formatting: flags, width, precision, '*', mappings and errors.
print("%5d|%-5d|%05d|%+d|% d|%+05d|%-+5d|" % (42, 42, 42, 42, 42, 42, 3))
print("%x %X %o %#x %#X %#o %#x %#o" % (255, 255, 8, 255, 255, 8, 0, 0))
print("%.3d|%8.3d|%-8.3x|" % (5, 5, 255), "%x %o" % (-255, -8), "%d %i %u" % (True, 7.9, -2.7))
print("%d %x" % (10**30, 10**30), "%d" % 3.0e20)
print("%e|%E|%.2e|%+.1e|%#.0e|%10.3e|" % (12345.6789, 0.000123, 1e100, -5, 5, -5))
print("%f|%.2f|%.0f|%#.0f|%10.4f|%-10.2f|%+.3f|" % (3.14159, 2.675, 0.5, 3, 3.14159, 2.5, 1))
print("%g|%g|%g|%g|%g|%.3g|%#g|%#.3g|%G|" % (0.0001, 0.00001, 123456, 1234567, 0, 0.0001234, 1.5, 1, 1e-20))
print("%.10g|%.15g|%.17g|%g|%g|" % (0.1, 0.1, 0.1, -0.0, 100000))
print("%f %F %e %g %05f" % (float("inf"), float("nan"), float("-inf"), float("inf"), float("-inf")))
print("%s|%10s|%-10s|%.3s|%5.2s|%r|%a|%a" % ("s", "right", "left", "abcdef", "abc", "q'", "é", "日"))
print("%c%c%c|%3c|%-3c|" % (72, "i", 0x1f600, "a", "b"), "%%|%5s%%" % "x")
print("%*d|%-*d|%.*f|%*.*f|" % (5, 42, 5, 42, 2, 1.23456, 8, 3, 3.14159))
print("%(name)s is %(age)d, %(name)r" % {"name": "Bob", "age": 40}, "%(a)s %(a)s" % {"a": 1})
print("%s %(a)s" % {"a": "x"} if False else "%(x)s-%(y)05.1f" % {"x": "k", "y": 2.25})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%r" % (None,), "hello" % {}, "hello" % [])
print("%ld %hd %Lf" % (5, 6, 1.5), "%s" % b"ab", "%.2s" % "é😀x")
errors = [lambda: "%" % (), lambda: "%z" % 1, lambda: "%(a)s" % 1, lambda: "%(a)s %s" % {"a": 1},
          lambda: "%(a" % {"a": 1}, lambda: "%d" % "x", lambda: "%x" % 1.5, lambda: "%f" % "x",
          lambda: "%c" % -1, lambda: "%c" % "ab", lambda: "%c" % 1.5, lambda: "%*d" % ("a", 1),
          lambda: "%s" % (), lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "hello" % 5,
          lambda: "%5%" % (), lambda: "%d" % None, lambda: "%c" % 0x110000, lambda: "%(a)*d" % {"a": 1},
          lambda: "%d" % float("nan"), lambda: "%d" % float("inf"), lambda: "%\x01" % 1]
for f in errors:
    try:
        print(f())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
