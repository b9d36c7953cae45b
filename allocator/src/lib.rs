//! pyrite-allocator (being written).
