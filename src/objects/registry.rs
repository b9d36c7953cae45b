//! Where the per-type operation modules register: each `*_ops` /
//! `*_methods` module adds its `install` (slots set before the dunder
//! wrappers are made) and any further static types here.

use super::object::Ref;
use super::typeobj::TypeObject;

/// `BUILD_SLICE`.
pub fn new_slice(start: Ref, stop: Ref, step: Option<Ref>) -> Ref {
    super::slice::new_slice(start, stop, step)
}

/// Set operator slots on the static types (called once at start-up,
/// before `init_static_type`).
pub fn install_slots() {
    super::int_ops::install();
    super::float_ops::install();
    super::complex_ops::install();
    super::bool::install();
    super::list_methods::install();
    super::tuple_methods::install();
    super::dict_methods::install();
    super::set_methods::install();
    super::exceptions::install_os_error();
    super::str_ops::install();
    super::bytes_methods::install();
    super::weakproxy::install();
}

/// Static types defined by the operation modules, bases first.
pub fn more_types() -> Vec<&'static TypeObject> {
    let mut v: Vec<&'static TypeObject> = vec![&super::slice::SLICE_TYPE];
    v.extend([
        &super::list_methods::LIST_ITER_TYPE,
        &super::list_methods::LIST_REVITER_TYPE,
        &super::tuple_methods::TUPLE_ITER_TYPE,
        &super::set_methods::SET_ITER_TYPE,
        &super::range::RANGE_TYPE,
        &super::range::RANGE_ITER_TYPE,
        &super::range::LONG_RANGE_ITER_TYPE,
        &super::itertools_builtins::ENUMERATE_TYPE,
        &super::itertools_builtins::ZIP_TYPE,
        &super::itertools_builtins::MAP_TYPE,
        &super::itertools_builtins::FILTER_TYPE,
        &super::itertools_builtins::REVERSED_TYPE,
    ]);
    v.extend(super::dict_methods::types());
    v.push(&super::superobj::SUPER_TYPE);
    v.push(&super::member::MEMBER_DESCR_TYPE);
    v.push(&super::mappingproxy::MAPPINGPROXY_TYPE);
    v.extend(super::fileobj::types());
    v.push(&super::frameobj::FRAME_TYPE);
    v.extend([
        &super::str_ops::STR_ITER_TYPE,
        &super::str_ops::STR_ASCII_ITER_TYPE,
        &super::bytes_methods::BYTES_ITER_TYPE,
        &super::bytes_methods::BYTEARRAY_ITER_TYPE,
        &super::bytearray::BYTEARRAY_TYPE,
    ]);
    v.extend([
        &super::weakref::REF_TYPE,
        &super::weakproxy::PROXY_TYPE,
        &super::weakproxy::CALLABLE_PROXY_TYPE,
    ]);
    v
}
