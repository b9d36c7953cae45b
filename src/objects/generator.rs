//! `generator`: a suspended frame. `send` resumes it with a value, `throw`
//! raises inside it (delegating to the iterator of a `yield from` first),
//! `close` throws `GeneratorExit`; a generator dropped while suspended is
//! closed by its finalizer.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{runtime_error, type_error, value_error, PyErr, PyResult};
use super::exceptions as exc;
use super::function::FunctionObject;
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::Opcode;
use crate::vm::eval::{run_frame, Exit};
use crate::vm::frame::Frame;

/// A generator.
#[repr(C)]
pub struct GeneratorObject {
    ob: PyObject,
    /// The frame; `None` once finished (GEN-1: only `resume` touches it
    /// while `running` is set).
    frame: UnsafeCell<Option<Box<Frame>>>,
    running: Cell<bool>,
    started: Cell<bool>,
    name: RefCellSlot,
    qualname: RefCellSlot,
    /// The exception the suspended frame is handling (CPython's
    /// `gi_exc_state`); while it runs, it is the interpreter's current one.
    exc_state: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for GeneratorObject {
    fn static_type() -> &'static TypeObject {
        &GENERATOR_TYPE
    }
}

/// A generator for a frame just set up by a call.
pub fn new_generator(frame: Frame, func: &FunctionObject) -> Ref {
    let obj = heap::alloc_object(&GENERATOR_TYPE, std::mem::size_of::<GeneratorObject>());
    let g = GeneratorObject {
        ob: PyObject::new(&GENERATOR_TYPE),
        frame: UnsafeCell::new(Some(Box::new(frame))),
        running: Cell::new(false),
        started: Cell::new(false),
        name: RefCellSlot::new(func.name.get()),
        qualname: RefCellSlot::new(func.qualname.get()),
        exc_state: RefCellSlot::empty(),
    };
    // SAFETY: the block has room for a GeneratorObject.
    unsafe { obj.cast::<GeneratorObject>().as_ptr().write(g) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// The generator payload of `obj`.
#[inline]
pub fn as_generator(obj: &PyObject) -> Option<&GeneratorObject> {
    obj.downcast_exact::<GeneratorObject>()
}

impl GeneratorObject {
    #[allow(clippy::mut_from_ref)]
    fn frame_mut(&self) -> &mut Option<Box<Frame>> {
        // SAFETY: GEN-1 — callers hold `running` (or run no Python code)
        // while they use the frame, so no second borrow exists.
        unsafe { &mut *self.frame.get() }
    }

    fn is_finished(&self) -> bool {
        self.frame_mut().is_none()
    }

    /// Resume the frame: push `value` (unless just started), or raise
    /// `throw` inside it.
    fn resume(&self, value: Option<Ref>, throw: Option<PyErr>) -> PyResult<Exit> {
        if self.running.get() {
            return Err(value_error("generator already executing"));
        }
        let Some(frame) = self.frame_mut().as_mut() else {
            if let Some(e) = throw {
                return Err(e);
            }
            return Ok(Exit::Return(super::none::none()));
        };
        if self.started.get() && throw.is_none() {
            frame.push(value.unwrap_or_else(super::none::none));
        }
        self.started.set(true);
        self.running.set(true);
        let frame_ptr: *mut Frame = &mut **frame;
        crate::vm::exc_info::enter_generator(self.exc_state.take());
        // SAFETY: GEN-1 — `running` is set, so nothing else touches the
        // frame while it runs; the Box stays in place.
        let r = run_frame(unsafe { &mut *frame_ptr }, throw);
        self.exc_state.set(crate::vm::exc_info::leave_generator());
        self.running.set(false);
        match r {
            Ok(Exit::Yield(v)) => Ok(Exit::Yield(v)),
            Ok(Exit::Return(v)) => {
                self.finish();
                Ok(Exit::Return(v))
            }
            Err(e) => {
                self.finish();
                if e.matches(&exc::STOP_ITERATION) {
                    let r = runtime_error("generator raised StopIteration");
                    if let Some(x) = exc::exception(r.value()) {
                        x.cause.set(Some(e.value().clone()));
                        x.context.set(Some(e.value().clone()));
                        x.suppress_context.set(true);
                    }
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    fn finish(&self) {
        let f = self.frame_mut().take();
        drop(f);
    }

    /// `gen.send(v)`.
    pub fn send(&self, v: Ref) -> PyResult<Exit> {
        if !self.started.get() && !v.is(super::none::none_ref()) && !self.is_finished() {
            return Err(type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        self.resume(Some(v), None)
    }

    /// The iterator a suspended `yield from` delegates to.
    fn delegate(&self) -> Option<Ref> {
        let frame = self.frame_mut().as_ref()?;
        let instr = frame.code().unit.instrs.get(frame.lasti)?;
        if instr.op() == Opcode::YIELD_VALUE && instr.arg() == 1 {
            frame.top().cloned()
        } else {
            None
        }
    }

    /// Resume after the delegated iterator returned `v`: leave the
    /// `yield from` loop at its `SEND`'s exit with `v` as its result.
    fn resume_after_delegate(&self, v: Ref) -> PyResult<Exit> {
        if let Some(frame) = self.frame_mut().as_mut() {
            let code = frame.code_ref.clone();
            let unit = &super::codeobj::as_code(&code).expect("code").unit;
            let jump = unit.instrs[frame.ip];
            let send = unit.instrs[jump.arg() as usize];
            debug_assert_eq!(send.op(), Opcode::SEND);
            drop(frame.pop());
            frame.ip = send.arg() as usize;
            frame.push(v);
            frame.lasti = frame.ip;
            self.started.set(true);
        }
        self.resume_no_push()
    }

    fn resume_no_push(&self) -> PyResult<Exit> {
        // Resume without pushing a sent value: the stack is already right.
        self.started.set(false);
        let r = self.resume(None, None);
        self.started.set(true);
        r
    }

    /// `gen.throw(exc)`.
    pub fn throw(&self, e: PyErr) -> PyResult<Exit> {
        if let Some(sub) = self.delegate() {
            if self.running.get() {
                return Err(value_error("generator already executing"));
            }
            let r = if e.matches(&exc::GENERATOR_EXIT) {
                close_iter(&sub).map(|_| None::<Ref>)
            } else if let Some(g) = as_generator(&sub) {
                self.running.set(true);
                let r = g.throw(e.clone());
                self.running.set(false);
                match r {
                    Ok(Exit::Yield(v)) => return Ok(Exit::Yield(v)),
                    Ok(Exit::Return(v)) => return self.resume_after_delegate(v),
                    Err(err) => Err(err),
                }
            } else {
                match super::protocol::getattr_opt(&sub, &super::str::intern("throw"))? {
                    Some(t) => {
                        self.running.set(true);
                        let r = super::protocol::call(&t, &[e.value().clone()], None);
                        self.running.set(false);
                        match r {
                            Ok(v) => return Ok(Exit::Yield(v)),
                            Err(err) if err.matches(&exc::STOP_ITERATION) => {
                                return self.resume_after_delegate(
                                    crate::vm::ops::stop_iteration_value(&err),
                                )
                            }
                            Err(err) => Err(err),
                        }
                    }
                    None => Ok(None),
                }
            };
            let e = match r {
                Ok(_) => e,
                Err(err) => err,
            };
            // The delegate is done with: drop it from our stack, then raise
            // in our own frame at the yield.
            return self.resume(None, Some(e));
        }
        self.resume(None, Some(e))
    }

    /// `gen.close()`.
    pub fn close(&self) -> PyResult<()> {
        if self.is_finished() {
            return Ok(());
        }
        if !self.started.get() {
            self.finish();
            return Ok(());
        }
        match self.throw(PyErr::new_empty(&exc::GENERATOR_EXIT)) {
            Ok(Exit::Yield(_)) => Err(runtime_error("generator ignored GeneratorExit")),
            Ok(Exit::Return(_)) => Ok(()),
            Err(e) if e.matches(&exc::GENERATOR_EXIT) || e.matches(&exc::STOP_ITERATION) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Finalizer: close a suspended generator; errors are unraisable.
    pub fn finalize(&self, obj: &PyObject) {
        if self.started.get() && !self.is_finished() {
            if let Err(e) = self.close() {
                super::protocol::write_unraisable(&e, Some(obj));
            }
        }
    }
}

fn close_iter(it: &PyObject) -> PyResult<()> {
    if let Some(g) = as_generator(it) {
        return g.close();
    }
    if let Some(c) = super::protocol::getattr_opt(it, &super::str::intern("close"))? {
        super::protocol::call(&c, &[], None)?;
    }
    Ok(())
}

fn exit_to_result(r: PyResult<Exit>) -> PyResult {
    match r? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => {
            if v.is(super::none::none_ref()) {
                Err(super::err::stop_iteration(None))
            } else {
                Err(super::err::stop_iteration(Some(v)))
            }
        }
    }
}

fn gen_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let g = as_generator(obj).expect("generator");
    match g.resume(None, None)? {
        Exit::Yield(v) => Ok(Some(v)),
        Exit::Return(v) if v.is(super::none::none_ref()) => Ok(None),
        // `next(gen)` must see the return value (StopIteration.value).
        Exit::Return(v) => Err(super::err::stop_iteration(Some(v))),
    }
}

fn m_send(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let g = as_generator(&args[0]).ok_or_else(|| type_error("send() needs a generator"))?;
    let v = args
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("generator.send() takes exactly one argument (0 given)"))?;
    exit_to_result(g.send(v))
}

fn m_throw(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let g = as_generator(&args[0]).ok_or_else(|| type_error("throw() needs a generator"))?;
    let t = args
        .get(1)
        .ok_or_else(|| type_error("throw expected at least 1 argument, got 0"))?;
    let e = if let Some(ty) = super::typetype::as_type(t) {
        if !ty.is_subtype(&exc::BASE_EXCEPTION) {
            return Err(type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                ty.name()
            )));
        }
        let inst = match args.get(2).filter(|v| !v.is(super::none::none_ref())) {
            Some(v) if v.is_instance_of(ty) => v.clone(),
            Some(v) => super::protocol::call(t, std::slice::from_ref(v), None)?,
            None => super::protocol::call(t, &[], None)?,
        };
        inst
    } else if t.is_instance_of(&exc::BASE_EXCEPTION) {
        t.clone()
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            t.ty().name()
        )));
    };
    exit_to_result(g.throw(PyErr::from_instance(e)))
}

fn m_close(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let g = as_generator(&args[0]).ok_or_else(|| type_error("close() needs a generator"))?;
    g.close()?;
    Ok(super::none::none())
}

static GEN_METHODS: [MethodDef; 3] = [
    MethodDef {
        name: "send",
        func: m_send,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "throw",
        func: m_throw,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "close",
        func: m_close,
        kind: MethodKind::Instance,
    },
];

fn gen(o: &PyObject) -> &GeneratorObject {
    as_generator(o).expect("generator")
}

fn get_name(o: &PyObject) -> PyResult {
    Ok(gen(o).name.get().unwrap_or_else(|| new_str("?")))
}

fn get_qualname(o: &PyObject) -> PyResult {
    Ok(gen(o).qualname.get().unwrap_or_else(|| new_str("?")))
}

static GEN_GETSETS: [GetSetDef; 4] = [
    GetSetDef {
        name: "__name__",
        get: get_name,
        set: None,
    },
    GetSetDef {
        name: "__qualname__",
        get: get_qualname,
        set: None,
    },
    GetSetDef {
        name: "gi_running",
        get: |o| Ok(super::bool::new_bool(gen(o).running.get())),
        set: None,
    },
    GetSetDef {
        name: "gi_code",
        get: |o| {
            Ok(gen(o)
                .frame_mut()
                .as_ref()
                .map(|f| f.code_ref.clone())
                .unwrap_or_else(super::none::none))
        },
        set: None,
    },
];

unsafe fn gen_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<GeneratorObject>().as_ptr()) }
}

