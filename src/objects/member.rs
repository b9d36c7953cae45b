//! `__slots__`: the `member_descriptor` that reads and writes one slot of an
//! instance, and the parsing of a class body's `__slots__` into slot names.
//!
//! A class with `__slots__` gives each instance one word per slot name,
//! stored in front of the object with the rest of the pre-header (HEAP-2,
//! `heap::member_slot`). Slot numbers run on from the base class's, so a
//! subclass keeps its bases' slots at the same numbers.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{attribute_error, type_error, value_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// One slot of the instances of a class with `__slots__`.
#[repr(C)]
pub struct MemberDescrObject {
    ob: PyObject,
    /// The slot's (mangled) name.
    name: Ref,
    /// The class whose `__slots__` named it.
    owner: RefCellSlot,
    /// Its number among the instance's member slots.
    index: usize,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for MemberDescrObject {
    fn static_type() -> &'static TypeObject {
        &MEMBER_DESCR_TYPE
    }
}

/// A member descriptor for slot `index`, named `name`, of `owner`'s
/// instances.
pub fn new_member_descr(name: Ref, owner: &PyObject, index: usize) -> Ref {
    let obj = heap::alloc_object(&MEMBER_DESCR_TYPE, std::mem::size_of::<MemberDescrObject>());
    let d = MemberDescrObject {
        ob: PyObject::new(&MEMBER_DESCR_TYPE),
        name,
        owner: RefCellSlot::new(Some(owner.to_ref())),
        index,
    };
    // SAFETY: the block has room for the payload.
    unsafe { obj.cast::<MemberDescrObject>().as_ptr().write(d) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn payload(obj: &PyObject) -> &MemberDescrObject {
    obj.downcast_exact::<MemberDescrObject>()
        .expect("member_descriptor")
}

fn owner_name(d: &MemberDescrObject) -> String {
    d.owner
        .get()
        .and_then(|o| super::typetype::as_type(&o).map(|t| t.name().to_string()))
        .unwrap_or_else(|| "?".to_string())
}

/// The slot of `inst` that `d` stands for, after checking that `inst` is an
/// instance of the owner (so it has that many member slots).
fn slot_of<'a>(d: &MemberDescrObject, inst: &'a PyObject) -> PyResult<&'a RefCellSlot> {
    let owner = d.owner.get();
    let applies = owner
        .as_ref()
        .and_then(|o| super::typetype::as_type(o))
        .is_some_and(|t| inst.is_instance_of(t));
    if !applies || d.index >= inst.ty().nmembers {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            as_str(&d.name).unwrap_or("?"),
            owner_name(d),
            inst.ty().name()
        )));
    }
    // SAFETY: MEMBER-1 — `inst`'s type has more than `index` member slots.
    Ok(unsafe { heap::member_slot(inst, d.index) })
}

fn member_get(obj: &PyObject, inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    let d = payload(obj);
    let Some(inst) = inst else {
        return Ok(obj.to_ref());
    };
    slot_of(d, inst)?.get().ok_or_else(|| missing(d, inst))
}

fn member_set(obj: &PyObject, inst: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let d = payload(obj);
    let slot = slot_of(d, inst)?;
    if value.is_none() && !slot.is_some() {
        // CPython's member_set: deleting an empty slot names just the slot.
        return Err(attribute_error(as_str(&d.name).unwrap_or("?")));
    }
    slot.set(value);
    Ok(())
}

fn missing(d: &MemberDescrObject, inst: &PyObject) -> super::err::PyErr {
    attribute_error(format!(
        "'{}' object has no attribute '{}'",
        inst.ty().name(),
        as_str(&d.name).unwrap_or("?")
    ))
}

fn member_repr(obj: &PyObject) -> PyResult {
    let d = payload(obj);
    Ok(new_str(&format!(
        "<member '{}' of '{}' objects>",
        as_str(&d.name).unwrap_or("?"),
        owner_name(d)
    )))
}

unsafe fn member_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<MemberDescrObject>().as_ptr()) }
}

