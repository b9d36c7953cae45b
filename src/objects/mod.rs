//! The object model (DESIGN.md, "The object model"): the object header and
//! owned references ([`object`]), the heap on `pyrite-allocator` and
//! `pyrite-gc` ([`heap`], [`gcobj`]), types and their slots ([`typeobj`],
//! [`typetype`]), the abstract protocol ([`protocol`]), and one file per
//! built-in type.

pub mod alloc_events;
pub mod attr;
pub mod baseobject;
pub mod bool;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod cell;
pub mod codeobj;
pub mod complex;
pub mod complex_ops;
pub mod descr;
pub mod dict;
pub mod dict_methods;
pub mod err;
pub mod exceptions;
pub mod fileobj;
pub mod float;
pub mod float_ops;
pub mod float_repr;
pub mod frameobj;
pub mod freelist;
pub mod funcdescr;
pub mod function;
pub mod gcobj;
pub mod generator;
pub mod global;
pub mod heap;
pub mod init;
pub mod instance;
pub mod int;
pub mod int_methods;
pub mod int_ops;
pub mod iterators;
pub mod itertools_builtins;
pub mod libm;
pub mod list;
pub mod list_methods;
pub mod mappingproxy;
pub mod member;
pub mod method_args;
pub mod module;
pub mod none;
pub mod numfmt;
pub mod object;
pub mod protocol;
pub mod range;
pub mod registry;
pub mod repr_guard;
pub mod sequence;
pub mod set;
pub mod set_methods;
pub mod slice;
pub mod slotwrap;
pub mod sort;
pub mod str;
pub mod str_codecs;
pub mod str_format;
pub mod str_methods;
pub mod str_ops;
pub mod str_unicode;
pub mod superobj;
pub mod traceback;
pub mod tuple;
pub mod tuple_methods;
pub mod typecache;
pub mod typeobj;
pub mod typetype;
pub mod weakproxy;
pub mod weakref;

pub use err::{PyErr, PyResult};
pub use object::{PyObject, Ref};
