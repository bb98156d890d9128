//! Command-line arguments: `--name value` options, flags and positional
//! arguments, shared by every subcommand so they all behave alike.

/// `--name value` options and positional arguments.
pub(crate) struct Options {
    /// Arguments that are not options.
    pub positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Options {
    /// Splits `args`, refusing options not in `known`. `flags` take no value.
    pub(crate) fn parse(args: &[String], known: &[&str]) -> Result<Self, String> {
        Self::parse_with_flags(args, known, &[])
    }

    /// As [`Options::parse`], with options in `flags` that take no value
    /// (they get the value `true`).
    pub(crate) fn parse_with_flags(
        args: &[String],
        known: &[&str],
        flags: &[&str],
    ) -> Result<Self, String> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if let Some(name) = arg.strip_prefix("--") {
                if flags.contains(&name) {
                    options.push((name.to_string(), "true".to_string()));
                    continue;
                }
                if !known.contains(&name) {
                    return Err(format!("unknown option `{arg}`"));
                }
                let value = iter.next().ok_or(format!("option `{arg}` needs a value"))?;
                options.push((name.to_string(), value.clone()));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Self {
            positional,
            options,
        })
    }

    /// The last value given for `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value given for `name`, in order.
    pub(crate) fn all(&self, name: &str) -> Vec<&str> {
        self.options
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}
