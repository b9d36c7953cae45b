# Argument-count and keyword errors of str, bytes, bytearray and container methods (the shared checks of method_args.rs).
for call in [lambda: "a".upper(1), lambda: "a".upper(x=1), lambda: "a".join(), lambda: "a".join(1, 2),
             lambda: "a".strip(1, 2), lambda: "a".strip(x=1), lambda: "a".find(), lambda: "a".find(1, 2, 3, 4),
             lambda: "a".replace("a"), lambda: "a".split(1, 2, 3), lambda: "a".split(q=1),
             lambda: b"a".upper(1), lambda: bytearray(b"a").upper(x=1), lambda: b"a".join(), lambda: b"a".strip(1, 2),
             lambda: b"a".find(), lambda: b"a".count(), lambda: b"a".replace(b"a"), lambda: bytearray(b"a").find(1, 2, 3, 4),
             lambda: b"a".split(q=1), lambda: [].append(), lambda: [].pop(1, 2), lambda: {}.get(), lambda: str.upper(),
             lambda: str.upper(1), lambda: bytes.upper(), lambda: "a".startswith(), lambda: "ab".center(),
             lambda: "a".splitlines(3, 4), lambda: "a".encode(x=1), lambda: [].clear(1)]:
    try:
        call()
    except TypeError as e:
        print(e)
