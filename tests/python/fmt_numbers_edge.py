# Number formatting edge cases: zero padding with signs, big ints with grouping, rounding ties.
print(f"{-7:05}", f"{7:+05}", f"{-0.0:+.1f}", f"{0.0:+.1f}", f"{-1e-9:.2f}")
print(f"{2 ** 70:,}", f"{-(2 ** 70):_}", f"{2 ** 70:x}", f"{2 ** 70:e}")
print(f"{0.125:.2f}", f"{0.375:.2f}", f"{2.5:.0f}", f"{1.5:.0f}", f"{0.5:.0f}", f"{1.005:.2f}")
print(f"{1e21:f}", f"{1e-7:f}", f"{123456789.125:.2f}", f"{1/3:.20f}")
print(f"{12345.6789:.3g}", f"{0.00001234:.3g}", f"{1e100:g}", f"{float('inf'):+}", f"{float('-inf'):e}")
print(format(10 ** 20, ","), format(-1234, "08,"), format(1234, "_b"), format(0, "#x"))
print("%.3f %.0f %.1e %5.1f%%" % (2.0005, 0.5, 15500, 99.95))
