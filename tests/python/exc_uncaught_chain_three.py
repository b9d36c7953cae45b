# Three chained exceptions mixing explicit cause and implicit context.
try:
    try:
        [][0]
    except IndexError as e:
        raise KeyError("middle") from e
except KeyError:
    raise ValueError("outermost")
