//! Constant folding as CPython 3.11's AST optimizer (`Python/ast_opt.c`)
//! does it, asked node by node: [`Compiler::const_value`] is the constant an
//! expression becomes after optimisation, if any — literals, `__debug__`,
//! unary and binary operators on constants (within `ast_opt.c`'s size
//! limits), all-constant tuples and constant subscripts.
//!
//! Integers are computed in `i128`; a result (or a literal operand) outside
//! that range is left unfolded, where CPython would fold it with its
//! arbitrary-precision ints (only possible near its 128-bit size limits).

use super::Compiler;
use crate::compile::code::Constant;
use crate::compile::flowgraph::const_truth;
use crate::syntax::ast::{self, Expr, ExprContext, ExprKind, Operator, UnaryOp};

/// `MAX_INT_SIZE`: bits of the largest int a fold may produce by `*`, `**`, `<<`.
const MAX_INT_SIZE: u32 = 128;
/// `MAX_COLLECTION_SIZE`: items of the largest tuple `*` may produce.
const MAX_COLLECTION_SIZE: i128 = 256;
/// `MAX_STR_SIZE`: characters of the largest str or bytes `*` may produce.
const MAX_STR_SIZE: i128 = 4096;
/// `MAX_TOTAL_ITEMS`: items, nested ones included, of a repeated tuple.
const MAX_TOTAL_ITEMS: i128 = 1024;

impl<'s, 'a> Compiler<'s, 'a> {
    /// The constant `e` folds to, if it does (memoised by node).
    pub(super) fn const_value(&mut self, e: &Expr<'_>) -> Option<Constant> {
        let key = e as *const Expr<'_> as usize;
        if let Some(v) = self.folded.get(&key) {
            return v.clone();
        }
        // GEN-4: too deep to fold is not constant; `expr` reports the depth.
        if self.depth > super::MAX_NESTING {
            return None;
        }
        self.depth += 1;
        let v = self.fold_uncached(e);
        self.depth -= 1;
        self.folded.insert(key, v.clone());
        v
    }

    /// Whether `e` folds to a constant.
    pub(super) fn is_const(&mut self, e: &Expr<'_>) -> bool {
        self.const_value(e).is_some()
    }

    fn fold_uncached(&mut self, e: &Expr<'_>) -> Option<Constant> {
        match &e.kind {
            ExprKind::Constant(c) => Some(literal(c)),
            ExprKind::Name { id, ctx } => (*id == "__debug__" && ctx.get() == ExprContext::Load)
                .then(|| Constant::Bool(crate::compile::optimize() == 0)),
            ExprKind::UnaryOp { op, operand } => {
                let v = self.const_value(operand)?;
                fold_unary(*op, &v)
            }
            ExprKind::BinOp { left, op, right } => {
                let l = self.const_value(left)?;
                let r = self.const_value(right)?;
                fold_binop(*op, &l, &r)
            }
            ExprKind::Tuple { elts, ctx } => {
                if ctx.get() != ExprContext::Load {
                    return None;
                }
                let mut items = Vec::with_capacity(elts.len());
                for el in elts.iter() {
                    items.push(self.const_value(el)?);
                }
                Some(Constant::Tuple(items.into_boxed_slice()))
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if ctx.get() != ExprContext::Load {
                    return None;
                }
                let v = self.const_value(value)?;
                let i = self.const_value(slice)?;
                fold_subscript(&v, &i)
            }
            _ => None,
        }
    }

    /// `fold_iter`'s result for a `for` iterable, a comprehension iterable
    /// or the right side of `in`: a list of constants becomes a tuple
    /// constant, a set of constants a frozenset constant.
    pub(super) fn iter_const(&mut self, e: &Expr<'_>) -> Option<Constant> {
        match &e.kind {
            ExprKind::List { elts, .. } => {
                let mut items = Vec::with_capacity(elts.len());
                for el in elts.iter() {
                    items.push(self.const_value(el)?);
                }
                Some(Constant::Tuple(items.into_boxed_slice()))
            }
            ExprKind::Set { elts } => {
                let mut items: Vec<Constant> = Vec::with_capacity(elts.len());
                for el in elts.iter() {
                    let c = self.const_value(el)?;
                    if !hashable(&c) {
                        return None;
                    }
                    items.push(c);
                }
                Some(frozenset(items))
            }
            _ => self.const_value(e),
        }
    }
}

