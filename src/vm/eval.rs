//! The eval loop: one `match` over the opcode table with short arms;
//! anything longer is a named helper in `ops.rs`. Errors leave through `?`
//! with `frame.lasti` naming the raising instruction; [`run_frame`] adds the
//! traceback entry and unwinds to the handler the exception table names.

use crate::compile::opcode::{BinaryOp, CompareOp, Opcode};
use crate::objects::bool::new_bool;
use crate::objects::codeobj::as_code;
use crate::objects::err::{PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::int::new_int;
use crate::objects::object::Ref;
use crate::objects::protocol;
use crate::objects::tuple::new_tuple;

use super::frame::{pop_running, push_running, Frame};
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
pub fn run_frame(frame: &mut Frame, throw: Option<PyErr>) -> PyResult<Exit> {
    let _depth = super::recursion::enter("")?;
    push_running(frame);
    let r = run_with_handlers(frame, throw);
    pop_running();
    r
}

fn run_with_handlers(frame: &mut Frame, mut pending: Option<PyErr>) -> PyResult<Exit> {
    loop {
        let err = match pending.take() {
            Some(e) => e,
            None => match execute(frame) {
                Ok(exit) => return Ok(exit),
                Err(e) => e,
            },
        };
        let err = if std::mem::take(&mut frame.reraise) {
            err
        } else {
            ops::add_traceback(frame, err)
        };
        let entry = frame.code().unit.handler_for(frame.lasti as u32).copied();
        match entry {
            Some(h) => {
                frame.stack.truncate(h.depth as usize);
                if h.push_lasti {
                    frame.stack.push(new_int(frame.lasti as i64));
                }
                frame.stack.push(err.into_value());
                frame.ip = h.target as usize;
                frame.kwnames = None;
            }
            None => {
                frame.stack.clear();
                return Err(err);
            }
        }
    }
}

#[cold]
#[inline(never)]
fn stack_underflow() -> ! {
    panic!("value stack underflow: the compiler's stack depth is wrong")
}

macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(v) => v,
            None => stack_underflow(),
        }
    };
}

macro_rules! top {
    ($f:expr) => {
        match $f.stack.last() {
            Some(v) => v,
            None => stack_underflow(),
        }
    };
}

