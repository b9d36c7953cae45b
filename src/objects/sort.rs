//! The stable sort behind `list.sort` and `sorted`: CPython's listsort
//! shape (natural runs found by `count_run`, short runs extended by binary
//! insertion to `minrun`, runs merged under timsort's stack invariants),
//! without galloping. It sorts a permutation of indices into the key
//! array, comparing keys only with `<` as CPython does, and stops at the
//! first exception.
//!
//! SORT-1: whatever happens — an exception in `__lt__`, an inconsistent
//! comparison — the permutation stays a permutation of `0..n` (no index is
//! lost or doubled), so the caller can always rebuild the list from it.
//! Rust's own `sort_by` is used only for key kinds with a total order
//! (machine ints, str, floats without NaN), where it cannot panic.

use std::cmp::Ordering;

use super::err::PyResult;
use super::float::FloatObject;
use super::int::{as_int, IntObject, INT_TYPE};
use super::object::Ref;
use super::str::is_exact_str;
use crate::compile::opcode::CompareOp;

/// Sort `perm` (a permutation of indices into `keys`) stably by the keys.
/// On error `perm` is still a permutation (SORT-1), partially sorted.
pub fn sort_permutation(keys: &[Ref], perm: &mut [usize]) -> PyResult<()> {
    if perm.len() < 2 || sort_fast(keys, perm) {
        return Ok(());
    }
    Sorter { keys }.sort(perm)
}

/// Sort by a total order when every key is of one kind that has one;
/// false when the generic sort is needed.
fn sort_fast(keys: &[Ref], perm: &mut [usize]) -> bool {
    let first = &keys[0];
    if std::ptr::eq(first.ty(), &INT_TYPE) {
        let mut vals = Vec::with_capacity(keys.len());
        for k in keys {
            if !std::ptr::eq(k.ty(), &INT_TYPE) {
                return false;
            }
            match as_int(k).and_then(IntObject::small) {
                Some(v) => vals.push(v),
                None => return false,
            }
        }
        perm.sort_by_key(|&i| vals[i]);
        return true;
    }
    if is_exact_str(first) {
        let mut vals = Vec::with_capacity(keys.len());
        for k in keys {
            if !is_exact_str(k) {
                return false;
            }
            vals.push(super::str::as_str(k).unwrap_or(""));
        }
        perm.sort_by(|&a, &b| vals[a].cmp(vals[b]));
        return true;
    }
    if first.downcast_exact::<FloatObject>().is_some() {
        let mut vals = Vec::with_capacity(keys.len());
        for k in keys {
            match k.downcast_exact::<FloatObject>() {
                Some(f) if !f.value.is_nan() => vals.push(f.value),
                _ => return false,
            }
        }
        perm.sort_by(|&a, &b| vals[a].partial_cmp(&vals[b]).unwrap_or(Ordering::Equal));
        return true;
    }
    false
}

/// `n` if `n < 64`, else a number in `32..=64` such that `n / minrun` is
/// (close to) a power of two (CPython's `merge_compute_minrun`).
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

struct Sorter<'a> {
    keys: &'a [Ref],
}

impl Sorter<'_> {
    #[inline]
    fn lt(&self, a: usize, b: usize) -> PyResult<bool> {
        super::protocol::compare_bool(&self.keys[a], &self.keys[b], CompareOp::Lt)
    }

    fn sort(&self, perm: &mut [usize]) -> PyResult<()> {
        let n = perm.len();
        let minrun = compute_minrun(n);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut lo = 0;
        while lo < n {
            let (mut len, descending) = self.count_run(&perm[lo..])?;
            if descending {
                perm[lo..lo + len].reverse();
            }
            if len < minrun {
                let force = minrun.min(n - lo);
                self.binary_sort(&mut perm[lo..lo + force], len)?;
                len = force;
            }
            runs.push((lo, len));
            self.merge_collapse(perm, &mut runs)?;
            lo += len;
        }
        while runs.len() > 1 {
            let i = runs.len() - 2;
            self.merge_at(perm, &mut runs, i)?;
        }
        Ok(())
    }

    /// Length of the run at the start of `p` and whether it is strictly
    /// descending (CPython 3.11's `count_run`).
    fn count_run(&self, p: &[usize]) -> PyResult<(usize, bool)> {
        if p.len() == 1 {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.lt(p[1], p[0])? {
            while n < p.len() && self.lt(p[n], p[n - 1])? {
                n += 1;
            }
            Ok((n, true))
        } else {
            while n < p.len() && !self.lt(p[n], p[n - 1])? {
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Binary insertion of `p[start..]` into the sorted prefix `p[..start]`.
    /// The pivot moves only after its place is found (SORT-1).
    fn binary_sort(&self, p: &mut [usize], start: usize) -> PyResult<()> {
        for s in start.max(1)..p.len() {
            let pivot = p[s];
            let (mut l, mut r) = (0, s);
            while l < r {
                let m = l + ((r - l) >> 1);
                if self.lt(pivot, p[m])? {
                    r = m;
                } else {
                    l = m + 1;
                }
            }
            p.copy_within(l..s, l + 1);
            p[l] = pivot;
        }
        Ok(())
    }

    /// Keep the run stack's invariants (timsort's `merge_collapse`).
    fn merge_collapse(&self, perm: &mut [usize], runs: &mut Vec<(usize, usize)>) -> PyResult<()> {
        while runs.len() > 1 {
            let mut n = runs.len() - 2;
            let len = |i: usize, runs: &Vec<(usize, usize)>| runs[i].1;
            if (n > 0 && len(n - 1, runs) <= len(n, runs) + len(n + 1, runs))
                || (n > 1 && len(n - 2, runs) <= len(n - 1, runs) + len(n, runs))
            {
                if len(n - 1, runs) < len(n + 1, runs) {
                    n -= 1;
                }
                self.merge_at(perm, runs, n)?;
            } else if len(n, runs) <= len(n + 1, runs) {
                self.merge_at(perm, runs, n)?;
            } else {
                break;
            }
        }
        Ok(())
    }

    /// Merge runs `i` and `i + 1`. The left run is copied out; on an
    /// exception its unmerged rest fills the gap (SORT-1).
    fn merge_at(
        &self,
        perm: &mut [usize],
        runs: &mut Vec<(usize, usize)>,
        i: usize,
    ) -> PyResult<()> {
        let (a, na) = runs[i];
        let (b, nb) = runs[i + 1];
        runs[i] = (a, na + nb);
        runs.remove(i + 1);
        let left: Vec<usize> = perm[a..b].to_vec();
        let (mut li, mut ri, mut dest) = (0, b, a);
        let end = b + nb;
        while li < left.len() && ri < end {
            match self.lt(perm[ri], left[li]) {
                Ok(true) => {
                    perm[dest] = perm[ri];
                    ri += 1;
                }
                Ok(false) => {
                    perm[dest] = left[li];
                    li += 1;
                }
                Err(e) => {
                    perm[dest..dest + left.len() - li].copy_from_slice(&left[li..]);
                    return Err(e);
                }
            }
            dest += 1;
        }
        perm[dest..dest + left.len() - li].copy_from_slice(&left[li..]);
        debug_assert!(na == left.len());
        Ok(())
    }
}
