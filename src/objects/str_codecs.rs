//! The text codecs `str.encode`, `bytes.decode` and `str(b, encoding)` use:
//! UTF-8, ASCII and Latin-1 with CPython's error handlers (strict, ignore,
//! replace, backslashreplace, xmlcharrefreplace for encoding, surrogateescape
//! approximated), and the `UnicodeEncodeError` / `UnicodeDecodeError`
//! attributes and message.

use super::bytes::new_bytes;
use super::err::{PyErr, PyResult};
use super::exceptions as exc;
use super::int::new_int;
use super::object::{PyObject, Ref};
use super::str::{as_str, new_str};
use super::tuple::items;
use super::typeobj::GetSetDef;

/// A codec this module implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    /// `utf-8`.
    Utf8,
    /// `ascii`.
    Ascii,
    /// `latin-1`.
    Latin1,
}

impl Codec {
    /// The name CPython's messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x11_0000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Look an encoding name up (`LookupError: unknown encoding: x`).
pub fn lookup(name: &str) -> PyResult<Codec> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" | "us" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin"
        | "iso-ir-100" => Ok(Codec::Latin1),
        _ => Err(PyErr::new(
            &exc::LOOKUP_ERROR,
            format!("unknown encoding: {name}"),
        )),
    }
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(
        &exc::LOOKUP_ERROR,
        format!("unknown error handler name '{errors}'"),
    )
}

/// `s.encode(encoding, errors)` as bytes.
pub fn encode(s: &str, codec: Codec, errors: &str) -> PyResult {
    if codec == Codec::Utf8 {
        return Ok(new_bytes(s.as_bytes()));
    }
    let limit = codec.limit();
    if s.chars().all(|c| (c as u32) < limit) {
        if codec == Codec::Ascii {
            return Ok(new_bytes(s.as_bytes()));
        }
        let out: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        return Ok(new_bytes(&out));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "strict" => {
                let mut end = i + 1;
                while end < chars.len() && (chars[end] as u32) >= limit {
                    end += 1;
                }
                return Err(encode_error(codec, s, i, end));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend_from_slice(escape_char(c).as_bytes()),
            "xmlcharrefreplace" => {
                out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
            }
            _ => return Err(unknown_handler(errors)),
        }
        i += 1;
    }
    Ok(new_bytes(&out))
}

fn escape_char(c: char) -> String {
    let cp = c as u32;
    if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

fn encode_error(codec: Codec, s: &str, start: usize, end: usize) -> PyErr {
    let reason = format!("ordinal not in range({})", codec.limit());
    PyErr::with_args(
        &exc::UNICODE_ENCODE_ERROR,
        vec![
            new_str(codec.name()),
            new_str(s),
            new_int(start as i64),
            new_int(end as i64),
            new_str(&reason),
        ],
    )
}

fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    PyErr::with_args(
        &exc::UNICODE_DECODE_ERROR,
        vec![
            new_str(codec.name()),
            new_bytes(data),
            new_int(start as i64),
            new_int(end as i64),
            new_str(reason),
        ],
    )
}

/// What to put for the undecodable bytes `bad`, per the error handler;
/// `Ok(false)` for "strict" (the caller raises).
fn decode_substitute(errors: &str, bad: &[u8], out: &mut String) -> PyResult<bool> {
    match errors {
        "strict" => return Ok(false),
        "ignore" => {}
        "replace" => out.push('\u{fffd}'),
        "backslashreplace" => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        // Lone surrogates cannot live in pyrite's UTF-8 strs: each byte
        // becomes U+FFFD (CPython gives U+DC80 + byte).
        "surrogateescape" | "surrogatepass" => {
            for _ in bad {
                out.push('\u{fffd}');
            }
        }
        _ => return Err(unknown_handler(errors)),
    }
    Ok(true)
}

/// `data.decode(encoding, errors)` as a Rust string.
pub fn decode_to_string(data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(String::from_utf8_lossy(data).into_owned());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else if !decode_substitute(errors, &[b], &mut out)? {
                    return Err(decode_error(
                        codec,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                    ));
                }
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(data, errors),
    }
}

