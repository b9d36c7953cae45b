# Error messages of numeric operations, as CPython 3.11 words them.
cases = ["1 % 0", "1 // 0", "divmod(1, 0)", "1 / 0", "1.0 % 0", "1.0 // 0", "divmod(1.0, 0)",
         "1.0 / 0", "2**70 // 0", "2**70 % 0", "1 + 'a'", "'a' - 1", "- 'a'", "~1.5", "~1j",
         "1.5 & 1", "1 << 1.0", "1.5 >> 1", "abs('a')", "int([])", "float({})", "int(1.5, 2)",
         "int(float('inf'))", "int(float('-inf'))", "int(float('nan'))", "complex('x')",
         "complex('1', 2)", "complex(1, 'a')", "complex([])", "(1+2j) < 3", "1j // 1",
         "1j % 2", "1j / 0", "0j ** -1", "divmod('a', 1)", "divmod(1j, 1)", "round('a')",
         "hex(1.0)", "oct('7')", "bin(None)", "1.5 .as_integer_ratio.__call__(1)",
         "float('inf').as_integer_ratio()", "float('nan').as_integer_ratio()",
         "float.fromhex('x')", "float.fromhex('0x1p99999')", "(1024).to_bytes(1, 'big')",
         "(-1).to_bytes(1, 'big')", "(1).to_bytes(2, 'mid')", "(1).to_bytes(-1, 'big')",
         "int.from_bytes('ab', 'big')", "None + 1", "[] * 1.5", "3 ** 'a'", "pow(1, 2, 3, 4)",
         "(2).__pow__()", "10**400 * 1.0", "1e308 + 10**400"]
for c in cases:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!!", type(e).__name__ + ":", e)
