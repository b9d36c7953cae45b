# Sorting dict items by value and key, nested dict access and inversion with collisions.
scores = {"amy": 82, "bob": 95, "cat": 82, "dan": 70, "eve": 95}
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(scores, key=scores.get), min(scores.values()), sum(scores.values()))
by_score = {}
for name, s in scores.items():
    by_score.setdefault(s, []).append(name)
print({s: sorted(names) for s, names in sorted(by_score.items())})
db = {"users": {"amy": {"roles": ["admin", "dev"]}, "bob": {"roles": []}}}
print(db["users"]["amy"]["roles"][1], db["users"].get("zed", {}).get("roles", "none"))
print([k for k, v in db["users"].items() if "admin" in v["roles"]])
print(dict(sorted(scores.items())), list(dict.fromkeys("mississippi")))