fn decode_utf8(data: &[u8], errors: &str) -> PyResult<String> {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or(""));
                let start = pos + good;
                let first = data[start];
                let (end, reason) = match e.error_len() {
                    Some(n) => {
                        let bad_start = matches!(first, 0x80..=0xc1 | 0xf5..=0xff);
                        let reason = if bad_start {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (start + n, reason)
                    }
                    None => (data.len(), "unexpected end of data"),
                };
                if !decode_substitute(errors, &data[start..end], &mut out)? {
                    return Err(decode_error(Codec::Utf8, data, start, end, reason));
                }
                pos = end;
            }
        }
    }
    Ok(out)
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], codec: Codec, errors: &str) -> PyResult {
    Ok(new_str(&decode_to_string(data, codec, errors)?))
}

fn arg(obj: &PyObject, i: usize) -> Option<Ref> {
    let e = exc::exception(obj)?;
    let args = e.args.get()?;
    items(&args).get(i).cloned()
}

/// `str()` of a UnicodeEncodeError / UnicodeDecodeError made with the five
/// standard arguments; otherwise as any exception.
pub fn unicode_error_str(obj: &PyObject) -> PyResult {
    let e = exc::exception(obj).expect("exception");
    let args = e
        .args
        .get()
        .unwrap_or_else(|| super::tuple::new_tuple(vec![]));
    let a = items(&args);
    let decoding = obj.is_instance_of(&exc::UNICODE_DECODE_ERROR);
    let five = a.len() == 5
        && as_str(&a[0]).is_some()
        && as_str(&a[4]).is_some()
        && super::int::small_value(&a[2]).is_some()
        && super::int::small_value(&a[3]).is_some();
    if !five {
        return match a.len() {
            0 => Ok(new_str("")),
            1 => super::protocol::str_of(&a[0]),
            _ => super::protocol::str_of(&args),
        };
    }
    let enc = as_str(&a[0]).unwrap_or("");
    let reason = as_str(&a[4]).unwrap_or("");
    let start = super::int::small_value(&a[2]).unwrap_or(0);
    let end = super::int::small_value(&a[3]).unwrap_or(0);
    let msg = if decoding {
        let data = super::bytes::as_bytes(&a[1]).unwrap_or(&[]);
        match usize::try_from(start).ok().and_then(|s| data.get(s)) {
            Some(b) if end == start + 1 => {
                format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
            }
            _ => format!(
                "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            ),
        }
    } else {
        let text = as_str(&a[1]).unwrap_or("");
        match usize::try_from(start)
            .ok()
            .and_then(|s| text.chars().nth(s))
        {
            Some(c) if end == start + 1 => {
                let cp = c as u32;
                let shown = if cp <= 0xff {
                    format!("\\x{cp:02x}")
                } else if cp <= 0xffff {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                format!(
                    "'{enc}' codec can't encode character '{shown}' in position {start}: {reason}"
                )
            }
            _ => format!(
                "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                end - 1
            ),
        }
    };
    Ok(new_str(&msg))
}

/// `encoding`, `object`, `start`, `end`, `reason` of the Unicode errors.
pub static UNICODE_ERROR_GETSETS: [GetSetDef; 5] = [
    GetSetDef {
        name: "encoding",
        get: |o| Ok(arg(o, 0).unwrap_or_else(super::none::none)),
        set: None,
    },
    GetSetDef {
        name: "object",
        get: |o| Ok(arg(o, 1).unwrap_or_else(super::none::none)),
        set: None,
    },
    GetSetDef {
        name: "start",
        get: |o| Ok(arg(o, 2).unwrap_or_else(super::none::none)),
        set: None,
    },
    GetSetDef {
        name: "end",
        get: |o| Ok(arg(o, 3).unwrap_or_else(super::none::none)),
        set: None,
    },
    GetSetDef {
        name: "reason",
        get: |o| Ok(arg(o, 4).unwrap_or_else(super::none::none)),
        set: None,
    },
];
