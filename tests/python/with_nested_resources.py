# Managers tracking acquire/release order across nested with statements and exceptions.
log = []
class Resource:
    def __init__(self, name, fail_on_enter=False):
        self.name = name
        self.fail_on_enter = fail_on_enter
    def __enter__(self):
        if self.fail_on_enter:
            raise OSError(f"cannot acquire {self.name}")
        log.append("acquire " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append("release " + self.name + (" after " + et.__name__ if et else ""))
        return False
try:
    with Resource("db") as db, Resource("cache"), Resource("lock", fail_on_enter=True):
        log.append("body")
except OSError as e:
    log.append("handled: " + str(e))
with Resource("outer"):
    try:
        with Resource("inner"):
            raise ValueError("oops")
    except ValueError:
        log.append("caught in outer body")
print("\n".join(log))
