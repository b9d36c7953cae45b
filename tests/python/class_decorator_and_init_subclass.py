# Class decorators and __init_subclass__ registration.
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class A:
    pass
print(registry, A.registered)
class Plugin:
    plugins = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins.append((cls.__name__, tag))
class P1(Plugin):
    pass
class P2(Plugin, tag="fast"):
    pass
print(Plugin.plugins)
