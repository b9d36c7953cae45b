//! [`PyErr`], a raised Python exception travelling through Rust as the `Err`
//! of a [`PyResult`], and the constructors the runtime raises with.

use super::exceptions as exc;
use super::object::{PyObject, Ref};
use super::typeobj::TypeObject;

/// A raised exception: an owned reference to the exception instance.
#[derive(Clone)]
pub struct PyErr(Ref);

/// The result of anything that may raise.
pub type PyResult<T = Ref> = Result<T, PyErr>;

impl PyErr {
    /// Raise an existing exception instance.
    pub fn from_instance(exc: Ref) -> PyErr {
        PyErr(exc)
    }

    /// Raise `ty(msg)`.
    #[cold]
    pub fn new(ty: &TypeObject, msg: impl AsRef<str>) -> PyErr {
        let arg = super::str::new_str(msg.as_ref());
        PyErr(exc::new_exception(ty, vec![arg]))
    }

    /// Raise `ty()` with no arguments.
    #[cold]
    pub fn new_empty(ty: &TypeObject) -> PyErr {
        PyErr(exc::new_exception(ty, vec![]))
    }

    /// Raise `ty(*args)`.
    #[cold]
    pub fn with_args(ty: &TypeObject, args: Vec<Ref>) -> PyErr {
        PyErr(exc::new_exception(ty, args))
    }

    /// The exception instance.
    #[inline]
    pub fn value(&self) -> &Ref {
        &self.0
    }

    /// Take the exception instance.
    pub fn into_value(self) -> Ref {
        self.0
    }

    /// Whether the exception is an instance of `ty`.
    #[inline]
    pub fn matches(&self, ty: &TypeObject) -> bool {
        self.0.is_instance_of(ty)
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.0.ty().name())
    }
}

/// `TypeError(msg)`.
#[cold]
pub fn type_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::TYPE_ERROR, msg)
}

/// `ValueError(msg)`.
#[cold]
pub fn value_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::VALUE_ERROR, msg)
}

/// `IndexError(msg)`.
#[cold]
pub fn index_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::INDEX_ERROR, msg)
}

/// `KeyError(key)`.
#[cold]
pub fn key_error(key: &PyObject) -> PyErr {
    PyErr::with_args(&exc::KEY_ERROR, vec![key.to_ref()])
}

/// `AttributeError(msg)`.
#[cold]
pub fn attribute_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::ATTRIBUTE_ERROR, msg)
}

/// `ZeroDivisionError(msg)`.
#[cold]
pub fn zero_division(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::ZERO_DIVISION_ERROR, msg)
}

/// `OverflowError(msg)`.
#[cold]
pub fn overflow_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::OVERFLOW_ERROR, msg)
}

/// `NameError(msg)`.
#[cold]
pub fn name_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::NAME_ERROR, msg)
}

/// `RuntimeError(msg)`.
#[cold]
pub fn runtime_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(&exc::RUNTIME_ERROR, msg)
}

/// `MemoryError()`.
#[cold]
pub fn memory_error() -> PyErr {
    PyErr::new_empty(&exc::MEMORY_ERROR)
}

/// `StopIteration(value)` (no args when `value` is None).
#[cold]
pub fn stop_iteration(value: Option<Ref>) -> PyErr {
    match value {
        Some(v) => PyErr::with_args(&exc::STOP_ITERATION, vec![v]),
        None => PyErr::new_empty(&exc::STOP_ITERATION),
    }
}

/// The type name of an object, for messages (`'int'`).
pub fn type_name(obj: &PyObject) -> String {
    obj.ty().name().to_string()
}
