//! `import`: `sys.modules`, the built-in modules, and modules and packages
//! found as `.py` files on `sys.path` (the script's folder first).

use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::objects::dict::{as_dict, get_item_str, set_item_str};
use crate::objects::err::{PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::int::small_value;
use crate::objects::module::{module_dict, new_module};
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::{as_str, new_str};

use super::frame::Frame;

fn module_not_found(name: &str) -> PyErr {
    exc::new_import_error(
        &exc::MODULE_NOT_FOUND_ERROR,
        &format!("No module named '{name}'"),
        Some(new_str(name)),
        None,
    )
}

/// Resolve a relative import against the importing module's package.
fn resolve_name(frame: &Frame, name: &str, level: usize) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let package = get_item_str(&frame.globals, "__package__")
        .filter(|p| as_str(p).is_some())
        .and_then(|p| as_str(&p).map(str::to_string))
        .or_else(|| {
            let n = get_item_str(&frame.globals, "__name__")?;
            let n = as_str(&n)?.to_string();
            if get_item_str(&frame.globals, "__path__").is_some() {
                Some(n)
            } else {
                Some(
                    n.rsplit_once('.')
                        .map(|(p, _)| p.to_string())
                        .unwrap_or_default(),
                )
            }
        })
        .unwrap_or_default();
    if package.is_empty() {
        return Err(PyErr::new(
            &exc::IMPORT_ERROR,
            "attempted relative import with no known parent package",
        ));
    }
    let mut parts: Vec<&str> = package.split('.').collect();
    if level - 1 > parts.len() - 1 + usize::from(level > parts.len()) {
        return Err(PyErr::new(
            &exc::IMPORT_ERROR,
            "attempted relative import beyond top-level package",
        ));
    }
    for _ in 1..level {
        if parts.pop().is_none() {
            return Err(PyErr::new(
                &exc::IMPORT_ERROR,
                "attempted relative import beyond top-level package",
            ));
        }
    }
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else if base.is_empty() {
        name.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// `IMPORT_NAME`.
pub fn import_name(
    frame: &Frame,
    name: &PyObject,
    fromlist: &PyObject,
    level: &PyObject,
) -> PyResult {
    let name = as_str(name).unwrap_or("");
    let level = small_value(level).unwrap_or(0).max(0) as usize;
    let full = resolve_name(frame, name, level)?;
    let module = import_module(&full)?;
    let has_fromlist =
        !fromlist.is(crate::objects::none::none_ref()) && protocol::is_true(fromlist)?;
    if has_fromlist {
        // `from pkg import sub`: make sure submodules named in the list load.
        if module_dict(&module)
            .and_then(|d| get_item_str(&d, "__path__"))
            .is_some()
        {
            for item in protocol::to_vec(fromlist)? {
                if let Some(s) = as_str(&item) {
                    if s != "*" && protocol::getattr_opt(&module, &item)?.is_none() {
                        let _ = import_module(&format!("{full}.{s}"));
                    }
                }
            }
        }
        return Ok(module);
    }
    if level == 0 {
        let top = full.split('.').next().unwrap_or(&full);
        return import_module(top);
    }
    // `import .x` is not valid syntax; level > 0 without a fromlist only
    // happens through __import__: return the top of the resolved name.
    Ok(module)
}

/// Import a dotted module name, loading parents first.
pub fn import_module(full: &str) -> PyResult {
    let modules = super::modules();
    if let Some(m) = get_item_str(&modules, full) {
        return Ok(m);
    }
    let (parent, search): (Option<Ref>, Vec<PathBuf>) = match full.rsplit_once('.') {
        Some((p, _)) => {
            let pm = import_module(p)?;
            let paths = module_dict(&pm)
                .and_then(|d| get_item_str(&d, "__path__"))
                .map(|p| protocol::to_vec(&p).unwrap_or_default())
                .unwrap_or_default();
            if paths.is_empty() {
                return Err(PyErr::new(
                    &exc::MODULE_NOT_FOUND_ERROR,
                    format!("No module named '{full}'; '{p}' is not a package"),
                ));
            }
            (
                Some(pm),
                paths
                    .iter()
                    .filter_map(|p| as_str(p).map(PathBuf::from))
                    .collect(),
            )
        }
        None => {
            if let Some(m) = crate::modules::make_builtin_module(full) {
                set_item_str(&modules, full, m.clone());
                return Ok(m);
            }
            if let Some(source) = crate::modules::pylib::source(full) {
                return load_module_text(full, source, &format!("<frozen {full}>"), None, None);
            }
            (None, sys_path())
        }
    };
    let leaf = full.rsplit('.').next().unwrap_or(full);
    for dir in search {
        let pkg_init = dir.join(leaf).join("__init__.py");
        if pkg_init.is_file() {
            let m = load_source_module(full, &pkg_init, Some(&dir.join(leaf)))?;
            bind_in_parent(parent.as_ref(), leaf, &m)?;
            return Ok(m);
        }
        let file = dir.join(format!("{leaf}.py"));
        if file.is_file() {
            let m = load_source_module(full, &file, None)?;
            bind_in_parent(parent.as_ref(), leaf, &m)?;
            return Ok(m);
        }
    }
    Err(module_not_found(full))
}

fn bind_in_parent(parent: Option<&Ref>, leaf: &str, m: &Ref) -> PyResult<()> {
    if let Some(p) = parent {
        protocol::setattr(p, &crate::objects::str::intern(leaf), Some(m.clone()))?;
    }
    Ok(())
}

fn sys_path() -> Vec<PathBuf> {
    let modules = super::modules();
    let Some(sys) = get_item_str(&modules, "sys") else {
        return vec![PathBuf::from(".")];
    };
    let Ok(path) = protocol::getattr_str(&sys, "path") else {
        return vec![];
    };
    protocol::to_vec(&path)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| {
            as_str(p).map(|s| {
                if s.is_empty() {
                    PathBuf::from(".")
                } else {
                    PathBuf::from(s)
                }
            })
        })
        .collect()
}

/// Compile and run a `.py` file as module `name`.
fn load_source_module(name: &str, file: &Path, package_dir: Option<&Path>) -> PyResult {
    let source =
        std::fs::read_to_string(file).map_err(|e| PyErr::new(&exc::IMPORT_ERROR, e.to_string()))?;
    let filename = file.to_string_lossy().to_string();
    // A file's code comes through the bytecode cache (vm/pycache.rs).
    load_module_with(name, Some(&filename), package_dir, || {
        super::pycache::load_or_compile(&source, file, &filename)
    })
}

/// Compile and run `source` as module `name` (a file's, or an embedded
/// module's from `modules/pylib.rs`, which has no `__file__`).
fn load_module_text(
    name: &str,
    source: &str,
    filename: &str,
    file_attr: Option<&str>,
    package_dir: Option<&Path>,
) -> PyResult {
    load_module_with(name, file_attr, package_dir, || {
        crate::compile::codegen::compile(source, filename, crate::compile::codegen::Mode::Exec)
            .map(Rc::new)
    })
}

/// Run the code `code()` gives as module `name`.
fn load_module_with(
    name: &str,
    file_attr: Option<&str>,
    package_dir: Option<&Path>,
    code: impl FnOnce() -> Result<Rc<crate::compile::code::CodeUnit>, crate::syntax::SyntaxError>,
) -> PyResult {
    let modules = super::modules();
    let m = new_module(name);
    let d = module_dict(&m).expect("module dict");
    if let Some(f) = file_attr {
        set_item_str(&d, "__file__", new_str(f));
    }
    match package_dir {
        Some(dir) => {
            let path = crate::objects::list::new_list(vec![new_str(&dir.to_string_lossy())]);
            set_item_str(&d, "__path__", path);
            set_item_str(&d, "__package__", new_str(name));
        }
        None => {
            let pkg = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
            set_item_str(&d, "__package__", new_str(pkg));
        }
    }
    set_item_str(&modules, name, m.clone());
    let unit = match code() {
        Ok(u) => u,
        Err(e) => {
            as_dict(&modules).expect("dict").remove(&new_str(name))?;
            return Err(crate::modules::builtins::syntax_error_to_exception(&e));
        }
    };
    if let Err(e) = super::run_code(unit, &d, None) {
        as_dict(&modules).expect("dict").remove(&new_str(name))?;
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(get_item_str(&modules, name).unwrap_or(m))
}

/// `IMPORT_FROM`.
pub fn import_from(module: &PyObject, name: &PyObject) -> PyResult {
    if let Some(v) = protocol::getattr_opt(module, name)? {
        return Ok(v);
    }
    let mname = protocol::getattr_str(module, "__name__")
        .ok()
        .and_then(|n| as_str(&n).map(str::to_string))
        .unwrap_or_else(|| "<unknown module name>".to_string());
    let n = as_str(name).unwrap_or("?");
    if let Some(m) = get_item_str(&super::modules(), &format!("{mname}.{n}")) {
        return Ok(m);
    }
    let file = module_dict(module)
        .and_then(|d| get_item_str(&d, "__file__"))
        .and_then(|f| as_str(&f).map(str::to_string));
    let msg = match &file {
        Some(f) => format!("cannot import name '{n}' from '{mname}' ({f})"),
        None => format!("cannot import name '{n}' from '{mname}' (unknown location)"),
    };
    Err(exc::new_import_error(
        &exc::IMPORT_ERROR,
        &msg,
        Some(new_str(&mname)),
        file.map(|f| new_str(&f)),
    ))
}

/// `IMPORT_STAR`: public names (or `__all__`) into the current namespace.
pub fn import_star(frame: &Frame, module: &PyObject) -> PyResult<()> {
    let target = frame.locals.as_ref().unwrap_or(&frame.globals);
    let d = module_dict(module);
    let names: Vec<Ref> =
        match protocol::getattr_opt(module, &crate::objects::str::intern("__all__"))? {
            Some(all) => protocol::to_vec(&all)?,
            None => d
                .as_ref()
                .and_then(|d| as_dict(d).map(|d| d.keys()))
                .unwrap_or_default()
                .into_iter()
                .filter(|k| as_str(k).is_some_and(|s| !s.starts_with('_')))
                .collect(),
        };
    for n in names {
        let v = protocol::getattr(module, &n)?;
        super::ops::dict_set(target, n, v)?;
    }
    Ok(())
}