/// One piece of a `'...' % (args)` format rewritten as an f-string.
pub(super) enum FormatPart {
    /// Literal text (`%%` already turned into `%`).
    Literal(String),
    /// Argument `index` with conversion `s`, `r` or `a` and an optional
    /// format spec.
    Value {
        index: usize,
        conversion: char,
        spec: Option<String>,
    },
}

/// `optimize_format`: a str `%` tuple whose format units are all simple
/// `%s`/`%r`/`%a` (flags, width and precision of at most two digits) is
/// compiled as an f-string; the parts, or None when it does not qualify.
pub(super) fn format_parts(fmt: &str, nargs: usize) -> Option<Vec<FormatPart>> {
    let chars: Vec<char> = fmt.chars().collect();
    let size = chars.len();
    let mut pos = 0;
    let mut cnt = 0;
    let mut parts = Vec::new();
    loop {
        let start = pos;
        let mut lit = String::new();
        while pos < size {
            if chars[pos] != '%' {
                lit.push(chars[pos]);
                pos += 1;
            } else if pos + 1 < size && chars[pos + 1] == '%' {
                lit.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            parts.push(FormatPart::Literal(lit));
        }
        if pos >= size {
            break;
        }
        if cnt >= nargs {
            return None;
        }
        pos += 1;
        let (conversion, spec) = simple_format_arg(&chars, &mut pos)?;
        parts.push(FormatPart::Value {
            index: cnt,
            conversion,
            spec,
        });
        cnt += 1;
    }
    (cnt == nargs).then_some(parts)
}

/// `simple_format_arg_parse` + `parse_format`: one `%` unit after the `%`.
fn simple_format_arg(chars: &[char], pos: &mut usize) -> Option<(char, Option<String>)> {
    const MAXDIGITS: u32 = 3;
    let mut p = *pos;
    let mut next = || -> Option<char> {
        let c = chars.get(p).copied();
        p += 1;
        c
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match ch {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let mut width: i32 = -1;
    if ch.is_ascii_digit() {
        width = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            width = width * 10 + d as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    let mut prec: i32 = -1;
    if ch == '.' {
        ch = next()?;
        prec = 0;
        let mut digits = 0;
        while let Some(d) = ch.to_digit(10) {
            prec = prec * 10 + d as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if !matches!(ch, 's' | 'r' | 'a') {
        return None;
    }
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec.push_str(&width.to_string());
    }
    if prec >= 0 {
        spec.push('.');
        spec.push_str(&prec.to_string());
    }
    *pos = p;
    Some((ch, (!spec.is_empty()).then_some(spec)))
}

/// A literal of the tree as a constant.
pub(super) fn literal(c: &ast::Constant<'_>) -> Constant {
    match *c {
        ast::Constant::Int(digits) => match digits.parse::<i64>() {
            Ok(i) => Constant::Int(i),
            Err(_) => Constant::BigInt(digits.into()),
        },
        ast::Constant::Float(f) => Constant::Float(f),
        ast::Constant::Complex(im) => Constant::Complex(0.0, im),
        ast::Constant::Str(s) => Constant::Str(s.into()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.into()),
        ast::Constant::True => Constant::Bool(true),
        ast::Constant::False => Constant::Bool(false),
        ast::Constant::None => Constant::None,
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

/// A frozenset of `items`, duplicates (by Python equality) dropped.
pub(super) fn frozenset(items: Vec<Constant>) -> Constant {
    let mut out: Vec<Constant> = Vec::with_capacity(items.len());
    for c in items {
        if !out.iter().any(|x| set_equal(x, &c)) {
            out.push(c);
        }
    }
    Constant::FrozenSet(out.into_boxed_slice())
}

fn hashable(c: &Constant) -> bool {
    match c {
        Constant::Tuple(items) => items.iter().all(hashable),
        _ => true,
    }
}

/// Set-membership equality: numbers compare by value across int, bool,
/// float and complex (`{1, 1.0}` has one element).
fn set_equal(a: &Constant, b: &Constant) -> bool {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x.eq_value(&y),
        (None, None) => match (a, b) {
            (Constant::Tuple(x), Constant::Tuple(y)) => {
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| set_equal(p, q))
            }
            _ => super::const_key(a) == super::const_key(b),
        },
        _ => false,
    }
}

/// A number operand.
#[derive(Clone, Copy, Debug)]
enum Num {
    Int(i128),
    Float(f64),
    Complex(f64, f64),
}

impl Num {
    fn eq_value(&self, o: &Num) -> bool {
        let (ar, ai) = self.as_complex();
        let (br, bi) = o.as_complex();
        match (self, o) {
            (Num::Int(x), Num::Int(y)) => x == y,
            _ => ar == br && ai == bi,
        }
    }

    fn as_float(&self) -> Option<f64> {
        match *self {
            Num::Int(i) => Some(i as f64),
            Num::Float(f) => Some(f),
            Num::Complex(..) => None,
        }
    }

    fn as_complex(&self) -> (f64, f64) {
        match *self {
            Num::Int(i) => (i as f64, 0.0),
            Num::Float(f) => (f, 0.0),
            Num::Complex(r, i) => (r, i),
        }
    }
}

fn num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(b) => Some(Num::Int(*b as i128)),
        Constant::Int(i) => Some(Num::Int(*i as i128)),
        Constant::BigInt(d) => d.parse::<i128>().ok().map(Num::Int),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex(r, i) => Some(Num::Complex(*r, *i)),
        _ => None,
    }
}

fn int_of(c: &Constant) -> Option<i128> {
    match num(c)? {
        Num::Int(i) => Some(i),
        _ => None,
    }
}

fn is_int(c: &Constant) -> bool {
    matches!(
        c,
        Constant::Bool(_) | Constant::Int(_) | Constant::BigInt(_)
    )
}

/// An int constant, `BigInt` past the machine word.
fn make_int(i: i128) -> Constant {
    match i64::try_from(i) {
        Ok(v) => Constant::Int(v),
        Err(_) => Constant::BigInt(i.to_string().into()),
    }
}

fn make_num(n: Num) -> Option<Constant> {
    Some(match n {
        Num::Int(i) => make_int(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(r, i) => Constant::Complex(r, i),
    })
}

/// `_PyLong_NumBits` of |i|.
fn num_bits(i: i128) -> u32 {
    128 - i.unsigned_abs().leading_zeros()
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!const_truth(v)?)),
        UnaryOp::Invert => Some(make_int(!int_of(v)?)),
        UnaryOp::UAdd => make_num(num(v)?),
        UnaryOp::USub => match num(v)? {
            Num::Int(i) => Some(make_int(i.checked_neg()?)),
            Num::Float(f) => Some(Constant::Float(-f)),
            Num::Complex(r, i) => Some(Constant::Complex(-r, -i)),
        },
    }
}

fn fold_binop(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    match op {
        Operator::Add => add(l, r),
        Operator::Sub => arith(
            l,
            r,
            i128::checked_sub,
            |a, b| a - b,
            |a, b| (a.0 - b.0, a.1 - b.1),
        ),
        Operator::Mult => safe_multiply(l, r),
        Operator::Div => true_divide(l, r),
        Operator::FloorDiv => floor_divide(l, r),
        Operator::Mod => {
            if matches!(l, Constant::Str(_) | Constant::Bytes(_)) {
                return None;
            }
            modulo(l, r)
        }
        Operator::Pow => safe_power(l, r),
        Operator::LShift => {
            let (a, b) = (int_of(l)?, int_of(r)?);
            if b < 0 {
                return None;
            }
            if a != 0
                && (b > MAX_INT_SIZE as i128 || num_bits(a) as i128 > MAX_INT_SIZE as i128 - b)
            {
                return None;
            }
            if a == 0 {
                return Some(make_int(0));
            }
            Some(make_int(a.checked_mul(1i128.checked_shl(b as u32)?)?))
        }
        Operator::RShift => {
            let (a, b) = (int_of(l)?, int_of(r)?);
            if b < 0 {
                return None;
            }
            Some(make_int(if b >= 127 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            }))
        }
        Operator::BitOr | Operator::BitXor | Operator::BitAnd => {
            if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
                return Some(Constant::Bool(match op {
                    Operator::BitOr => a | b,
                    Operator::BitXor => a ^ b,
                    _ => a & b,
                }));
            }
            let (a, b) = (int_of(l)?, int_of(r)?);
            Some(make_int(match op {
                Operator::BitOr => a | b,
                Operator::BitXor => a ^ b,
                _ => a & b,
            }))
        }
        Operator::MatMult => None,
    }
}

