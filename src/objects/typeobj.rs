//! [`TypeObject`]: a type and its slots (function pointers the runtime calls
//! for each operation), flags, bases, MRO and dict; static built-in types
//! and the lookups along the MRO.
//!
//! Invariants:
//! - **TYPE-1 (static types).** A built-in type is a `static` made by
//!   [`TypeObject::new_static`]; [`init_static_type`] fills its dict and MRO
//!   once, at interpreter start, before any instance is used.
//! - **TYPE-2 (MRO).** `mro` is a tuple of types starting with the type
//!   itself and ending with `object`; `is_subtype` walks it.
//! - **TYPE-3 (slots).** Every slot is set: missing operations point to a
//!   function that raises the CPython error. `drop` and `sizeof` match the
//!   payload layout of the type's built-in base (HEAP-2).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::PyResult;
use super::object::{PyObject, Ref, RefCellSlot};
use crate::compile::opcode::CompareOp;

/// Type flags (CPython's `Py_TPFLAGS_*` where they exist).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TypeFlags(pub u32);

impl TypeFlags {
    /// Allocated at run time by a class statement or `type()`.
    pub const HEAPTYPE: TypeFlags = TypeFlags(1 << 9);
    /// May be subclassed.
    pub const BASETYPE: TypeFlags = TypeFlags(1 << 10);
    /// Instances have a GC header and are tracked.
    pub const HAS_GC: TypeFlags = TypeFlags(1 << 14);
    /// Instances carry a `__dict__` slot in front (HEAP-2).
    pub const MANAGED_DICT: TypeFlags = TypeFlags(1 << 4);
    /// Instances keep their attributes in inline values over the type's
    /// shared keys until a dict is asked for (values.rs; CPython 3.11's
    /// split keys). Set on classes with MANAGED_DICT; not inherited.
    pub const INLINE_VALUES: TypeFlags = TypeFlags(1 << 5);
    /// Instances can be weakly referenced: their weak-reference list head
    /// is a slot in front (HEAP-2, WEAKLIST-1; CPython 3.12's flag).
    pub const MANAGED_WEAKREF: TypeFlags = TypeFlags(1 << 3);
    /// Instances have a `__del__` to call before deallocation.
    pub const HAS_FINALIZER: TypeFlags = TypeFlags(1 << 0);
    /// Fast subclass checks.
    pub const INT_SUBCLASS: TypeFlags = TypeFlags(1 << 24);
    /// Subclass of list.
    pub const LIST_SUBCLASS: TypeFlags = TypeFlags(1 << 25);
    /// Subclass of tuple.
    pub const TUPLE_SUBCLASS: TypeFlags = TypeFlags(1 << 26);
    /// Subclass of str.
    pub const STR_SUBCLASS: TypeFlags = TypeFlags(1 << 28);
    /// Subclass of dict.
    pub const DICT_SUBCLASS: TypeFlags = TypeFlags(1 << 29);
    /// Subclass of BaseException.
    pub const EXC_SUBCLASS: TypeFlags = TypeFlags(1 << 30);
    /// Subclass of type.
    pub const TYPE_SUBCLASS: TypeFlags = TypeFlags(1 << 31);
    /// Flags inherited by subclasses.
    pub const INHERITED: TypeFlags = TypeFlags(
        Self::INT_SUBCLASS.0
            | Self::LIST_SUBCLASS.0
            | Self::TUPLE_SUBCLASS.0
            | Self::STR_SUBCLASS.0
            | Self::DICT_SUBCLASS.0
            | Self::EXC_SUBCLASS.0
            | Self::TYPE_SUBCLASS.0
            | Self::HAS_GC.0,
    );

    /// Whether all of `other`'s bits are set.
    #[inline(always)]
    pub const fn contains(self, other: TypeFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Union.
    pub const fn union(self, other: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 | other.0)
    }
}

/// Positional arguments followed by keyword values; `kwnames` (a tuple of
/// str) names the last `kwnames.len()` of them. CPython's vectorcall.
pub type KwNames<'a> = Option<&'a PyObject>;

