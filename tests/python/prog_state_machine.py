# Real program: a table-driven state machine (a vending machine) processing an event script.
class VendingMachine:
    PRICES = {"cola": 150, "chips": 100, "candy": 65}
    TRANSITIONS = {
        ("idle", "coin"): "collecting",
        ("collecting", "coin"): "collecting",
        ("collecting", "select"): "vending",
        ("collecting", "refund"): "idle",
        ("vending", "done"): "idle",
        ("idle", "service"): "maintenance",
        ("maintenance", "service"): "idle",
    }

    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.stock = {"cola": 2, "chips": 1, "candy": 0}
        self.log = []

    def fire(self, event, arg=None):
        key = (self.state, event)
        if key not in self.TRANSITIONS:
            self.log.append(f"ignored {event} in {self.state}")
            return False
        handler = getattr(self, "on_" + event, None)
        if handler is not None and handler(arg) is False:
            return False
        old = self.state
        self.state = self.TRANSITIONS[key]
        self.log.append(f"{old} --{event}--> {self.state}")
        if self.state == "vending":
            self.fire("done")
        return True

    def on_coin(self, value):
        if value not in (5, 10, 25, 100):
            self.log.append(f"rejected coin {value}")
            return False
        self.credit += value

    def on_select(self, item):
        price = self.PRICES.get(item)
        if price is None or self.stock.get(item, 0) == 0:
            self.log.append(f"{item} unavailable")
            return False
        if self.credit < price:
            self.log.append(f"{item} costs {price}, credit {self.credit}")
            return False
        self.stock[item] -= 1
        change = self.credit - price
        self.credit = 0
        self.log.append(f"vend {item}, change {change}")

    def on_refund(self, _):
        self.log.append(f"refund {self.credit}")
        self.credit = 0


vm = VendingMachine()
script = [("select", "cola"), ("coin", 100), ("coin", 3), ("select", "cola"), ("coin", 25),
          ("coin", 25), ("select", "cola"), ("coin", 100), ("select", "candy"), ("select", "chips"),
          ("coin", 10), ("refund", None), ("service", None), ("coin", 25), ("service", None),
          ("coin", 100), ("coin", 100), ("select", "cola"), ("coin", 5), ("select", "chips"), ("refund", None)]
for event, arg in script:
    vm.fire(event, arg)
for line in vm.log:
    print(line)
print("final", vm.state, vm.credit, vm.stock)
