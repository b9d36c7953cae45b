# Uncaught exception raised while handling another: "During handling" traceback.
def parse(s):
    try:
        return int(s)
    except ValueError:
        return undefined_fallback(s)
parse("abc")
