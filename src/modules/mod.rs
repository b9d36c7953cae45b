//! Built-in modules, one file each: `builtins`, `sys`, `gc` (and the
//! others registered in [`make_builtin_module`]).

pub mod alloc_sites;
pub mod allocprofile;
pub mod args;
pub mod atexit;
pub mod builtins;
pub mod builtins_exec;
pub mod builtins_iter;
pub mod builtins_misc;
pub mod builtins_more;
pub mod builtins_num;
pub mod builtins_text;
pub mod dis_native;
pub mod gc;
pub mod marshal;
pub mod math;
pub mod profiling;
pub mod pylib;
pub mod site;
pub mod sys;
pub mod sys_extra;
pub mod sys_memory;
pub mod time;
pub mod tracemalloc;
pub mod weakref;

use crate::objects::object::Ref;

/// Names of the modules built into the binary.
pub const BUILTIN_MODULES: &[&str] = &[
    "builtins",
    "sys",
    "gc",
    "time",
    "math",
    "marshal",
    "_tracemalloc",
    "_weakref",
    "atexit",
];

/// Make built-in module `name`, if there is one.
pub fn make_builtin_module(name: &str) -> Option<Ref> {
    match name {
        "sys" => Some(sys::make_module()),
        "gc" => Some(gc::make_module()),
        "time" => Some(time::make_module()),
        "math" => Some(math::make_module()),
        "marshal" => Some(marshal::make_module()),
        "_tracemalloc" => Some(tracemalloc::make_module()),
        "_weakref" => Some(weakref::make_module()),
        "atexit" => Some(atexit::make_module()),
        "builtins" => Some(crate::vm::builtins_module()),
        "_dis" => Some(dis_native::make_module()),
        _ => None,
    }
}

/// Put the modules every program starts with into `sys.modules`.
pub fn register_builtin_modules() {
    let modules = crate::vm::modules();
    let sys = sys::make_module();
    crate::objects::dict::set_item_str(&modules, "sys", sys);
    site::install();
}

/// Make a module `name` whose functions are `funcs`.
pub fn new_native_module(
    name: &'static str,
    funcs: &[(&'static str, crate::objects::typeobj::NativeFn)],
) -> Ref {
    let m = crate::objects::module::new_module(name);
    let d = crate::objects::module::module_dict(&m).expect("module dict");
    for (fname, f) in funcs {
        crate::objects::dict::set_item_str(
            &d,
            fname,
            crate::objects::descr::new_builtin(fname, *f, None, name),
        );
    }
    m
}
