# round() with banker's rounding and ndigits for ints and floats.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(3.14159, 2), round(3.14159, 0), round(2.675, 2), round(1.005, 2))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2))
print(round(7), round(7, 2), round(1e20), type(round(1.5)).__name__)
print(round(0.125, 2), round(0.375, 2), round(10.5), round(11.5))
print(round(-2.345, 1), round(5e-324, 5), round(123.456, -1))
