//! Calling a Python function: binding the arguments to the new frame's
//! locals (positional, keyword, defaults, `*args`, `**kwargs`, with
//! CPython's error messages), making its cells, then running it — or
//! making a generator when the code is a generator's.

use crate::compile::code::flags;
use crate::objects::cell::{as_cell, new_cell};
use crate::objects::codeobj::CodeObject;
use crate::objects::dict::{as_dict, new_dict};
use crate::objects::err::{type_error, PyErr, PyResult};
use crate::objects::function::FunctionObject;
use crate::objects::object::Ref;
use crate::objects::str::{as_str, as_str_object, str_eq};
use crate::objects::tuple::{items, new_tuple, tuple_from_slice};
use crate::objects::typeobj::KwNames;

use super::eval::{run_frame, Exit};
use super::frame::Frame;

/// Call `func(*args)` with keyword values named by `kwnames`.
///
/// Fast path (exact positional arity, no cells): the frame's slots are
/// carved from the data stack with the arguments written straight into
/// them, and the eval loop runs — no allocation, no binding loop.
#[inline]
pub fn call_function(func: &FunctionObject, args: &[Ref], kwnames: KwNames<'_>) -> PyResult {
    let code_ref = func.code();
    let code = crate::objects::codeobj::as_code(&code_ref).expect("function code");
    let unit = &*code.unit;
    let simple = kwnames.is_none()
        && args.len() == unit.argcount as usize
        && unit.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0
        && unit.kwonlyargcount == 0
        && code.derefnames.is_empty();
    let mut frame = if simple {
        Frame::with_args(
            code_ref.clone(),
            func.globals.clone(),
            func.builtins.clone(),
            args,
        )
    } else if unit.flags & flags::GENERATOR != 0 {
        let frame = make_frame(func, code_ref.clone(), args, kwnames, true)?;
        return Ok(crate::objects::generator::new_generator(frame, func));
    } else {
        make_frame(func, code_ref.clone(), args, kwnames, false)?
    };
    drop(code_ref);
    match run_frame(&mut frame, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(PyErr::new(
            &crate::objects::exceptions::SYSTEM_ERROR,
            "yield outside a generator",
        )),
    }
}