/// A built-in callable: `(args, kwnames)`; methods get `self` as `args[0]`.
pub type NativeFn = fn(&[Ref], KwNames<'_>) -> PyResult;
/// A binary operation slot; may return `NotImplemented`.
pub type BinaryFn = fn(&PyObject, &PyObject) -> PyResult;
/// A unary operation slot.
pub type UnaryFn = fn(&PyObject) -> PyResult;

/// The slots of a type. `None` means "not supported" for optional
/// operations, where the runtime raises CPython's error.
pub struct Slots {
    /// Drop the payload fields in place (the memory is freed after).
    pub drop: unsafe fn(NonNull<PyObject>),
    /// The object's own size in bytes, without pre-header (HEAP-2).
    pub sizeof: fn(&PyObject) -> usize,
    /// Report strong references to the collector (GC types).
    pub traverse: Option<fn(&PyObject, &mut Visitor<'_, PyObject>)>,
    /// Drop references to break cycles (GC types).
    pub clear: Option<fn(&PyObject)>,
    /// `repr(obj)`.
    pub repr: Cell<UnaryFn>,
    /// `str(obj)`.
    pub str: Cell<Option<UnaryFn>>,
    /// `hash(obj)`; `None`: unhashable.
    pub hash: Cell<Option<HashFn>>,
    /// Rich comparison; may return `NotImplemented`.
    pub richcompare: Cell<Option<RichCompareFn>>,
    /// Attribute lookup.
    pub getattr: Cell<GetAttrFn>,
    /// Attribute store (`Some`) or delete (`None`).
    pub setattr: Cell<Option<SetFn>>,
    /// Calling the object.
    pub call: Cell<Option<NativeFn2>>,
    /// `iter(obj)`.
    pub iter: Cell<Option<UnaryFn>>,
    /// `next(it)`: `Ok(None)` when exhausted (no StopIteration made).
    pub next: Cell<Option<NextFn>>,
    /// Descriptor `__get__(obj, type)`.
    pub descr_get: Cell<Option<DescrGetFn>>,
    /// Descriptor `__set__` / `__delete__`.
    pub descr_set: Cell<Option<SetFn>>,
    /// `type.__call__` step 1: make an instance.
    pub new: Cell<Option<NewFn>>,
    /// `type.__call__` step 2: initialise it.
    pub init: Cell<Option<InitFn>>,
    /// Binary operators, indexed by `BinaryOp` number; called with the
    /// left and right operand for both the normal and the reflected try.
    pub binary: [Cell<Option<BinaryFn>>; 13],
    /// In-place operators (`+=`), indexed by `BinaryOp` number.
    pub inplace: [Cell<Option<BinaryFn>>; 13],
    /// `-x`.
    pub neg: Cell<Option<UnaryFn>>,
    /// `+x`.
    pub pos: Cell<Option<UnaryFn>>,
    /// `~x`.
    pub invert: Cell<Option<UnaryFn>>,
    /// `abs(x)`.
    pub abs: Cell<Option<UnaryFn>>,
    /// Truth value; `None`: fall back to `len`, then true.
    pub bool: Cell<Option<PredicateFn>>,
    /// `int(x)`.
    pub int: Cell<Option<UnaryFn>>,
    /// `float(x)`.
    pub float: Cell<Option<UnaryFn>>,
    /// `operator.index(x)`.
    pub index: Cell<Option<UnaryFn>>,
    /// `len(x)`.
    pub len: Cell<Option<LenFn>>,
    /// `x[key]`.
    pub getitem: Cell<Option<BinaryFn>>,
    /// `x[key] = v` (`Some`) or `del x[key]` (`None`).
    pub setitem: Cell<Option<SetFn>>,
    /// `item in x`; `None`: iterate.
    pub contains: Cell<Option<ContainsFn>>,
}

/// `hash(obj)`.
pub type HashFn = fn(&PyObject) -> PyResult<i64>;
/// Rich comparison.
pub type RichCompareFn = fn(&PyObject, &PyObject, CompareOp) -> PyResult;
/// Attribute lookup `(obj, name)`.
pub type GetAttrFn = fn(&PyObject, &PyObject) -> PyResult;
/// Store (`Some`) or delete (`None`) `(obj, key_or_name, value)`: setattr,
/// setitem and descriptor set.
pub type SetFn = fn(&PyObject, &PyObject, Option<Ref>) -> PyResult<()>;
/// `next(it)`; `Ok(None)` when exhausted.
pub type NextFn = fn(&PyObject) -> PyResult<Option<Ref>>;
/// Descriptor get `(descr, instance, owner)`.
pub type DescrGetFn = fn(&PyObject, Option<&PyObject>, &PyObject) -> PyResult;
/// `type.__new__`-like constructor.
pub type NewFn = fn(&TypeObject, &[Ref], KwNames<'_>) -> PyResult;
/// `__init__`.
pub type InitFn = fn(&PyObject, &[Ref], KwNames<'_>) -> PyResult<()>;
/// A yes/no question about an object (`bool`).
pub type PredicateFn = fn(&PyObject) -> PyResult<bool>;
/// `len(obj)`.
pub type LenFn = fn(&PyObject) -> PyResult<usize>;
/// `item in obj`.
pub type ContainsFn = fn(&PyObject, &PyObject) -> PyResult<bool>;
/// A getset setter.
pub type GetSetSetFn = fn(&PyObject, Option<Ref>) -> PyResult<()>;

/// The `call` slot: `(callable, args, kwnames)`.
pub type NativeFn2 = fn(&PyObject, &[Ref], KwNames<'_>) -> PyResult;

/// `repr` default: `<T object at 0x…>`.
pub fn default_repr(obj: &PyObject) -> PyResult {
    let ty = obj.ty();
    let module = ty.module_name();
    let s = match module.as_deref() {
        Some(m) if m != "builtins" => {
            format!("<{}.{} object at {:#x}>", m, ty.qualname(), obj.addr())
        }
        _ => format!("<{} object at {:#x}>", ty.qualname(), obj.addr()),
    };
    Ok(super::str::new_str(&s))
}

fn default_sizeof(obj: &PyObject) -> usize {
    obj.ty().basicsize
}

unsafe fn default_drop(_obj: NonNull<PyObject>) {}

pub fn default_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    super::attr::generic_getattr(obj, name)
}

macro_rules! cells13 {
    () => {
        [
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
            Cell::new(None),
        ]
    };
}

impl Slots {
    /// A copy of `base`'s slots: what a subclass starts from before its
    /// own dunder methods override them.
    pub fn inherit(base: &Slots) -> Slots {
        fn c<T: Copy>(x: &Cell<T>) -> Cell<T> {
            Cell::new(x.get())
        }
        Slots {
            drop: base.drop,
            sizeof: base.sizeof,
            traverse: base.traverse,
            clear: base.clear,
            repr: c(&base.repr),
            str: c(&base.str),
            hash: c(&base.hash),
            richcompare: c(&base.richcompare),
            getattr: c(&base.getattr),
            setattr: c(&base.setattr),
            call: c(&base.call),
            iter: c(&base.iter),
            next: c(&base.next),
            descr_get: c(&base.descr_get),
            descr_set: c(&base.descr_set),
            new: c(&base.new),
            init: c(&base.init),
            binary: std::array::from_fn(|i| c(&base.binary[i])),
            inplace: std::array::from_fn(|i| c(&base.inplace[i])),
            neg: c(&base.neg),
            pos: c(&base.pos),
            invert: c(&base.invert),
            abs: c(&base.abs),
            bool: c(&base.bool),
            int: c(&base.int),
            float: c(&base.float),
            index: c(&base.index),
            len: c(&base.len),
            getitem: c(&base.getitem),
            setitem: c(&base.setitem),
            contains: c(&base.contains),
        }
    }

    /// Slots of a type with no operations beyond `object`'s.
    pub const fn empty() -> Slots {
        Slots {
            drop: default_drop,
            sizeof: default_sizeof,
            traverse: None,
            clear: None,
            repr: Cell::new(default_repr),
            str: Cell::new(None),
            hash: Cell::new(None),
            richcompare: Cell::new(None),
            getattr: Cell::new(default_getattr),
            setattr: Cell::new(None),
            call: Cell::new(None),
            iter: Cell::new(None),
            next: Cell::new(None),
            descr_get: Cell::new(None),
            descr_set: Cell::new(None),
            new: Cell::new(None),
            init: Cell::new(None),
            binary: cells13!(),
            inplace: cells13!(),
            neg: Cell::new(None),
            pos: Cell::new(None),
            invert: Cell::new(None),
            abs: Cell::new(None),
            bool: Cell::new(None),
            int: Cell::new(None),
            float: Cell::new(None),
            index: Cell::new(None),
            len: Cell::new(None),
            getitem: Cell::new(None),
            setitem: Cell::new(None),
            contains: Cell::new(None),
        }
    }
}

/// One method of a built-in type, put in its dict at start-up.
pub struct MethodDef {
    /// The method's name.
    pub name: &'static str,
    /// The function; `args[0]` is self.
    pub func: NativeFn,
    /// How it binds.
    pub kind: MethodKind,
}

/// How a [`MethodDef`] is exposed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method (`list.append`).
    Instance,
    /// A class method (`dict.fromkeys`): `args[0]` is the class.
    Class,
    /// A static method (`str.maketrans`).
    Static,
}

/// A computed attribute of a built-in type's instances (`co_name`,
/// `__cause__`), put in its dict at start-up as a getset descriptor.
pub struct GetSetDef {
    /// The attribute's name.
    pub name: &'static str,
    /// Read it.
    pub get: fn(&PyObject) -> PyResult,
    /// Write (`Some`) or delete (`None`) it; `None` here: read-only.
    pub set: Option<GetSetSetFn>,
}

/// A type object: CPython's `PyTypeObject`.
#[repr(C)]
pub struct TypeObject {
    /// Header; the type of a type is `type` (or a metaclass).
    pub ob: PyObject,
    name: RefCell<Cow<'static, str>>,
    qualname: RefCell<Option<Box<str>>>,
    flags: Cell<TypeFlags>,
    /// Size of an instance's header and payload (without pre-header).
    pub basicsize: usize,
    base: Cell<Option<NonNull<TypeObject>>>,
    /// `__bases__` (tuple), set by `init_static_type` or at class creation.
    pub bases: RefCellSlot,
    /// `__mro__` (tuple of types; TYPE-2).
    pub mro: RefCellSlot,
    /// The type's namespace (`__dict__`).
    pub dict: RefCellSlot,
    /// The slots.
    pub slots: Slots,
    /// Methods installed in the dict of a static type at start-up.
    pub methods: &'static [MethodDef],
    /// Attributes installed as getset descriptors at start-up.
    pub getsets: &'static [GetSetDef],
    /// The built-in payload type instances are laid out as (itself for a
    /// static type; its nearest static ancestor for a heap type).
    pub solid: Cell<Option<NonNull<TypeObject>>>,
    /// Version tag bumped on every dict or bases change (attribute caches).
    pub version: Cell<u64>,
    /// Member slots (`__slots__` entries) in front of each instance
    /// (MEMBER-1); fixed when the type is made.
    pub nmembers: usize,
    /// The attribute names instances share (INLINE_VALUES types only).
    pub shared_keys: super::values::SharedKeys,
}

// SAFETY: OBJ-H4 — types are only touched by the interpreter thread.
unsafe impl Sync for TypeObject {}

impl TypeObject {
    /// A static built-in type (TYPE-1).
    pub const fn new_static(
        name: &'static str,
        basicsize: usize,
        base: Option<&'static TypeObject>,
        flags: TypeFlags,
        slots: Slots,
        methods: &'static [MethodDef],
        getsets: &'static [GetSetDef],
    ) -> TypeObject {
        TypeObject {
            ob: PyObject::new_static(&super::typetype::TYPE_TYPE),
            name: RefCell::new(Cow::Borrowed(name)),
            qualname: RefCell::new(None),
            flags: Cell::new(flags),
            basicsize,
            base: Cell::new(match base {
                // SAFETY: a reference is never null.
                Some(b) => Some(unsafe {
                    NonNull::new_unchecked(b as *const TypeObject as *mut TypeObject)
                }),
                None => None,
            }),
            bases: RefCellSlot::empty(),
            mro: RefCellSlot::empty(),
            dict: RefCellSlot::empty(),
            slots,
            methods,
            getsets,
            solid: Cell::new(None),
            version: Cell::new(1),
            nmembers: 0,
            shared_keys: super::values::SharedKeys::new(),
        }
    }

    /// A heap type's fields (the caller allocates the object and sets the
    /// header; see `typetype::new_heap_type`).
    #[allow(clippy::too_many_arguments)]
    pub fn new_heap(
        metatype: &TypeObject,
        name: String,
        qualname: String,
        basicsize: usize,
        base: &TypeObject,
        flags: TypeFlags,
        slots: Slots,
    ) -> TypeObject {
        TypeObject {
            ob: PyObject::new(metatype),
            name: RefCell::new(Cow::Owned(name)),
            qualname: RefCell::new(Some(qualname.into_boxed_str())),
            flags: Cell::new(flags),
            basicsize,
            base: Cell::new(Some(NonNull::from(base))),
            bases: RefCellSlot::empty(),
            mro: RefCellSlot::empty(),
            dict: RefCellSlot::empty(),
            slots,
            methods: &[],
            getsets: &[],
            solid: Cell::new(base.solid.get()),
            version: Cell::new(1),
            nmembers: base.nmembers,
            shared_keys: super::values::SharedKeys::new(),
        }
    }

    /// The type as an object.
    #[inline(always)]
    pub fn as_object(&self) -> &PyObject {
        &self.ob
    }

    /// A new reference to the type.
    #[inline(always)]
    pub fn to_ref(&self) -> Ref {
        self.ob.to_ref()
    }

    /// `__name__`.
    pub fn name(&self) -> std::cell::Ref<'_, Cow<'static, str>> {
        self.name.borrow()
    }

    /// Set `__name__`.
    pub fn set_name(&self, name: String) {
        *self.name.borrow_mut() = Cow::Owned(name);
    }

    /// The name of a static type (TYPE-1: static types have `&'static`
    /// names); heap types answer `"object"`.
    pub fn name_static(&self) -> &'static str {
        match &*self.name.borrow() {
            Cow::Borrowed(s) => s,
            Cow::Owned(_) => "object",
        }
    }

    /// `__qualname__` (the name for built-in types, without the module
    /// part of a dotted static name such as `weakref.ReferenceType`).
    pub fn qualname(&self) -> String {
        match &*self.qualname.borrow() {
            Some(q) => q.to_string(),
            None => {
                let name = self.name();
                name.rsplit('.').next().unwrap_or(&name).to_string()
            }
        }
    }

    /// Set `__qualname__`.
    pub fn set_qualname(&self, q: String) {
        *self.qualname.borrow_mut() = Some(q.into_boxed_str());
    }

    /// `__module__` as a string, if it is one.
    pub fn module_name(&self) -> Option<String> {
        if !self.flags().contains(TypeFlags::HEAPTYPE) {
            // CPython's tp_name convention: `module.Name` for static types
            // of other modules.
            let name = self.name();
            return Some(match name.rsplit_once('.') {
                Some((m, _)) => m.to_string(),
                None => "builtins".to_string(),
            });
        }
        let d = self.dict.get()?;
        let m = super::dict::get_item_str(&d, "__module__")?;
        super::str::as_str(&m).map(|s| s.to_string())
    }

    /// The flags.
    #[inline(always)]
    pub fn flags(&self) -> TypeFlags {
        self.flags.get()
    }

    /// Add flags.
    pub fn add_flags(&self, f: TypeFlags) {
        self.flags.set(self.flags.get().union(f));
    }

    /// Remove flags.
    pub fn remove_flags(&self, f: TypeFlags) {
        self.flags.set(TypeFlags(self.flags.get().0 & !f.0));
    }

    /// `__base__`.
    #[inline]
    pub fn base(&self) -> Option<&TypeObject> {
        // SAFETY: OBJ-H2 — a type holds its bases (statics, or through
        // `bases`), so the base outlives it.
        self.base.get().map(|b| unsafe { b.as_ref() })
    }

    /// Set `__base__` (class creation).
    pub fn set_base(&self, base: &TypeObject) {
        self.base.set(Some(NonNull::from(base)));
    }

    /// Whether this type is `other` or a subclass of it (TYPE-2).
    #[inline]
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.is_subtype_slow(other)
    }

    #[inline(never)]
    fn is_subtype_slow(&self, other: &TypeObject) -> bool {
        match self.mro.peek() {
            Some(mro) => {
                // SAFETY: the MRO tuple is owned by the type and alive.
                let mro = unsafe { mro.as_ref() };
                super::tuple::items(mro)
                    .iter()
                    .any(|t| t.is(other.as_object()))
            }
            None => {
                let mut t = self.base();
                while let Some(b) = t {
                    if std::ptr::eq(b, other) {
                        return true;
                    }
                    t = b.base();
                }
                false
            }
        }
    }

    /// Look `name` up along the MRO (CPython's `_PyType_Lookup`): a
    /// borrowed-then-cloned value from the first dict that has it.
    pub fn lookup(&self, name: &PyObject) -> Option<Ref> {
        // The walk is in typecache.rs, which remembers its result.
        if let Some(hit) = super::typecache::get(self, name) {
            return hit;
        }
        super::typecache::lookup_and_fill(self, name)
    }

    /// [`lookup`](TypeObject::lookup) by a Rust string.
    pub fn lookup_str(&self, name: &str) -> Option<Ref> {
        let key = super::str::intern(name);
        self.lookup(&key)
    }

    /// Whether this is a heap type (a class).
    #[inline]
    pub fn is_heap(&self) -> bool {
        self.flags().contains(TypeFlags::HEAPTYPE)
    }

    /// Whether attribute lookup on instances is `object.__getattribute__`'s
    /// generic one (what the eval loop's attribute caches may shortcut).
    #[inline]
    pub fn has_generic_getattr(&self) -> bool {
        self.slots.getattr.get() as usize == default_getattr as GetAttrFn as usize
    }

    /// Whether attribute assignment on instances is `object.__setattr__`'s
    /// generic one.
    #[inline]
    pub fn has_generic_setattr(&self) -> bool {
        self.slots.setattr.get().map(|f| f as usize)
            == Some(super::baseobject::object_setattr as SetFn as usize)
    }
}

/// Run `__del__` of a heap instance being deallocated (PEP 442): returns
/// false when the finalizer resurrected the object.
pub fn finalize_on_dealloc(obj: &PyObject) -> bool {
    super::instance::finalize_on_dealloc(obj)
}
