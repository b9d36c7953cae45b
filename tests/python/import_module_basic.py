# import of a sibling module: attribute access, module-level state, executed once.
import mod_counter
import mod_counter
print(mod_counter.count, mod_counter.bump(), mod_counter.bump(), mod_counter.count)
import mod_counter as mc
print(mc is mod_counter, mc.count)
print(mod_counter.__name__, type(mod_counter).__name__)
import sys
print("mod_counter" in sys.modules, sys.modules["mod_counter"] is mc)
