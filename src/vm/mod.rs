//! The virtual machine: frames and the eval loop, calls, imports,
//! exception state and tracebacks, and running a program's `__main__`.

pub mod cache;
pub mod call;
pub mod corruption;
pub mod datastack;
pub mod eval;
pub mod exc_info;
pub mod frame;
pub mod import;
pub mod interactive;
pub mod main;
pub mod memstats;
pub mod memtimeline;
mod memtimeline_svg;
pub mod ops;
#[cfg(feature = "opcode-pairs")]
pub mod pairs;
pub mod pycache;
pub mod recursion;
pub mod suggestions;
pub mod traceback;

use std::rc::Rc;

use crate::compile::code::CodeUnit;
use crate::objects::codeobj::new_code;
use crate::objects::dict::{get_item_str, set_item_str};
use crate::objects::err::PyResult;
use crate::objects::object::Ref;

use self::eval::{run_frame, Exit};
use self::frame::Frame;

/// Interpreter-wide state that is not in a module.
struct State {
    builtins_module: Ref,
    builtins: Ref,
    modules: Ref,
}

/// The interpreter state (GLOBAL-1: one per process).
static STATE: std::sync::OnceLock<crate::objects::global::Global<State>> =
    std::sync::OnceLock::new();

fn state() -> &'static State {
    let mut fresh = false;
    let s = STATE
        .get_or_init(|| {
            fresh = true;
            crate::objects::init::init_types();
            let modules = crate::objects::dict::new_dict();
            let builtins_module = crate::modules::builtins::make_module();
            let builtins =
                crate::objects::module::module_dict(&builtins_module).expect("builtins dict");
            set_item_str(&modules, "builtins", builtins_module.clone());
            crate::objects::global::Global::new(State {
                builtins_module,
                builtins,
                modules,
            })
        })
        .get();
    if fresh {
        crate::modules::register_builtin_modules();
    }
    s
}

/// Start the interpreter (types, builtins, `sys.modules`); idempotent.
pub fn initialize() {
    let _ = state();
}

/// The builtins dict.
pub fn builtins_dict() -> Option<Ref> {
    Some(state().builtins.clone())
}

/// The `builtins` module.
pub fn builtins_module() -> Ref {
    state().builtins_module.clone()
}

/// `sys.modules`.
pub fn modules() -> Ref {
    state().modules.clone()
}

/// Run a collection that an allocation made due (the eval breaker's safe
/// point).
pub fn gc_safepoint() {
    let heap = crate::objects::heap::heap();
    heap.gc_due.set(false);
    crate::modules::gc::collect_if_due();
}

/// Run compiled module code in `globals` (`exec` of a code object).
pub fn run_code(unit: Rc<CodeUnit>, globals: &Ref, locals: Option<Ref>) -> PyResult {
    let code = new_code(unit)?;
    if get_item_str(globals, "__builtins__").is_none() {
        set_item_str(globals, "__builtins__", builtins_module());
    }
    let builtins = state().builtins.clone();
    let locals = Some(locals.unwrap_or_else(|| globals.clone()));
    let mut frame = Frame::new(code, globals.clone(), builtins, locals);
    match run_frame(&mut frame, None)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}