/// Run instructions until the frame returns, yields or raises.
fn execute(frame: &mut Frame) -> PyResult<Exit> {
    let code_ref = frame.code_ref.clone();
    let code = as_code(&code_ref).expect("frame code");
    let instrs = &code.unit.instrs[..];
    let nlocals = code.nlocals();
    loop {
        let ip = frame.ip;
        let Some(&instr) = instrs.get(ip) else {
            return Ok(Exit::Return(crate::objects::none::none()));
        };
        frame.lasti = ip;
        frame.ip = ip + 1;
        let arg = instr.arg() as usize;
        #[cfg(debug_assertions)]
        if std::env::var_os("PYRITE_TRACE").is_some() {
            eprintln!("{:4} {:?} stack={}", ip, instr, frame.stack.len());
        }
        match instr.op() {
            Opcode::NOP => {}
            Opcode::POP_TOP => drop(pop!(frame)),
            Opcode::PUSH_NULL => frame.stack.push(ops::null()),
            Opcode::COPY => {
                let v = frame.stack[frame.stack.len() - arg].clone();
                frame.stack.push(v);
            }
            Opcode::SWAP => {
                let n = frame.stack.len();
                frame.stack.swap(n - 1, n - arg);
            }
            Opcode::LOAD_CONST => frame.stack.push(code.consts[arg].clone()),
            Opcode::LOAD_FAST => match &frame.fast[arg] {
                Some(v) => {
                    let v = v.clone();
                    frame.stack.push(v);
                }
                None => return Err(ops::unbound_local(&code.varnames[arg])),
            },
            Opcode::STORE_FAST => {
                let v = pop!(frame);
                let old = frame.fast[arg].replace(v);
                drop(old);
            }
            Opcode::DELETE_FAST => {
                if frame.fast[arg].take().is_none() {
                    return Err(ops::unbound_local(&code.varnames[arg]));
                }
            }
            Opcode::LOAD_NAME => {
                let v = ops::load_name(frame, &code.names[arg])?;
                frame.stack.push(v);
            }
            Opcode::STORE_NAME => {
                let v = pop!(frame);
                ops::store_name(frame, &code.names[arg], v)?;
            }
            Opcode::DELETE_NAME => ops::delete_name(frame, &code.names[arg])?,
            Opcode::LOAD_GLOBAL => {
                let v = ops::load_global(frame, &code.names[arg])?;
                frame.stack.push(v);
            }
            Opcode::STORE_GLOBAL => {
                let v = pop!(frame);
                ops::dict_set(&frame.globals, code.names[arg].clone(), v)?;
            }
            Opcode::DELETE_GLOBAL => ops::delete_global(frame, &code.names[arg])?,
            Opcode::LOAD_DEREF => {
                let v = ops::load_deref(frame, code, arg)?;
                frame.stack.push(v);
            }
            Opcode::STORE_DEREF => {
                let v = pop!(frame);
                ops::cell_of(frame, nlocals + arg).contents.set(Some(v));
            }
            Opcode::DELETE_DEREF => {
                if ops::cell_of(frame, nlocals + arg).contents.take().is_none() {
                    return Err(ops::unbound_deref(code, arg));
                }
            }
            Opcode::LOAD_CLOSURE => {
                let c = frame.fast[nlocals + arg].clone().expect("cell slot");
                frame.stack.push(c);
            }
            Opcode::LOAD_CLASSDEREF => {
                let v = ops::load_classderef(frame, code, arg)?;
                frame.stack.push(v);
            }
            Opcode::LOAD_ATTR => {
                let obj = pop!(frame);
                frame.stack.push(protocol::getattr(&obj, &code.names[arg])?);
            }
            Opcode::STORE_ATTR => {
                let obj = pop!(frame);
                let v = pop!(frame);
                protocol::setattr(&obj, &code.names[arg], Some(v))?;
            }
            Opcode::DELETE_ATTR => {
                let obj = pop!(frame);
                protocol::setattr(&obj, &code.names[arg], None)?;
            }
            Opcode::LOAD_METHOD => {
                let obj = pop!(frame);
                let (a, b) = ops::load_method(obj, &code.names[arg])?;
                frame.stack.push(a);
                frame.stack.push(b);
            }
            Opcode::BINARY_SUBSCR => {
                let key = pop!(frame);
                let container = pop!(frame);
                frame.stack.push(ops::subscr(&container, &key)?);
            }
            Opcode::STORE_SUBSCR => {
                let key = pop!(frame);
                let container = pop!(frame);
                let v = pop!(frame);
                ops::store_subscr(&container, &key, v)?;
            }
            Opcode::DELETE_SUBSCR => {
                let key = pop!(frame);
                let container = pop!(frame);
                protocol::setitem(&container, &key, None)?;
            }
            Opcode::BUILD_SLICE => {
                let step = if arg == 3 { Some(pop!(frame)) } else { None };
                let stop = pop!(frame);
                let start = pop!(frame);
                frame
                    .stack
                    .push(crate::objects::registry::new_slice(start, stop, step));
            }
            Opcode::BINARY_OP => {
                let b = pop!(frame);
                let a = pop!(frame);
                frame.stack.push(ops::binary_op(a, &b, instr.arg())?);
            }
            Opcode::UNARY_NEGATIVE => {
                let v = pop!(frame);
                frame.stack.push(protocol::neg(&v)?);
            }
            Opcode::UNARY_POSITIVE => {
                let v = pop!(frame);
                frame.stack.push(protocol::pos(&v)?);
            }
            Opcode::UNARY_INVERT => {
                let v = pop!(frame);
                frame.stack.push(protocol::invert(&v)?);
            }
            Opcode::UNARY_NOT => {
                let v = pop!(frame);
                frame.stack.push(new_bool(!ops::truth(&v)?));
            }
            Opcode::COMPARE_OP => {
                let b = pop!(frame);
                let a = pop!(frame);
                let op = CompareOp::decode(instr.arg()).expect("compare operand");
                frame.stack.push(ops::compare(&a, &b, op)?);
            }
            Opcode::IS_OP => {
                let b = pop!(frame);
                let a = pop!(frame);
                frame.stack.push(new_bool(a.is(&b) != (arg == 1)));
            }
            Opcode::CONTAINS_OP => {
                let b = pop!(frame);
                let a = pop!(frame);
                frame
                    .stack
                    .push(new_bool(protocol::contains(&b, &a)? != (arg == 1)));
            }
            Opcode::JUMP => {
                if arg <= ip {
                    ops::eval_breaker()?;
                }
                frame.ip = arg;
            }
            Opcode::POP_JUMP_IF_FALSE => {
                let v = pop!(frame);
                if !ops::truth(&v)? {
                    frame.ip = arg;
                }
            }
            Opcode::POP_JUMP_IF_TRUE => {
                let v = pop!(frame);
                if ops::truth(&v)? {
                    frame.ip = arg;
                }
            }
            Opcode::POP_JUMP_IF_NONE => {
                let v = pop!(frame);
                if v.is(crate::objects::none::none_ref()) {
                    frame.ip = arg;
                }
            }
            Opcode::POP_JUMP_IF_NOT_NONE => {
                let v = pop!(frame);
                if !v.is(crate::objects::none::none_ref()) {
                    frame.ip = arg;
                }
            }
            Opcode::JUMP_IF_FALSE_OR_POP => {
                if ops::truth(top!(frame))? {
                    drop(pop!(frame));
                } else {
                    frame.ip = arg;
                }
            }
            Opcode::JUMP_IF_TRUE_OR_POP => {
                if ops::truth(top!(frame))? {
                    frame.ip = arg;
                } else {
                    drop(pop!(frame));
                }
            }
            Opcode::GET_ITER => {
                let v = pop!(frame);
                frame.stack.push(protocol::iter(&v)?);
            }
            Opcode::FOR_ITER => match protocol::next(top!(frame))? {
                Some(v) => frame.stack.push(v),
                None => {
                    drop(pop!(frame));
                    frame.ip = arg;
                }
            },
            Opcode::BUILD_TUPLE => {
                let items = ops::pop_n(frame, arg);
                frame.stack.push(new_tuple(items));
            }
            Opcode::BUILD_LIST => {
                let items = ops::pop_n(frame, arg);
                frame.stack.push(crate::objects::list::new_list(items));
            }
            Opcode::BUILD_SET => {
                let items = ops::pop_n(frame, arg);
                frame.stack.push(crate::objects::set::new_set(items)?);
            }
            Opcode::BUILD_MAP => {
                let items = ops::pop_n(frame, 2 * arg);
                frame.stack.push(ops::build_map(items)?);
            }
            Opcode::BUILD_CONST_KEY_MAP => {
                let keys = pop!(frame);
                let values = ops::pop_n(frame, arg);
                frame.stack.push(ops::build_const_key_map(&keys, values)?);
            }
            Opcode::BUILD_STRING => {
                let parts = ops::pop_n(frame, arg);
                frame.stack.push(ops::build_string(&parts));
            }
            Opcode::LIST_APPEND => {
                let v = pop!(frame);
                let l = &frame.stack[frame.stack.len() - arg];
                crate::objects::list::as_list(l)
                    .expect("LIST_APPEND target")
                    .push(v);
            }
            Opcode::SET_ADD => {
                let v = pop!(frame);
                let s = &frame.stack[frame.stack.len() - arg];
                crate::objects::set::as_set(s)
                    .expect("SET_ADD target")
                    .add(v)?;
            }
            Opcode::MAP_ADD => {
                let v = pop!(frame);
                let k = pop!(frame);
                let d = &frame.stack[frame.stack.len() - arg];
                crate::objects::dict::as_dict(d)
                    .expect("MAP_ADD target")
                    .set(k, v)?;
            }
            Opcode::LIST_EXTEND => {
                let it = pop!(frame);
                let l = frame.stack[frame.stack.len() - arg].clone();
                ops::list_extend(&l, &it)?;
            }
            Opcode::SET_UPDATE => {
                let it = pop!(frame);
                let s = frame.stack[frame.stack.len() - arg].clone();
                ops::set_update(&s, &it)?;
            }
            Opcode::DICT_UPDATE => {
                let m = pop!(frame);
                let d = frame.stack[frame.stack.len() - arg].clone();
                ops::dict_update(&d, &m)?;
            }
            Opcode::DICT_MERGE => {
                let m = pop!(frame);
                let n = frame.stack.len();
                let d = frame.stack[n - arg].clone();
                let callable = frame.stack[n - arg - 2].clone();
                ops::dict_merge(&callable, &d, &m)?;
            }
            Opcode::LIST_TO_TUPLE => {
                let l = pop!(frame);
                let items = crate::objects::list::as_list(&l).expect("list").to_vec();
                frame.stack.push(new_tuple(items));
            }
            Opcode::UNPACK_SEQUENCE => {
                let seq = pop!(frame);
                ops::unpack_sequence(frame, &seq, arg)?;
            }
            Opcode::UNPACK_EX => {
                let seq = pop!(frame);
                ops::unpack_ex(frame, &seq, arg & 0xff, arg >> 8)?;
            }
            Opcode::FORMAT_VALUE => {
                let spec = if arg & 4 != 0 {
                    Some(pop!(frame))
                } else {
                    None
                };
                let v = pop!(frame);
                frame
                    .stack
                    .push(ops::format_value(&v, arg & 3, spec.as_deref())?);
            }
            Opcode::KW_NAMES => frame.kwnames = Some(code.consts[arg].clone()),
            Opcode::CALL => {
                let kwnames = frame.kwnames.take();
                let r = ops::call(frame, arg, kwnames.as_deref())?;
                frame.stack.push(r);
            }
            Opcode::CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 {
                    Some(pop!(frame))
                } else {
                    None
                };
                let args = pop!(frame);
                let _null = pop!(frame);
                let callable = pop!(frame);
                frame
                    .stack
                    .push(ops::call_ex(&callable, &args, kwargs.as_deref())?);
            }
            Opcode::MAKE_FUNCTION => {
                let f = ops::make_function(frame, arg)?;
                frame.stack.push(f);
            }
            Opcode::RETURN_VALUE => {
                let v = pop!(frame);
                return Ok(Exit::Return(v));
            }
            Opcode::YIELD_VALUE => {
                let v = pop!(frame);
                return Ok(Exit::Yield(v));
            }
            Opcode::SEND => {
                let v = pop!(frame);
                match ops::send(top!(frame), v)? {
                    ops::SendResult::Yielded(x) => frame.stack.push(x),
                    ops::SendResult::Returned(r) => {
                        drop(pop!(frame));
                        frame.stack.push(r);
                        frame.ip = arg;
                    }
                }
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let v = pop!(frame);
                frame.stack.push(ops::yield_from_iter(v)?);
            }
            Opcode::PUSH_EXC_INFO => {
                let e = pop!(frame);
                let prev = super::exc_info::replace(Some(e.clone()));
                frame
                    .stack
                    .push(prev.unwrap_or_else(crate::objects::none::none));
                frame.stack.push(e);
            }
            Opcode::POP_EXCEPT => {
                let prev = pop!(frame);
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
                let e = pop!(frame);
                frame.reraise = true;
                return Err(PyErr::from_instance(e));
            }
            Opcode::CHECK_EXC_MATCH => {
                let ty = pop!(frame);
                let m = ops::exception_matches(top!(frame), &ty)?;
                frame.stack.push(new_bool(m));
            }
            Opcode::RAISE_VARARGS => return Err(ops::raise(frame, arg)?),
            Opcode::WITH_EXCEPT_START => {
                let n = frame.stack.len();
                let r = ops::with_except_start(&frame.stack[n - 4], &frame.stack[n - 1])?;
                frame.stack.push(r);
            }
            Opcode::BEFORE_WITH => {
                let mgr = pop!(frame);
                let (exit, entered) = ops::before_with(&mgr)?;
                frame.stack.push(exit);
                frame.stack.push(entered);
            }
            Opcode::LOAD_ASSERTION_ERROR => frame.stack.push(exc::ASSERTION_ERROR.to_ref()),
            Opcode::LOAD_BUILD_CLASS => {
                let v = ops::load_build_class(frame)?;
                frame.stack.push(v);
            }
            Opcode::IMPORT_NAME => {
                let fromlist = pop!(frame);
                let level = pop!(frame);
                let m = super::import::import_name(frame, &code.names[arg], &fromlist, &level)?;
                frame.stack.push(m);
            }
            Opcode::IMPORT_FROM => {
                let v = super::import::import_from(top!(frame), &code.names[arg])?;
                frame.stack.push(v);
            }
            Opcode::IMPORT_STAR => {
                let m = pop!(frame);
                super::import::import_star(frame, &m)?;
            }
            Opcode::SETUP_ANNOTATIONS => ops::setup_annotations(frame)?,
            Opcode::PRINT_EXPR => {
                let v = pop!(frame);
                ops::print_expr(&v)?;
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
