//! What CPython's `site` module adds to `builtins` at start-up: `exit` and
//! `quit` (callables that raise `SystemExit`, with the repr that tells a
//! prompt user how to leave). Written in Python, run once per interpreter.

const SOURCE: &str = "\
class Quitter(object):
    __module__ = '_sitebuiltins'
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof
    def __repr__(self):
        return 'Use %s() or %s to exit' % (self.name, self.eof)
    def __call__(self, code=None):
        import sys
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)

exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')
";

/// Put `exit` and `quit` in the builtins dict (silently skipped if the
/// Python part cannot run).
pub fn install() {
    use crate::objects::dict::{get_item_str, new_dict, set_item_str};
    let Some(builtins) = crate::vm::builtins_dict() else {
        return;
    };
    let ns = new_dict();
    set_item_str(
        &ns,
        "__name__",
        crate::objects::str::new_str("_sitebuiltins"),
    );
    let Ok(unit) =
        crate::compile::codegen::compile(SOURCE, "<site>", crate::compile::codegen::Mode::Exec)
    else {
        return;
    };
    let Ok(code) = crate::objects::codeobj::new_code(std::rc::Rc::new(unit)) else {
        return;
    };
    if super::builtins_exec::run_code_object(&code, &ns, ns.clone()).is_err() {
        return;
    }
    for name in ["exit", "quit"] {
        if let Some(v) = get_item_str(&ns, name) {
            set_item_str(&builtins, name, v);
        }
    }
}