/// A complex operation on (real, imaginary) pairs.
type ComplexOp = fn((f64, f64), (f64, f64)) -> (f64, f64);

/// A numeric operation with int, float and complex arms.
fn arith(
    l: &Constant,
    r: &Constant,
    int: fn(i128, i128) -> Option<i128>,
    float: fn(f64, f64) -> f64,
    complex: ComplexOp,
) -> Option<Constant> {
    let (a, b) = (num(l)?, num(r)?);
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(make_int(int(x, y)?)),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let (re, im) = complex(a.as_complex(), b.as_complex());
            Some(Constant::Complex(re, im))
        }
        _ => Some(Constant::Float(float(a.as_float()?, b.as_float()?))),
    }
}

fn add(l: &Constant, r: &Constant) -> Option<Constant> {
    match (l, r) {
        (Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}").into())),
        (Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Constant::Bytes([&a[..], &b[..]].concat().into()))
        }
        (Constant::Tuple(a), Constant::Tuple(b)) => {
            Some(Constant::Tuple([&a[..], &b[..]].concat().into()))
        }
        _ => arith(
            l,
            r,
            i128::checked_add,
            |a, b| a + b,
            |a, b| (a.0 + b.0, a.1 + b.1),
        ),
    }
}

/// Total items of a constant, nested collections included
/// (`check_complexity`).
fn complexity(c: &Constant) -> i128 {
    match c {
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            items.iter().map(|i| 1 + complexity(i)).sum::<i128>()
        }
        _ => 0,
    }
}

fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.chars().count()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

/// `safe_multiply`.
fn safe_multiply(l: &Constant, r: &Constant) -> Option<Constant> {
    if is_int(r) && !is_int(l) && seq_len(l).is_some() {
        return safe_multiply(r, l);
    }
    if is_int(l) {
        if let Some(size) = seq_len(r) {
            let n = int_of(l)?;
            let size = size as i128;
            if size > 0 {
                let limit = if matches!(r, Constant::Tuple(_)) {
                    MAX_COLLECTION_SIZE
                } else {
                    MAX_STR_SIZE
                };
                if n < 0 || n > limit / size {
                    return None;
                }
                if n > 0 && matches!(r, Constant::Tuple(_)) && complexity(r) > MAX_TOTAL_ITEMS / n {
                    return None;
                }
            }
            let n = usize::try_from(n.max(0)).ok()?;
            if size == 0 && n > isize::MAX as usize {
                return None;
            }
            return Some(match r {
                Constant::Str(s) => Constant::Str(s.repeat(if size == 0 { 0 } else { n }).into()),
                Constant::Bytes(b) => {
                    Constant::Bytes(b.repeat(if size == 0 { 0 } else { n }).into())
                }
                Constant::Tuple(t) => {
                    let k = if size == 0 { 0 } else { n };
                    let mut v = Vec::with_capacity(t.len() * k);
                    for _ in 0..k {
                        v.extend(t.iter().cloned());
                    }
                    Constant::Tuple(v.into_boxed_slice())
                }
                _ => return None,
            });
        }
    }
    if let (Some(a), Some(b)) = (int_of(l), int_of(r)) {
        if a != 0 && b != 0 && num_bits(a) + num_bits(b) > MAX_INT_SIZE {
            return None;
        }
    }
    arith(
        l,
        r,
        i128::checked_mul,
        |a, b| a * b,
        |a, b| (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
    )
}

fn true_divide(l: &Constant, r: &Constant) -> Option<Constant> {
    let (a, b) = (num(l)?, num(r)?);
    match (a, b) {
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let (re, im) = complex_quot(a.as_complex(), b.as_complex())?;
            Some(Constant::Complex(re, im))
        }
        (Num::Int(x), Num::Int(y)) => int_true_divide(x, y).map(Constant::Float),
        _ => {
            let (x, y) = (a.as_float()?, b.as_float()?);
            if y == 0.0 {
                return None;
            }
            Some(Constant::Float(x / y))
        }
    }
}

