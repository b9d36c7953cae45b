//! pyrite-gc: a three-generation cycle collector by gc_refs subtraction (being written).
