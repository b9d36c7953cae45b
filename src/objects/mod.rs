//! The object model (DESIGN.md, "The object model"): the object header and
//! owned references ([`object`]), the heap on `pyrite-allocator` and
//! `pyrite-gc` ([`heap`], [`gcobj`]), types and their slots ([`typeobj`],
//! [`typetype`]), the abstract protocol ([`protocol`]), and one file per
//! built-in type.

pub mod attr;
pub mod baseobject;
pub mod bool;
pub mod bytes;
pub mod cell;
pub mod codeobj;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod err;
pub mod exceptions;
pub mod float;
pub mod float_repr;
pub mod funcdescr;
pub mod function;
pub mod gcobj;
pub mod generator;
pub mod global;
pub mod heap;
pub mod init;
pub mod instance;
pub mod int;
pub mod iterators;
pub mod list;
pub mod module;
pub mod none;
pub mod object;
pub mod protocol;
pub mod registry;
pub mod set;
pub mod slice;
pub mod slotwrap;
pub mod str;
pub mod traceback;
pub mod tuple;
pub mod typeobj;
pub mod typetype;

pub use err::{PyErr, PyResult};
pub use object::{PyObject, Ref};