fn member_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let d = payload(obj);
    v.visit(d.name.as_ptr());
    if let Some(p) = d.owner.peek() {
        v.visit(p);
    }
}

fn member_clear(obj: &PyObject) {
    payload(obj).owner.set(None);
}

fn get_name(obj: &PyObject) -> PyResult {
    Ok(payload(obj).name.clone())
}

/// `__qualname__`: the owner's qualified name, a dot, the slot's name.
fn get_qualname(obj: &PyObject) -> PyResult {
    let d = payload(obj);
    let owner = d
        .owner
        .get()
        .and_then(|o| super::typetype::as_type(&o).map(|t| t.qualname()))
        .unwrap_or_else(|| "?".to_string());
    let name = super::str::as_str(&d.name).unwrap_or("?");
    Ok(super::str::new_str(&format!("{owner}.{name}")))
}

fn get_objclass(obj: &PyObject) -> PyResult {
    payload(obj)
        .owner
        .get()
        .ok_or_else(|| attribute_error("__objclass__"))
}

static MEMBER_GETSETS: [super::typeobj::GetSetDef; 3] = [
    super::typeobj::GetSetDef {
        name: "__name__",
        get: get_name,
        set: None,
    },
    super::typeobj::GetSetDef {
        name: "__qualname__",
        get: get_qualname,
        set: None,
    },
    super::typeobj::GetSetDef {
        name: "__objclass__",
        get: get_objclass,
        set: None,
    },
];

/// `member_descriptor`.
pub static MEMBER_DESCR_TYPE: TypeObject = TypeObject::new_static(
    "member_descriptor",
    std::mem::size_of::<MemberDescrObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: member_drop,
        traverse: Some(member_traverse),
        clear: Some(member_clear),
        repr: Cell::new(member_repr),
        descr_get: Cell::new(Some(member_get)),
        descr_set: Cell::new(Some(member_set)),
        ..Slots::empty()
    },
    &[],
    &MEMBER_GETSETS,
);

/// What a class body's `__slots__` asks for.
pub struct SlotSpec {
    /// Slot names, mangled, in order (without `__dict__` / `__weakref__`).
    pub names: Vec<Ref>,
    /// `'__dict__'` was among them.
    pub dict: bool,
    /// `'__weakref__'` was among them.
    pub weakref: bool,
}

/// Parse `__slots__` (a str or an iterable of str) of class `class_name`,
/// checking names as CPython's `type_new` does. `has_dict`: the base
/// already gives instances a `__dict__`; `ns_has`: whether the class body
/// defines a name (a slot may not shadow a class variable).
pub fn parse_slots(
    slots: &PyObject,
    class_name: &str,
    has_dict: bool,
    ns_has: &dyn Fn(&str) -> PyResult<bool>,
) -> PyResult<SlotSpec> {
    let items: Vec<Ref> = if as_str(slots).is_some() {
        vec![slots.to_ref()]
    } else {
        super::protocol::to_vec(slots)?
    };
    let mut spec = SlotSpec {
        names: Vec::new(),
        dict: false,
        weakref: false,
    };
    for item in items {
        let Some(s) = as_str(&item) else {
            return Err(type_error(format!(
                "__slots__ items must be strings, not '{}'",
                item.ty().name()
            )));
        };
        if !is_identifier(s) {
            return Err(type_error("__slots__ must be identifiers"));
        }
        if s == "__dict__" {
            if has_dict || spec.dict {
                return Err(type_error("__dict__ slot disallowed: we already got one"));
            }
            spec.dict = true;
            continue;
        }
        if s == "__weakref__" {
            if spec.weakref {
                return Err(type_error(
                    "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                ));
            }
            spec.weakref = true;
            continue;
        }
        let mangled = crate::compile::symtable::mangle(Some(class_name), s);
        if ns_has(&mangled)? {
            return Err(value_error(format!(
                "'{mangled}' in __slots__ conflicts with class variable"
            )));
        }
        spec.names.push(super::str::intern(&mangled));
    }
    Ok(spec)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}
