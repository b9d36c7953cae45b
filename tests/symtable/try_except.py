def f():
    try:
        pass
    except ValueError as err:
        return err
    except (TypeError, KeyError):
        pass
    else:
        ok = 1
    finally:
        done = 1

try:
    import missing
except ImportError as e:
    missing = None
