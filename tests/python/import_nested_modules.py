# A helper module importing other helpers; shared module state.
import mod_uses_other
import mod_counter
print(mod_uses_other.far_corner(3), mod_counter.count)
print(mod_uses_other.far_corner(5), mod_counter.count)
print(mod_uses_other.mod_geometry.ORIGIN)
