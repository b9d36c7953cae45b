# Functions returning generators vs lists; closures inside generators.
def make_gens():
    gens = []
    for i in range(3):
        def g(i=i):
            for j in range(i):
                yield (i, j)
        gens.append(g)
    return gens
print([list(g()) for g in make_gens()])
def counter_gen(start):
    count = start
    def step():
        nonlocal count
        count += 1
        return count
    while count < start + 3:
        yield step()
print(list(counter_gen(10)))
def lines():
    yield "header"
    for i in range(2):
        yield f"row {i}"
    yield "footer"
print("\n".join(lines()))