fn qualname(func: &FunctionObject) -> String {
    func.qualname
        .get()
        .and_then(|q| as_str(&q).map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

/// Build the frame of a call (CPython's `initialize_locals`); `owned` for a
/// generator's frame, which outlives the call.
#[inline(never)]
fn make_frame(
    func: &FunctionObject,
    code_ref: Ref,
    args: &[Ref],
    kwnames: KwNames<'_>,
    owned: bool,
) -> PyResult<Frame> {
    let globals = func.globals.clone();
    let builtins = func.builtins.clone();
    let mut frame = if owned {
        Frame::new_owned(code_ref.clone(), globals, builtins, None)
    } else {
        Frame::new(code_ref.clone(), globals, builtins, None)
    };
    let code = crate::objects::codeobj::as_code(&code_ref).expect("function code");
    let unit = &code.unit;
    let argcount = unit.argcount as usize;
    let posonly = unit.posonlyargcount as usize;
    let kwonly = unit.kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = unit.flags & flags::VARARGS != 0;
    let has_varkw = unit.flags & flags::VARKEYWORDS != 0;
    let names: &[Ref] = kwnames.map(items).unwrap_or(&[]);
    let npos = args.len() - names.len();
    let fast = frame.fast_mut();

    // Exactly the positional parameters, nothing else.
    if names.is_empty() && npos == argcount && kwonly == 0 && !has_varargs && !has_varkw {
        for (slot, a) in fast.iter_mut().zip(args) {
            *slot = Some(a.clone());
        }
        finish_cells(&mut frame, code, func);
        return Ok(frame);
    }

    let kwargs = if has_varkw { Some(new_dict()) } else { None };
    for (i, a) in args[..npos.min(argcount)].iter().enumerate() {
        fast[i] = Some(a.clone());
    }
    if has_varargs {
        let extra = if npos > argcount {
            tuple_from_slice(&args[argcount..npos])
        } else {
            new_tuple(vec![])
        };
        fast[total] = Some(extra);
    } else if npos > argcount {
        return Err(too_many_positional(func, code, npos, names, &args[npos..]));
    }
    if let Some(k) = &kwargs {
        fast[total + usize::from(has_varargs)] = Some(k.clone());
    }
    // Keyword arguments.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (name, value) in names.iter().zip(&args[npos..]) {
        let idx = find_param(code, name, posonly, total);
        match idx {
            Some(i) => {
                if fast[i].is_some() {
                    return Err(type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(func),
                        as_str(name).unwrap_or("?")
                    )));
                }
                fast[i] = Some(value.clone());
            }
            None => {
                let is_posonly = find_param(code, name, 0, posonly).is_some();
                match &kwargs {
                    Some(k) => as_dict(k)
                        .expect("kwargs")
                        .set(name.clone(), value.clone())?,
                    None if is_posonly => {
                        posonly_as_kw.push(as_str(name).unwrap_or("?").to_string())
                    }
                    None => {
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            qualname(func),
                            as_str(name).unwrap_or("?")
                        )))
                    }
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(func),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = func.defaults.get();
        let defs: &[Ref] = defaults.as_deref().map(items).unwrap_or(&[]);
        let first_default = argcount.saturating_sub(defs.len());
        let mut missing = Vec::new();
        for i in npos..argcount {
            if fast[i].is_none() {
                if i >= first_default {
                    fast[i] = Some(defs[i - first_default].clone());
                } else {
                    missing.push(unit.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_args(func, &missing, "positional"));
        }
    }
    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.get();
        let mut missing = Vec::new();
        for (i, slot) in fast.iter_mut().enumerate().take(total).skip(argcount) {
            if slot.is_none() {
                let d = kwdefaults
                    .as_ref()
                    .and_then(|kd| as_dict(kd)?.get(&code.varnames[i]).ok().flatten());
                match d {
                    Some(v) => *slot = Some(v),
                    None => missing.push(unit.varnames[i].to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_args(func, &missing, "keyword-only"));
        }
    }
    finish_cells(&mut frame, code, func);
    Ok(frame)
}

/// Make the cells (a parameter that is a cell moves into its cell) and
/// copy the closure into the free-variable slots.
fn finish_cells(frame: &mut Frame, code: &CodeObject, func: &FunctionObject) {
    let nlocals = code.nlocals();
    let ncells = code.unit.cellvars.len();
    if code.derefnames.is_empty() {
        return;
    }
    let fast = frame.fast_mut();
    for (i, arg) in code.cell2arg.iter().enumerate() {
        let init = arg.and_then(|a| fast[a].take());
        fast[nlocals + i] = Some(new_cell(init));
    }
    if let Some(closure) = func.closure.get() {
        for (j, c) in items(&closure).iter().enumerate() {
            debug_assert!(as_cell(c).is_some());
            fast[nlocals + ncells + j] = Some(c.clone());
        }
    }
}

/// The index of parameter `name` among `varnames[from..to]`.
fn find_param(code: &CodeObject, name: &Ref, from: usize, to: usize) -> Option<usize> {
    let vars = &code.varnames[from..to];
    if let Some(i) = vars.iter().position(|v| v.is(name)) {
        return Some(from + i);
    }
    let n = as_str_object(name)?;
    vars.iter()
        .position(|v| as_str_object(v).is_some_and(|s| str_eq(s, n)))
        .map(|i| from + i)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn too_many_positional(
    func: &FunctionObject,
    code: &CodeObject,
    given: usize,
    names: &[Ref],
    kwvalues: &[Ref],
) -> PyErr {
    let unit = &code.unit;
    let argcount = unit.argcount as usize;
    let ndefaults = func.defaults.get().map_or(0, |d| items(&d).len());
    let takes = if ndefaults > 0 {
        format!(
            "from {} to {} positional arguments",
            argcount - ndefaults,
            argcount
        )
    } else {
        let word = if argcount == 1 {
            "positional argument"
        } else {
            "positional arguments"
        };
        format!("{argcount} {word}")
    };
    let total = argcount + unit.kwonlyargcount as usize;
    let kwonly_given = names
        .iter()
        .zip(kwvalues)
        .filter(|(n, _)| find_param(code, n, argcount, total).is_some())
        .count();
    let was = if given == 1 && kwonly_given == 0 {
        "was"
    } else {
        "were"
    };
    let given_txt = if kwonly_given > 0 {
        format!(
            "{} (and {}) {}",
            plural(given, "positional argument"),
            plural(kwonly_given, "keyword-only argument"),
            was
        )
    } else {
        format!("{given} {was}")
    };
    type_error(format!(
        "{}() takes {} but {} given",
        qualname(func),
        takes,
        given_txt
    ))
}

fn missing_args(func: &FunctionObject, missing: &[String], kind: &str) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let word = if missing.len() == 1 {
        "argument"
    } else {
        "arguments"
    };
    type_error(format!(
        "{}() missing {} required {} {}: {}",
        qualname(func),
        missing.len(),
        kind,
        word,
        list
    ))
}

/// Run a class body function with `ns` as its locals (`__build_class__`);
/// returns what the body returns (the `__class__` cell or None).
pub fn run_class_body(func: &FunctionObject, ns: Ref) -> PyResult {
    let mut frame = make_frame(func, func.code(), &[], None, false)?;
    frame.locals = Some(ns);
    match run_frame(&mut frame, None)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}
