//! The eval loop: one `match` over the opcode table with short arms;
//! anything longer is a named helper in `ops.rs`. Errors leave through
//! `tri!` with `frame.lasti` naming the raising instruction; [`run_frame`]
//! adds the traceback entry and unwinds to the handler the exception table
//! names.
//!
//! The loop keeps the instruction index and the stack pointer in locals
//! (registers): `frame.sp` is stale while an instruction runs and is
//! written back by `save_sp!` — Lua's `savepc` — before anything that looks
//! at the frame's stack from outside the loop (an error leaving, a helper
//! taking the frame, a yield or return). `frame.lasti` is stored on every
//! instruction, so an inspected frame always knows its line.

use crate::compile::opcode::{split_pair, BinaryOp, CompareOp, Opcode};
use crate::objects::bool::new_bool;
use crate::objects::codeobj::as_code;
use crate::objects::err::{PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::int::new_int;
use crate::objects::object::Ref;
use crate::objects::protocol;
use crate::objects::tuple::new_tuple;

use super::frame::Frame;
use super::ops;

/// How a frame's run ended.
pub enum Exit {
    /// `return v` (or the end of the code).
    Return(Ref),
    /// `yield v`: the frame is suspended and may be resumed.
    Yield(Ref),
}

/// Run `frame` from its current instruction; `throw` raises an exception
/// at that point first (generator `throw`).
#[inline]
pub fn run_frame(frame: &mut Frame, throw: Option<PyErr>) -> PyResult<Exit> {
    let _depth = super::recursion::enter("")?;
    super::frame::enter(frame);
    let r = match throw {
        None => match execute(frame) {
            Ok(exit) => Ok(exit),
            Err(e) => run_with_handlers(frame, e),
        },
        Some(e) => run_with_handlers(frame, e),
    };
    super::frame::leave(frame);
    r
}

/// Unwind `err` to the handler of the raising instruction and go on
/// running, until the frame exits or an error finds no handler.
#[cold]
#[inline(never)]
fn run_with_handlers(frame: &mut Frame, mut err: PyErr) -> PyResult<Exit> {
    loop {
        let e = if std::mem::take(&mut frame.reraise) {
            err
        } else {
            ops::add_traceback(frame, err)
        };
        let entry = frame.code().unit.handler_for(frame.lasti as u32).copied();
        match entry {
            Some(h) => {
                frame.truncate_stack(h.depth as usize);
                if h.push_lasti {
                    frame.push(new_int(frame.lasti as i64));
                }
                frame.push(e.into_value());
                frame.ip = h.target as usize;
                frame.kwnames = None;
            }
            None => {
                frame.truncate_stack(0);
                return Err(e);
            }
        }
        match execute(frame) {
            Ok(exit) => return Ok(exit),
            Err(e) => err = e,
        }
    }
}

/// Run instructions until the frame returns, yields or raises.
fn execute(frame: &mut Frame) -> PyResult<Exit> {
    let code_ref = frame.code_ref.clone();
    let code = as_code(&code_ref).expect("frame code");
    let instrs = &code.unit.instrs[..];
    let nlocals = code.nlocals();
    let fast = frame.fast_ptr();
    #[cfg(debug_assertions)]
    let (stack_base, stack_end) = (
        frame.stack_base(),
        // SAFETY: FRAME-2 — the stack region has `stacksize + 1` slots.
        unsafe { frame.stack_base().add(code.unit.stacksize as usize) },
    );
    // CPython's RESUME: entering or resuming a frame is a safe point, so a
    // collection an allocation made due runs before the frame's first
    // instruction, not only at the next backward jump.
    ops::eval_breaker()?;
    let mut sp = frame.sp;
    let mut ip = frame.ip;
    #[cfg(feature = "opcode-pairs")]
    let mut prev_instr = (usize::MAX, 0u8);

    // The stack macros. SAFETY (all): FRAME-3 — the compiler's code never
    // holds more than `stacksize` values nor pops a value it did not push,
    // so `sp` stays within `stack_base..=stack_base + stacksize`, and the
    // slots below `sp` are initialised (FRAME-2).
    macro_rules! push {
        ($v:expr) => {{
            let v: Ref = $v;
            #[cfg(debug_assertions)]
            debug_assert!(sp < stack_end, "FRAME-3: stack overflow");
            // SAFETY: FRAME-3 — below the stack's limit.
            unsafe {
                sp.write(v);
                sp = sp.add(1);
            }
        }};
    }
    macro_rules! pop {
        () => {{
            #[cfg(debug_assertions)]
            debug_assert!(sp > stack_base, "FRAME-3: stack underflow");
            // SAFETY: FRAME-3 — a value is there; it moves out as `sp`
            // moves below it.
            unsafe {
                sp = sp.sub(1);
                sp.read()
            }
        }};
    }
    // The value `n >= 1` places from the top (`peek!(1)` is the top).
    macro_rules! peek {
        ($n:expr) => {{
            let n: usize = $n;
            #[cfg(debug_assertions)]
            debug_assert!(n >= 1 && sp.wrapping_sub(n) >= stack_base, "FRAME-3");
            // SAFETY: FRAME-3 — the instruction's inputs are on the stack.
            unsafe { &*sp.sub(n) }
        }};
    }
    // Write the stack pointer back to the frame (FRAME-2 holds for
    // `frame.sp` again).
    macro_rules! save_sp {
        () => {
            frame.sp = sp
        };
    }
    // Run a helper that takes the frame and may push or pop.
    macro_rules! with_frame {
        ($e:expr) => {{
            save_sp!();
            let r = $e;
            sp = frame.sp;
            r
        }};
    }
    // `?` for the loop: on an error, make the frame consistent and leave.
    macro_rules! tri {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(e) => {
                    save_sp!();
                    frame.ip = ip;
                    return Err(e);
                }
            }
        };
    }
    // Push local `$i` (a fast local index, checked by the assembler), or
    // raise UnboundLocalError.
    macro_rules! load_fast {
        ($i:expr) => {{
            let i: usize = $i;
            debug_assert!(i < nlocals, "ASM operand check");
            // SAFETY: FRAME-2 — the operand is a local index (checked by
            // the assembler), below `nfast`.
            match unsafe { &*fast.add(i) } {
                Some(v) => push!(v.clone()),
                None => tri!(Err(ops::unbound_local(&code.varnames[i]))),
            }
        }};
    }
    // Pop into local `$i`; the old value is dropped after the slot holds
    // the new one.
    macro_rules! store_fast {
        ($i:expr) => {{
            let i: usize = $i;
            let v = pop!();
            debug_assert!(i < nlocals, "ASM operand check");
            // SAFETY: FRAME-2 — as `load_fast!`.
            let old = unsafe { (*fast.add(i)).replace(v) };
            drop(old);
        }};
    }
    // `BINARY_OP oparg` on `a` and `b`, pushing the result. `s += t` on
    // exact strs stored back to the same local lets go of the local's
    // reference first, so the str can grow in place (both must be strs:
    // `s += 1` raises and must leave `s` bound).
    macro_rules! binary_op {
        ($a:expr, $b:expr, $oparg:expr) => {{
            let (a, b, oparg): (Ref, Ref, u32) = ($a, $b, $oparg);
            if crate::objects::str::is_exact_str(&a) && crate::objects::str::is_exact_str(&b) {
                if let Some(j) = ops::concat_target(instrs.get(ip), oparg) {
                    debug_assert!(j < nlocals, "ASM operand check");
                    // SAFETY: FRAME-2 — as STORE_FAST. Dropping the
                    // local's reference runs no code: `a` holds another.
                    let slot = unsafe { &mut *fast.add(j) };
                    if slot.as_ref().is_some_and(|v| v.is(&a)) {
                        *slot = None;
                    }
                }
            }
            push!(tri!(ops::binary_op(a, &b, oparg)));
        }};
    }
    macro_rules! exit {
        ($e:expr) => {{
            save_sp!();
            frame.ip = ip;
            return $e;
        }};
    }

    loop {
        debug_assert!(ip < instrs.len(), "ASM-1: control left the code");
        // SAFETY: ASM-1 — jump operands index `instrs` and the last
        // instruction is a terminator, so `ip` is always in range.
        let instr = unsafe { *instrs.get_unchecked(ip) };
        frame.lasti = ip;
        ip += 1;
        let arg = instr.arg() as usize;
        #[cfg(debug_assertions)]
        if std::env::var_os("PYRITE_TRACE").is_some() {
            save_sp!();
            eprintln!("{:4} {:?} stack={}", ip - 1, instr, frame.stack_len());
        }
        #[cfg(feature = "opcode-pairs")]
        super::pairs::record(&mut prev_instr, ip - 1, instr.op());
        match instr.op() {
            Opcode::NOP => {}
            Opcode::POP_TOP => drop(pop!()),
            Opcode::PUSH_NULL => push!(ops::null()),
            Opcode::COPY => {
                let v = peek!(arg).clone();
                push!(v);
            }
            Opcode::SWAP => {
                // SAFETY: FRAME-3 — both are values on the stack.
                unsafe { std::ptr::swap(sp.sub(1), sp.sub(arg)) };
            }
            Opcode::LOAD_CONST => push!(code.consts[arg].clone()),
            Opcode::LOAD_FAST => load_fast!(arg),
            Opcode::STORE_FAST => store_fast!(arg),
            // Superinstructions (compile/superinstr.rs): both halves in one
            // dispatch; only the first half may raise (SUPER-4).
            Opcode::LOAD_OTUS => {
                let (a, b) = split_pair(instr.arg());
                load_fast!(a as usize);
                push!(code.consts[b as usize].clone());
            }
            Opcode::LOAD_FAST__LOAD_FAST => {
                let (a, b) = split_pair(instr.arg());
                load_fast!(a as usize);
                load_fast!(b as usize);
            }
            Opcode::STORE_FAST__LOAD_FAST => {
                let (a, b) = split_pair(instr.arg());
                store_fast!(a as usize);
                load_fast!(b as usize);
            }
            Opcode::STORE_FAST__STORE_FAST => {
                let (a, b) = split_pair(instr.arg());
                store_fast!(a as usize);
                store_fast!(b as usize);
            }
            Opcode::LOAD_CONST__LOAD_FAST => {
                let (a, b) = split_pair(instr.arg());
                push!(code.consts[a as usize].clone());
                load_fast!(b as usize);
            }
            Opcode::DELETE_FAST => {
                if frame.fast_mut()[arg].take().is_none() {
                    tri!(Err(ops::unbound_local(&code.varnames[arg])));
                }
            }
            Opcode::LOAD_NAME => {
                let v = tri!(ops::load_name(frame, &code.names[arg]));
                push!(v);
            }
            Opcode::STORE_NAME => {
                let v = pop!();
                tri!(ops::store_name(frame, &code.names[arg], v));
            }
            Opcode::DELETE_NAME => tri!(ops::delete_name(frame, &code.names[arg])),
            Opcode::LOAD_GLOBAL => {
                let v = tri!(ops::load_global_cached(frame, code, arg));
                push!(v);
            }
            Opcode::STORE_GLOBAL => {
                let v = pop!();
                tri!(ops::dict_set(&frame.globals, code.names[arg].clone(), v));
            }
            Opcode::DELETE_GLOBAL => tri!(ops::delete_global(frame, &code.names[arg])),
            Opcode::LOAD_DEREF => {
                let v = tri!(ops::load_deref(frame, code, arg));
                push!(v);
            }
            Opcode::STORE_DEREF => {
                let v = pop!();
                ops::cell_of(frame, nlocals + arg).contents.set(Some(v));
            }
            Opcode::DELETE_DEREF => {
                if ops::cell_of(frame, nlocals + arg).contents.take().is_none() {
                    tri!(Err(ops::unbound_deref(code, arg)));
                }
            }
            Opcode::LOAD_CLOSURE => {
                let c = frame.fast()[nlocals + arg].clone().expect("cell slot");
                push!(c);
            }
            Opcode::LOAD_CLASSDEREF => {
                let v = tri!(ops::load_classderef(frame, code, arg));
                push!(v);
            }
            Opcode::LOAD_ATTR => {
                let obj = pop!();
                push!(tri!(ops::load_attr_cached(&obj, code, arg)));
            }
            Opcode::STORE_ATTR => {
                let obj = pop!();
                let v = pop!();
                tri!(ops::store_attr_cached(&obj, code, arg, v));
            }
            Opcode::DELETE_ATTR => {
                let obj = pop!();
                tri!(protocol::setattr(&obj, &code.names[arg], None));
            }
            Opcode::LOAD_METHOD => {
                let obj = pop!();
                let (a, b) = tri!(ops::load_method_cached(obj, code, arg));
                push!(a);
                push!(b);
            }
            Opcode::BINARY_SUBSCR => {
                let key = pop!();
                let container = pop!();
                push!(tri!(ops::subscr(&container, &key)));
            }
            Opcode::STORE_SUBSCR => {
                let key = pop!();
                let container = pop!();
                let v = pop!();
                tri!(ops::store_subscr(&container, &key, v));
            }
            Opcode::DELETE_SUBSCR => {
                let key = pop!();
                let container = pop!();
                tri!(protocol::setitem(&container, &key, None));
            }
            Opcode::BUILD_SLICE => {
                let step = if arg == 3 { Some(pop!()) } else { None };
                let stop = pop!();
                let start = pop!();
                push!(crate::objects::registry::new_slice(start, stop, step));
            }
            Opcode::BINARY_OP => {
                let b = pop!();
                let a = pop!();
                binary_op!(a, b, instr.arg());
            }
            Opcode::LOAD_CONST__BINARY_OP => {
                let (c, op) = split_pair(instr.arg());
                let b = code.consts[c as usize].clone();
                let a = pop!();
                binary_op!(a, b, op);
            }
            Opcode::LOAD_FAST__LOAD_ATTR => {
                let (a, name) = split_pair(instr.arg());
                load_fast!(a as usize);
                let obj = pop!();
                push!(tri!(ops::load_attr_cached(&obj, code, name as usize)));
            }
            Opcode::UNARY_NEGATIVE => {
                let v = pop!();
                push!(tri!(protocol::neg(&v)));
            }
            Opcode::UNARY_POSITIVE => {
                let v = pop!();
                push!(tri!(protocol::pos(&v)));
            }
            Opcode::UNARY_INVERT => {
                let v = pop!();
                push!(tri!(protocol::invert(&v)));
            }
            Opcode::UNARY_NOT => {
                let v = pop!();
                push!(new_bool(!tri!(ops::truth(&v))));
            }
            Opcode::COMPARE_OP => {
                let b = pop!();
                let a = pop!();
                let op = CompareOp::decode(instr.arg()).expect("compare operand");
                push!(tri!(ops::compare(&a, &b, op)));
            }
            Opcode::IS_OP => {
                let b = pop!();
                let a = pop!();
                push!(new_bool(a.is(&b) != (arg == 1)));
            }
            Opcode::CONTAINS_OP => {
                let b = pop!();
                let a = pop!();
                push!(new_bool(tri!(protocol::contains(&b, &a)) != (arg == 1)));
            }
            Opcode::JUMP => {
                if arg < ip {
                    tri!(ops::eval_breaker());
                }
                ip = arg;
            }
            Opcode::POP_JUMP_IF_FALSE => {
                let v = pop!();
                if !tri!(ops::truth(&v)) {
                    ip = arg;
                }
            }
            Opcode::POP_JUMP_IF_TRUE => {
                let v = pop!();
                if tri!(ops::truth(&v)) {
                    ip = arg;
                }
            }
            Opcode::POP_JUMP_IF_NONE => {
                let v = pop!();
                if v.is(crate::objects::none::none_ref()) {
                    ip = arg;
                }
            }
            Opcode::POP_JUMP_IF_NOT_NONE => {
                let v = pop!();
                if !v.is(crate::objects::none::none_ref()) {
                    ip = arg;
                }
            }
            Opcode::JUMP_IF_FALSE_OR_POP => {
                if tri!(ops::truth(peek!(1))) {
                    drop(pop!());
                } else {
                    ip = arg;
                }
            }
            Opcode::JUMP_IF_TRUE_OR_POP => {
                if tri!(ops::truth(peek!(1))) {
                    ip = arg;
                } else {
                    drop(pop!());
                }
            }
            Opcode::GET_ITER => {
                let v = pop!();
                push!(tri!(protocol::iter(&v)));
            }
            Opcode::FOR_ITER => match tri!(protocol::next(peek!(1))) {
                Some(v) => push!(v),
                None => {
                    drop(pop!());
                    ip = arg;
                }
            },
            Opcode::BUILD_TUPLE => {
                let items = with_frame!(frame.pop_n(arg));
                push!(new_tuple(items));
            }
            Opcode::BUILD_LIST => {
                let items = with_frame!(frame.pop_n(arg));
                push!(crate::objects::list::new_list(items));
            }
            Opcode::BUILD_SET => {
                let items = with_frame!(frame.pop_n(arg));
                push!(tri!(crate::objects::set::new_set(items)));
            }
            Opcode::BUILD_MAP => {
                let items = with_frame!(frame.pop_n(2 * arg));
                push!(tri!(ops::build_map(items)));
            }
            Opcode::BUILD_CONST_KEY_MAP => {
                let keys = pop!();
                let values = with_frame!(frame.pop_n(arg));
                push!(tri!(ops::build_const_key_map(&keys, values)));
            }
            Opcode::BUILD_STRING => {
                let parts = with_frame!(frame.pop_n(arg));
                push!(ops::build_string(&parts));
            }
            Opcode::LIST_APPEND => {
                let v = pop!();
                crate::objects::list::as_list(peek!(arg))
                    .expect("LIST_APPEND target")
                    .push(v);
            }
            Opcode::SET_ADD => {
                let v = pop!();
                tri!(crate::objects::set::as_set(peek!(arg))
                    .expect("SET_ADD target")
                    .add(v));
            }
            Opcode::MAP_ADD => {
                let v = pop!();
                let k = pop!();
                tri!(crate::objects::dict::as_dict(peek!(arg))
                    .expect("MAP_ADD target")
                    .set(k, v));
            }
            Opcode::LIST_EXTEND => {
                let it = pop!();
                let l = peek!(arg).clone();
                tri!(ops::list_extend(&l, &it));
            }
            Opcode::SET_UPDATE => {
                let it = pop!();
                let s = peek!(arg).clone();
                tri!(ops::set_update(&s, &it));
            }
            Opcode::DICT_UPDATE => {
                let m = pop!();
                let d = peek!(arg).clone();
                tri!(ops::dict_update(&d, &m));
            }
            Opcode::DICT_MERGE => {
                let m = pop!();
                let d = peek!(arg).clone();
                // Stack: callable, NULL, args tuple, ... the kwargs dict at `arg`.
                let callable = peek!(arg + 3).clone();
                tri!(ops::dict_merge(&callable, &d, &m));
            }
            Opcode::LIST_TO_TUPLE => {
                let l = pop!();
                let items = crate::objects::list::as_list(&l).expect("list").to_vec();
                push!(new_tuple(items));
            }
            Opcode::UNPACK_SEQUENCE => {
                let seq = pop!();
                tri!(with_frame!(ops::unpack_sequence(frame, &seq, arg)));
            }
            Opcode::UNPACK_EX => {
                let seq = pop!();
                tri!(with_frame!(ops::unpack_ex(
                    frame,
                    &seq,
                    arg & 0xff,
                    arg >> 8
                )));
            }
            Opcode::FORMAT_VALUE => {
                let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                let v = pop!();
                push!(tri!(ops::format_value(&v, arg & 3, spec.as_deref())));
            }
            Opcode::KW_NAMES => frame.kwnames = Some(code.consts[arg].clone()),
            Opcode::CALL => {
                let kwnames = frame.kwnames.take();
                // SAFETY: FRAME-3 — `CALL n` finds the callable, self-or-null
                // and `n` arguments on the stack.
                let base = unsafe { sp.sub(arg + 2) };
                // SAFETY: FRAME-2 — those `n + 2` slots are initialised, and
                // stay so during the call (nothing else touches this
                // running frame's stack).
                let items = unsafe { std::slice::from_raw_parts(base, arg + 2) };
                let r = ops::call(items, kwnames.as_deref());
                while sp > base {
                    drop(pop!());
                }
                push!(tri!(r));
            }
            Opcode::CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                let args = pop!();
                let _null = pop!();
                let callable = pop!();
                push!(tri!(ops::call_ex(&callable, &args, kwargs.as_deref())));
            }
            Opcode::MAKE_FUNCTION => {
                let f = tri!(with_frame!(ops::make_function(frame, arg)));
                push!(f);
            }
            Opcode::RETURN_VALUE => {
                let v = pop!();
                exit!(Ok(Exit::Return(v)));
            }
            Opcode::YIELD_VALUE => {
                let v = pop!();
                exit!(Ok(Exit::Yield(v)));
            }
            Opcode::SEND => {
                let v = pop!();
                match tri!(ops::send(peek!(1), v)) {
                    ops::SendResult::Yielded(x) => push!(x),
                    ops::SendResult::Returned(r) => {
                        drop(pop!());
                        push!(r);
                        ip = arg;
                    }
                }
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let v = pop!();
                push!(tri!(ops::yield_from_iter(v)));
            }
            Opcode::PUSH_EXC_INFO => {
                let e = pop!();
                let prev = super::exc_info::replace(Some(e.clone()));
                push!(prev.unwrap_or_else(crate::objects::none::none));
                push!(e);
            }
            Opcode::POP_EXCEPT => {
                let prev = pop!();
                let prev = if prev.is(crate::objects::none::none_ref()) {
                    None
                } else {
                    Some(prev)
                };
                drop(super::exc_info::replace(prev));
            }
            Opcode::RERAISE => {
                // The `lasti` item (operand != 0) only restores the line
                // CPython reports for the frame; the traceback entry of the
                // original raise already has it, and the handler search
                // must start from this instruction, so it is not used.
                let e = pop!();
                frame.reraise = true;
                tri!(Err(PyErr::from_instance(e)));
            }
            Opcode::CHECK_EXC_MATCH => {
                let ty = pop!();
                let m = tri!(ops::exception_matches(peek!(1), &ty));
                push!(new_bool(m));
            }
            Opcode::RAISE_VARARGS => {
                let e = tri!(with_frame!(ops::raise(frame, arg)));
                tri!(Err(e));
            }
            Opcode::WITH_EXCEPT_START => {
                let r = tri!(ops::with_except_start(peek!(4), peek!(1)));
                push!(r);
            }
            Opcode::BEFORE_WITH => {
                let mgr = pop!();
                let (exit, entered) = tri!(ops::before_with(&mgr));
                push!(exit);
                push!(entered);
            }
            Opcode::LOAD_ASSERTION_ERROR => push!(exc::ASSERTION_ERROR.to_ref()),
            Opcode::LOAD_BUILD_CLASS => {
                let v = tri!(ops::load_build_class(frame));
                push!(v);
            }
            Opcode::IMPORT_NAME => {
                let fromlist = pop!();
                let level = pop!();
                let m = tri!(super::import::import_name(
                    frame,
                    &code.names[arg],
                    &fromlist,
                    &level
                ));
                push!(m);
            }
            Opcode::IMPORT_FROM => {
                let v = tri!(super::import::import_from(peek!(1), &code.names[arg]));
                push!(v);
            }
            Opcode::IMPORT_STAR => {
                let m = pop!();
                tri!(super::import::import_star(frame, &m));
            }
            Opcode::SETUP_ANNOTATIONS => tri!(ops::setup_annotations(frame)),
            Opcode::PRINT_EXPR => {
                let v = pop!();
                tri!(ops::print_expr(&v));
            }
            Opcode::SETUP_FINALLY
            | Opcode::SETUP_CLEANUP
            | Opcode::SETUP_WITH
            | Opcode::POP_BLOCK => {
                // Pseudo-instructions never reach the VM (the assembler
                // removes them); treat a stray one as a no-op.
            }
        }
    }
}

/// The binary operator of a `BINARY_OP` operand.
pub fn decode_binary(arg: u32) -> (BinaryOp, bool) {
    BinaryOp::decode(arg).expect("binary operand")
}
