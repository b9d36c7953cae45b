# Real program: an event bus with decorator-registered handlers, priorities and unsubscription.
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.seq = 0

    def on(self, event, priority=0):
        def register(fn):
            self.seq += 1
            self.handlers.setdefault(event, []).append((-priority, self.seq, fn))
            self.handlers[event].sort(key=lambda h: (h[0], h[1]))
            return fn
        return register

    def off(self, event, fn):
        before = len(self.handlers.get(event, []))
        self.handlers[event] = [h for h in self.handlers.get(event, []) if h[2] is not fn]
        return before - len(self.handlers[event])

    def emit(self, event, **payload):
        results = []
        for _, _, fn in self.handlers.get(event, []):
            try:
                r = fn(**payload)
            except Exception as e:
                results.append(f"{fn.__name__} failed: {type(e).__name__}: {e}")
                continue
            if r == "stop":
                results.append(f"{fn.__name__} stopped propagation")
                break
            results.append(f"{fn.__name__} -> {r}")
        return results

bus = EventBus()
audit = []

@bus.on("login")
def log_login(user, **_):
    audit.append(user)
    return "logged " + user

@bus.on("login", priority=10)
def check_banned(user, **_):
    if user == "mallory":
        return "stop"
    return "ok"

@bus.on("login", priority=5)
def greet(user, lang="en"):
    return {"en": "hello", "fr": "bonjour"}[lang] + " " + user

@bus.on("logout")
def bye(user):
    return "bye " + user

for payload in [{"user": "alice"}, {"user": "bob", "lang": "fr"}, {"user": "mallory"}, {"user": "eve", "lang": "de"}]:
    print(payload["user"], bus.emit("login", **payload))
print(bus.emit("logout", user="alice"), bus.emit("unknown"))
print("removed", bus.off("login", greet))
print(bus.emit("login", user="zed"))
print(audit)
