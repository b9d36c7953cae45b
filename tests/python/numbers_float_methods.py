# float methods: hex/fromhex, as_integer_ratio, is_integer, conjugate, real/imag, and int methods.
for x in [0.0, -0.0, 1.0, 0.1, -1.5, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e16]:
    print(repr(x), x.hex(), float.fromhex(x.hex()) == x, x.as_integer_ratio(), x.is_integer())
for s in ["0x1.8p1", "-0X.8P-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x3p-1076", "0x1.fffffffffffffp1023",
          "0x1.ffffffffffffe8p1023", " inf ", "-nan", "1", "0x.1", "0x1.", "0xa.bp2"]:
    print(repr(s), float.fromhex(s))
for bad in ["x", "0x", "0x1p", "0x1.2.3", "0xg", "1e5", "0x1p1024", "0x1p99999"]:
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print((2.5).conjugate(), (2.5).real, (2.5).imag, (3.0).__trunc__(), (-3.5).__floor__(), (-3.5).__ceil__())
print((7).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator, (7).as_integer_ratio())
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (255).bit_count(), (-255).bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True),
      (255).to_bytes(), (0).to_bytes(0, "big"), (-129).to_bytes(2, "little", signed=True))
print(int.from_bytes(b"\x01\x02", "little"), int.from_bytes(b"\xff\xfe", "big", signed=True),
      int.from_bytes(b"", "big"), int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"\x80", signed=True))
for call in ["(1024).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big')", "(1).to_bytes(2, 'mid')",
             "(128).to_bytes(1, 'big', signed=True)", "int.from_bytes('ab', 'big')"]:
    try:
        print(eval(call))
    except Exception as e:
        print(type(e).__name__ + ":", e)
