//! The object model: one file per object type (DESIGN.md, "The object
//! model"). So far only the pieces that need no object header: the float
//! repr.

pub mod float_repr;