/// `x / y` for ints, correctly rounded (round half to even) as CPython's
/// `long_true_divide` computes it.
fn int_true_divide(x: i128, y: i128) -> Option<f64> {
    if y == 0 {
        return None;
    }
    let negative = (x < 0) != (y < 0);
    let (a, b) = (x.unsigned_abs(), y.unsigned_abs());
    let sign = |v: f64| if negative { -v } else { v };
    if a == 0 {
        return Some(sign(0.0));
    }
    // Binary expansion of a/b: the integer part's bits, then fraction bits,
    // until 55 significant bits are known; the rest is a sticky bit.
    let q = a / b;
    let mut r = a % b;
    let mut mant: u128 = q;
    let mut exp: i32 = 0;
    let mut bits = 128 - q.leading_zeros() as i32;
    while bits < 55 {
        r <<= 1;
        mant <<= 1;
        if r >= b {
            r -= b;
            mant |= 1;
        }
        exp -= 1;
        if mant != 0 {
            bits += 1;
        }
    }
    let mut sticky = r != 0;
    let extra = bits - 53;
    if extra > 0 {
        let dropped = mant & ((1u128 << extra) - 1);
        let half = 1u128 << (extra - 1);
        mant >>= extra;
        exp += extra;
        sticky |= dropped & (half - 1) != 0;
        if dropped & half != 0 && (sticky || mant & 1 == 1) {
            mant += 1;
        }
    }
    let value = (mant as f64) * 2f64.powi(exp);
    Some(sign(value))
}

/// CPython's `_Py_c_quot`.
fn complex_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_breal, abs_bimag) = (b.0.abs(), b.1.abs());
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// Python's float `divmod`.
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

fn floor_divide(l: &Constant, r: &Constant) -> Option<Constant> {
    match (num(l)?, num(r)?) {
        (Num::Int(x), Num::Int(y)) => {
            if y == 0 {
                return None;
            }
            Some(make_int(x.checked_div_euclid(y).map(|_| floor_div(x, y))?))
        }
        (Num::Complex(..), _) | (_, Num::Complex(..)) => None,
        (a, b) => Some(Constant::Float(
            float_divmod(a.as_float()?, b.as_float()?)?.0,
        )),
    }
}

fn floor_div(x: i128, y: i128) -> i128 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn modulo(l: &Constant, r: &Constant) -> Option<Constant> {
    match (num(l)?, num(r)?) {
        (Num::Int(x), Num::Int(y)) => {
            if y == 0 {
                return None;
            }
            let m = x.checked_rem(y)?;
            Some(make_int(if m != 0 && ((m < 0) != (y < 0)) {
                m + y
            } else {
                m
            }))
        }
        (Num::Complex(..), _) | (_, Num::Complex(..)) => None,
        (a, b) => Some(Constant::Float(
            float_divmod(a.as_float()?, b.as_float()?)?.1,
        )),
    }
}

/// `safe_power`.
fn safe_power(l: &Constant, r: &Constant) -> Option<Constant> {
    match (num(l)?, num(r)?) {
        (Num::Int(a), Num::Int(b)) => {
            if b < 0 {
                if a == 0 {
                    return None;
                }
                let v = (a as f64).powf(b as f64);
                return v.is_finite().then_some(Constant::Float(v));
            }
            if a != 0 && b > 0 && num_bits(a) as i128 > MAX_INT_SIZE as i128 / b {
                return None;
            }
            let mut acc: i128 = 1;
            for _ in 0..b.min(256) {
                acc = acc.checked_mul(a)?;
            }
            Some(make_int(acc))
        }
        (Num::Complex(..), _) | (_, Num::Complex(..)) => None,
        (a, b) => {
            let (x, y) = (a.as_float()?, b.as_float()?);
            if y == 0.0 {
                return Some(Constant::Float(1.0));
            }
            if x == 0.0 && y < 0.0 {
                return None;
            }
            if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
                return None;
            }
            let v = x.powf(y);
            if !v.is_finite() && x.is_finite() && y.is_finite() {
                return None;
            }
            Some(Constant::Float(v))
        }
    }
}

fn fold_subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    let idx = int_of(i)?;
    let len = seq_len(v)? as i128;
    let k = if idx < 0 { idx + len } else { idx };
    if k < 0 || k >= len {
        return None;
    }
    let k = k as usize;
    match v {
        Constant::Str(s) => s
            .chars()
            .nth(k)
            .map(|c| Constant::Str(c.to_string().into())),
        Constant::Bytes(b) => Some(Constant::Int(b[k] as i64)),
        Constant::Tuple(t) => Some(t[k].clone()),
        _ => None,
    }
}
