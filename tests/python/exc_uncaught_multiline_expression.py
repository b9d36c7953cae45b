# Uncaught error in an expression spanning several lines.
def scale(values, factor):
    return [
        v * factor
        for v in values
    ]
data = {"a": [1, 2], "b": None}
result = (
    scale(data["a"], 2)
    + scale(data["b"], 2)
)
