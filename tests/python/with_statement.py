# with statements: nested managers, exit order, exception propagation.
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("<" + self.name + ">")
        return self
    def __exit__(self, *exc):
        print("</" + self.name + ">")
        return False
with Tag("html"):
    with Tag("body"), Tag("p") as p:
        print("text in", p.name)
try:
    with Tag("a"), Tag("b"):
        raise ValueError("inside b")
except ValueError as e:
    print("propagated:", e)
def early():
    with Tag("fn"):
        return "returned"
print(early())
for i in range(2):
    with Tag("loop%d" % i):
        if i == 0:
            continue
        print("second iteration")
