//! Integration tests of pyrite-gc on the toy object model in `toy.rs`: one
//! test binary, one module per behaviour.

mod toy;

mod counts;
mod debug_output;
mod finalizers;
mod generations;
mod legacy;
mod properties;
mod queries;
mod triggers;
mod weakrefs;
