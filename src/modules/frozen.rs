//! Modules written in Python and compiled into the binary (CPython's
//! "frozen" modules): `dis` and `inspect`, whose sources live in
//! `src/modules/py/`. Importing one compiles and runs its source in a new
//! module; `pyrite -m NAME` runs it as `__main__`.

use std::rc::Rc;

use crate::objects::dict::set_item_str;
use crate::objects::module::{module_dict, new_module};
use crate::objects::object::Ref;
use crate::objects::str::new_str;

/// The frozen modules: name and source.
const FROZEN: &[(&str, &str)] = &[
    ("dis", include_str!("py/dis.py")),
    ("inspect", include_str!("py/inspect.py")),
];

/// The source of frozen module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    FROZEN.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The file name frozen module `name`'s code reports (CPython's
/// `<frozen NAME>`).
pub fn filename(name: &str) -> String {
    format!("<frozen {name}>")
}

/// Import frozen module `name`: the module, registered in `sys.modules`
/// while its body runs (so circular imports see it). An error in the body
/// (a bug in pyrite's own source) is printed and the import fails.
pub fn load(name: &str) -> Option<Ref> {
    let src = source(name)?;
    let m = new_module(name);
    let d = module_dict(&m)?;
    let modules = crate::vm::modules();
    set_item_str(&modules, name, m.clone());
    let file = filename(name);
    let result =
        match crate::compile::codegen::compile(src, &file, crate::compile::codegen::Mode::Exec) {
            Ok(unit) => crate::vm::run_code(Rc::new(unit), &d, None).map(|_| ()),
            Err(e) => Err(super::builtins::syntax_error_to_exception(&e)),
        };
    match result {
        Ok(()) => {
            set_item_str(&d, "__file__", new_str(&file));
            Some(m)
        }
        Err(e) => {
            crate::vm::traceback::print_exception(&e);
            let _ = crate::objects::dict::as_dict(&modules)?.remove(&new_str(name));
            None
        }
    }
}
