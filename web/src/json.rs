//! JSON text in and out of the app: saved progress, remembered results,
//! exported files, imported files and a partner's configuration.
//!
//! In the browser, the browser's own `JSON.parse` and `JSON.stringify` do
//! the text part and serde-wasm-bindgen turns the values into Rust types and
//! back. The app then carries no JSON parser or writer of its own, which is
//! about a fifth of its first load (see BENCHMARKS.md, "Web app"). Natively
//! (the reducer's tests) serde_json does the same job.
//!
//! The two may write numbers differently (`1.0` or `1`); nothing depends on
//! that. Both read what either wrote, and checksums are taken over the
//! core's binary form, not over JSON text.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as JSON text; indented for people when `pretty`.
pub fn to_json<T: Serialize>(value: &T, pretty: bool) -> Result<String, String> {
    imp::to_json(value, pretty)
}

/// Reads JSON `text` as a `T`; the message says what is wrong and where
/// (the browser gives the position of a syntax error).
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    check_depth(text)?;
    imp::from_json(text)
}

/// Deepest nesting of lists and objects read, as serde_json's default.
pub const MAX_DEPTH: usize = 128;

/// Refuses JSON nested deeper than [`MAX_DEPTH`] before it is parsed.
///
/// The browser's `JSON.parse` reads any depth, but turning a deeply nested
/// value into Rust types recurses once per level and would exhaust the
/// WebAssembly stack: a hostile file could stop the app. A scan over the
/// text costs far less than the parse it guards.
pub fn check_depth(text: &str) -> Result<(), String> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!(
                        "recursion limit exceeded: lists and objects are nested more than {MAX_DEPTH} levels deep (at byte {at})"
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// A partner's configuration read by the browser's `JSON.parse`, for the
/// core's format-free checks ([`naastenmeter_core::partner::ConfigValue`]).
#[cfg(target_arch = "wasm32")]
pub struct JsConfig(pub wasm_bindgen::JsValue);

/// Parses a partner's configuration text into a [`JsConfig`].
#[cfg(target_arch = "wasm32")]
pub fn parse_config(text: &str) -> Result<JsConfig, naastenmeter_core::Problem> {
    check_depth(text)
        .and_then(|()| imp::parse(text))
        .map(JsConfig)
        .map_err(|message| naastenmeter_core::Problem {
            path: String::new(),
            message,
        })
}

#[cfg(target_arch = "wasm32")]
impl naastenmeter_core::partner::ConfigValue for JsConfig {
    fn entries(self) -> Result<Vec<(String, Self)>, String> {
        use wasm_bindgen::JsCast;
        if !self.0.is_object() || js_sys::Array::is_array(&self.0) {
            return Err(format!("expected an object, found {}", imp::kind(&self.0)));
        }
        let object: js_sys::Object = self.0.unchecked_into();
        Ok(js_sys::Object::entries(&object)
            .iter()
            .map(|entry| {
                let pair: js_sys::Array = entry.unchecked_into();
                (
                    pair.get(0).as_string().unwrap_or_default(),
                    JsConfig(pair.get(1)),
                )
            })
            .collect())
    }

    fn elements(self) -> Result<Vec<Self>, String> {
        if !js_sys::Array::is_array(&self.0) {
            return Err(format!("expected a list, found {}", imp::kind(&self.0)));
        }
        let array: js_sys::Array = wasm_bindgen::JsCast::unchecked_into(self.0);
        Ok(array.iter().map(JsConfig).collect())
    }

    fn read<T: DeserializeOwned>(self) -> Result<T, String> {
        serde_wasm_bindgen::from_value(self.0).map_err(|e| e.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use wasm_bindgen::{JsCast, JsValue};

    pub fn to_json<T: Serialize>(value: &T, pretty: bool) -> Result<String, String> {
        // json_compatible: maps become plain objects and `None` becomes
        // `null`, as in any JSON writer.
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = value.serialize(&serializer).map_err(|e| e.to_string())?;
        let text = if pretty {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from(2),
            )
        } else {
            js_sys::JSON::stringify(&value)
        };
        text.map(String::from).map_err(|e| message(&e))
    }

    pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        serde_wasm_bindgen::from_value(parse(text)?).map_err(|e| e.to_string())
    }

    pub fn parse(text: &str) -> Result<JsValue, String> {
        js_sys::JSON::parse(text).map_err(|e| message(&e))
    }

    /// The message of a thrown error, such as the browser's "Unexpected
    /// token } in JSON at position 42".
    fn message(error: &JsValue) -> String {
        match error.dyn_ref::<js_sys::Error>() {
            Some(error) => String::from(error.message()),
            None => String::from("not valid JSON"),
        }
    }

    /// What kind of JSON value this is, for messages.
    pub fn kind(value: &JsValue) -> &'static str {
        if value.is_null() {
            "null"
        } else if js_sys::Array::is_array(value) {
            "a list"
        } else if value.is_string() {
            "a string"
        } else if value.as_f64().is_some() {
            "a number"
        } else if value.as_bool().is_some() {
            "a boolean"
        } else {
            "an object"
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    pub fn to_json<T: Serialize>(value: &T, pretty: bool) -> Result<String, String> {
        let text = if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        };
        text.map_err(|e| e.to_string())
    }

    pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_up_to_the_limit_reads_and_deeper_is_refused() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(check_depth(&nested(MAX_DEPTH)).is_ok());
        let message = check_depth(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert!(message.contains("recursion limit"), "{message}");
        assert!(message.contains(&format!("byte {MAX_DEPTH}")), "{message}");
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let text = format!("[\"{}\", \"\\\"[[\"]", "[".repeat(500));
        assert!(check_depth(&text).is_ok(), "{text}");
        assert!(from_json::<Vec<String>>(&text).is_ok());
    }

    #[test]
    fn a_deep_file_is_refused_before_parsing() {
        let text = format!("{{\"a\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(from_json::<serde_json::Value>(&text)
            .unwrap_err()
            .contains("recursion limit"));
    }
}
