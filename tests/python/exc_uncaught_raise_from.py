# Uncaught exception raised from another: "direct cause" chained traceback.
def load(cfg):
    try:
        return cfg["path"]
    except KeyError as e:
        raise RuntimeError("configuration incomplete") from e
load({})
