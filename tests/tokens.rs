//! Golden tests of the tokenizer: every `tests/tokens/NAME.py` is tokenized
//! and compared with `NAME.expected`, the token stream CPython 3.11's
//! `tokenize` module gives (regenerate with
//! `python3 tests/gen_tokens_expected.py`; the format is described there).

mod common;

#[test]
fn token_streams_match_cpython() {
    common::check_golden_files(
        "tokens",
        "tests/gen_tokens_expected.py",
        (5, 0),
        |source, _name| pyrite::syntax::dump_tokens(source),
    );
}
