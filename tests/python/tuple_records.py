# Tuples as lightweight records: sorting, grouping and unpacking in loops.
people = [("ann", 31, "eng"), ("bo", 25, "ops"), ("cy", 31, "eng"), ("di", 40, "ops"), ("ed", 25, "eng")]
for name, age, dept in sorted(people, key=lambda p: (p[2], -p[1], p[0])):
    print(f"{dept} {age} {name}")
ages = tuple(p[1] for p in people)
print(ages, min(ages), max(ages), ages.count(31), sorted(set(ages)))
depts = {}
for _, age, dept in people:
    total, n = depts.get(dept, (0, 0))
    depts[dept] = (total + age, n + 1)
print({d: t / n for d, (t, n) in sorted(depts.items())})
point = (3, 4)
x, y = point
print((x ** 2 + y ** 2) ** 0.5, point + (5,), point * 2, (1, 2) == tuple([1, 2]))
