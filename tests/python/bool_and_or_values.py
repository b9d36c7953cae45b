# Values produced by and/or chains used for defaults and guards.
def name_or_default(name):
    return name or "anonymous"
print(name_or_default(""), name_or_default("zed"), name_or_default(None))
config = {"debug": 0}
level = config.get("level") or config.get("debug") or "info"
print(level)
items = []
first = items and items[0]
print(repr(first))
items = [7]
print(items and items[0])
x = 5
print(x > 3 and "big" or "small", x > 10 and "big" or "small")
print((0 or None) is None, (1 and 0) == 0, [] or {} or ())
print(not (x and 0), (x and not 0))
