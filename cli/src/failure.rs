//! What can go wrong in a command, and which exit code that gives.

/// What went wrong, and which exit code that gives.
#[derive(Debug)]
pub enum Failure {
    /// The command line is wrong in a way the argument parser cannot see,
    /// such as two options that do not go together (exit code 2).
    Usage(String),
    /// An input file or value has a problem (exit code 1).
    Input(String),
}

impl From<String> for Failure {
    /// A plain message is about the input.
    fn from(message: String) -> Self {
        Failure::Input(message)
    }
}

impl From<&str> for Failure {
    /// A plain message is about the input.
    fn from(message: &str) -> Self {
        Failure::Input(message.to_string())
    }
}