fn gen_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let g = gen(obj);
    if g.running.get() {
        return; // a running frame's references are on the Rust stack: roots
    }
    if let Some(f) = g.frame_mut().as_ref() {
        f.for_each_ref(|r| v.visit(NonNull::from(r)));
    }
    for s in [&g.name, &g.qualname, &g.exc_state] {
        if let Some(p) = s.peek() {
            v.visit(p);
        }
    }
}

fn gen_clear(obj: &PyObject) {
    let g = gen(obj);
    if !g.running.get() {
        g.finish();
        g.exc_state.set(None);
    }
}

fn gen_repr(obj: &PyObject) -> PyResult {
    let q = gen(obj)
        .qualname
        .get()
        .map(|q| as_str(&q).unwrap_or("?").to_string())
        .unwrap_or_default();
    Ok(new_str(&format!(
        "<generator object {} at {:#x}>",
        q,
        obj.addr()
    )))
}

/// `generator`.
pub static GENERATOR_TYPE: TypeObject = TypeObject::new_static(
    "generator",
    std::mem::size_of::<GeneratorObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::HAS_FINALIZER.0 | TypeFlags::MANAGED_WEAKREF.0),
    Slots {
        drop: gen_drop,
        traverse: Some(gen_traverse),
        clear: Some(gen_clear),
        repr: Cell::new(gen_repr),
        iter: Cell::new(Some(super::iterators::self_iter)),
        next: Cell::new(Some(gen_next)),
        ..Slots::empty()
    },
    &GEN_METHODS,
    &GEN_GETSETS,
);
