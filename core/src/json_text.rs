//! Reading JSON text with errors that say where: the one JSON reader of the
//! core, shared by instruments, reports, FHIR files and partner settings.

use alloc::string::{String, ToString};

use crate::error::Problem;

/// Parses JSON into `T`; an error names the path where it went wrong (with
/// the `error-paths` feature) and the line and column.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    #[cfg(feature = "error-paths")]
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        Problem {
            path: if path == "." { String::new() } else { path },
            message: error.into_inner().to_string(),
        }
    })?;
    #[cfg(not(feature = "error-paths"))]
    let value: T = serde::Deserialize::deserialize(&mut deserializer).map_err(|error| Problem {
        path: String::new(),
        message: error.to_string(),
    })?;
    deserializer.end().map_err(|error| Problem {
        path: String::new(),
        message: error.to_string(),
    })?;
    Ok(value)
}
