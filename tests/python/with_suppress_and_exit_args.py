# __exit__ receives exception type, value and traceback, and can suppress.
class Catch:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return False
with Catch(ZeroDivisionError) as c:
    1 / 0
print("suppressed:", repr(c.caught))
with Catch(KeyError) as c:
    pass
print("nothing:", c.caught)
try:
    with Catch(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)
class Seen:
    def __enter__(self):
        return "entered"
    def __exit__(self, et, ev, tb):
        print("exit args:", et, ev, tb is None)
with Seen() as s:
    print(s)
