//! `atexit`: functions to call at interpreter exit, last registered first
//! (`vm::main::shutdown` calls [`run_exitfuncs`] before `__main__` is
//! cleared, as CPython's `Py_FinalizeEx` does). `weakref.finalize` hangs its
//! exit hook here.

use std::cell::RefCell;

use crate::objects::err::{type_error, PyResult};
use crate::objects::int::new_int;
use crate::objects::object::Ref;
use crate::objects::protocol;
use crate::objects::typeobj::KwNames;

/// One registered call: the function, its arguments (keyword values last)
/// and the names of the keyword arguments.
struct ExitCall {
    func: Ref,
    args: Vec<Ref>,
    kwnames: Option<Ref>,
}

thread_local! {
    static CALLS: RefCell<Vec<ExitCall>> = const { RefCell::new(Vec::new()) };
}

fn register(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let nkw = kw.map_or(0, |k| crate::objects::tuple::items(k).len());
    if args.len() == nkw {
        return Err(type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = args[0].clone();
    if func.ty().slots.call.get().is_none() {
        return Err(type_error("the first argument must be callable"));
    }
    let call = ExitCall {
        func: func.clone(),
        args: args[1..].to_vec(),
        kwnames: kw.map(|k| k.to_ref()),
    };
    CALLS.with(|c| c.borrow_mut().push(call));
    Ok(func)
}

fn unregister(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("unregister", args, kw, 1, 1)?;
    let calls = CALLS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    let mut keep = Vec::with_capacity(calls.len());
    let mut err = None;
    for call in calls {
        if err.is_none() {
            match protocol::eq(&call.func, &a[0]) {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => err = Some(e),
            }
        }
        keep.push(call);
    }
    CALLS.with(|c| {
        let mut c = c.borrow_mut();
        // Functions registered by the comparisons go after the kept ones.
        let added = std::mem::take(&mut *c);
        *c = keep;
        c.extend(added);
    });
    match err {
        Some(e) => Err(e),
        None => Ok(crate::objects::none::none()),
    }
}

/// Call every registered function, last registered first, reporting
/// errors as unraisable; the list is empty afterwards.
pub fn run_exitfuncs() {
    while let Some(call) = CALLS.with(|c| c.borrow_mut().pop()) {
        if let Err(e) = protocol::call(&call.func, &call.args, call.kwnames.as_deref()) {
            let what = protocol::repr_string(&call.func).unwrap_or_default();
            eprintln!("Exception ignored in atexit callback: {what}");
            crate::vm::traceback::print_exception(&e);
        }
    }
}

fn py_run_exitfuncs(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    run_exitfuncs();
    Ok(crate::objects::none::none())
}

fn clear(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let calls = CALLS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(calls);
    Ok(crate::objects::none::none())
}

fn ncallbacks(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(new_int(CALLS.with(|c| c.borrow().len()) as i64))
}

/// Make the `atexit` module.
pub fn make_module() -> Ref {
    super::new_native_module(
        "atexit",
        &[
            ("register", register),
            ("unregister", unregister),
            ("_run_exitfuncs", py_run_exitfuncs),
            ("_clear", clear),
            ("_ncallbacks", ncallbacks),
        ],
    )
}
