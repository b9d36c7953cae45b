# format() builtin with format specs on ints, floats and strings.
print(format(42), format(42, "5"), format(42, "<5") + "|", format(42, "^7"), format(42, "x"))
print(format(3.14159, ".2f"), format(1234567.891, ",.2f"), format(0.25, "%"), format(1e6, "e"))
print(format("hi", ">6"), format("hi", "*^6"), format(-5, "+"), format(5, "+"), format(5, " "))
print(format(255, "#x"), format(255, "#o"), format(5, "#b"), format(255, "08b"))
print(format(True), format(None), format([1, 2]))
