//! Checks of the conditions of advice and safety rules, and of the contact
//! points they name.

use alloc::format;
use alloc::string::String;

use super::Checker;
use crate::condition::Condition;

impl Checker<'_> {
    pub(super) fn condition(&mut self, path: &str, condition: &Condition) {
        let idx = self.index;
        match condition {
            Condition::Always => {}
            Condition::Chosen { question, option } => match idx.context_question(question) {
                None => self.problem(path, format!("unknown context question `{question}`")),
                Some(q) if !q.options.iter().any(|o| &o.id == option) => self.problem(
                    path,
                    format!("context question `{question}` has no option `{option}`"),
                ),
                Some(_) => {}
            },
            Condition::Band { scale, band } => match idx.scale(scale) {
                None => self.problem(path, format!("unknown scale `{scale}`")),
                Some(s) if !s.bands.iter().any(|b| &b.id == band) => {
                    self.problem(path, format!("scale `{scale}` has no band `{band}`"))
                }
                Some(_) => {}
            },
            Condition::ScaleAtLeast { scale, value } => {
                if idx.scale(scale).is_none() {
                    self.problem(path, format!("unknown scale `{scale}`"));
                }
                if !value.is_finite() {
                    self.problem(path, "the threshold must be a finite number");
                }
            }
            Condition::ItemAtLeast { item, .. } => {
                if idx.item(item).is_none() {
                    self.problem(path, format!("unknown item `{item}`"));
                }
            }
            Condition::SumAtLeast { items, .. } => {
                if items.is_empty() {
                    self.problem(path, "name at least one item");
                }
                for (j, item) in items.iter().enumerate() {
                    if idx.item(item).is_none() {
                        self.problem(
                            format!("{path}.items[{j}]"),
                            format!("unknown item `{item}`"),
                        );
                    }
                }
            }
            Condition::Prototype { prototype } => {
                if idx.prototype(prototype).is_none() {
                    self.problem(path, format!("unknown prototype `{prototype}`"));
                }
            }
            Condition::Any(conditions) | Condition::All(conditions) => {
                let kind = if matches!(condition, Condition::Any(_)) {
                    "any"
                } else {
                    "all"
                };
                if conditions.is_empty() {
                    self.problem(path, format!("`{kind}` needs at least one condition"));
                }
                for (j, c) in conditions.iter().enumerate() {
                    self.condition(&format!("{path}.{kind}[{j}]"), c);
                }
            }
            Condition::Not(inner) => self.condition(&format!("{path}.not"), inner),
        }
    }

    pub(super) fn contact_refs(&mut self, path: &str, contacts: &[String]) {
        for (j, id) in contacts.iter().enumerate() {
            if self.index.contact(id).is_none() {
                self.problem(format!("{path}[{j}]"), format!("unknown contact `{id}`"));
            }
        }
    }

    pub(super) fn rules(&mut self) {
        let ins = self.instrument;
        self.unique_ids("advice", ins.advice.iter().map(|r| r.id.as_str()));
        self.unique_ids("safety", ins.safety.iter().map(|r| r.id.as_str()));
        for (i, rule) in ins.advice.iter().enumerate() {
            self.condition(&format!("advice[{i}].when"), &rule.when);
            self.contact_refs(&format!("advice[{i}].contacts"), &rule.contacts);
        }
        for (i, rule) in ins.safety.iter().enumerate() {
            self.condition(&format!("safety[{i}].when"), &rule.when);
            if rule.contacts.is_empty() {
                self.problem(
                    format!("safety[{i}].contacts"),
                    "a safety signal must name at least one contact point",
                );
            }
            self.contact_refs(&format!("safety[{i}].contacts"), &rule.contacts);
            if let Some(question) = &rule.show_at_question {
                if self.index.item(question).is_none()
                    && self.index.context_question(question).is_none()
                {
                    self.problem(
                        format!("safety[{i}].show_at_question"),
                        format!("unknown question `{question}`"),
                    );
                }
            }
        }
    }

    pub(super) fn contacts(&mut self) {
        let ins = self.instrument;
        self.unique_ids("contacts", ins.contacts.iter().map(|c| c.id.as_str()));
        for (i, contact) in ins.contacts.iter().enumerate() {
            if let Some(url) = &contact.url {
                if !url.starts_with("https://") {
                    self.problem(
                        format!("contacts[{i}].url"),
                        "a web address must start with `https://`",
                    );
                }
            }
            if let Some(phone) = &contact.phone {
                if phone.is_empty()
                    || !phone
                        .chars()
                        .all(|c| c.is_ascii_digit() || " -+()".contains(c))
                {
                    self.problem(
                        format!("contacts[{i}].phone"),
                        format!("`{phone}` is not a phone number (digits, spaces, - + ( ) only)"),
                    );
                }
            }
            if contact.phone.is_none() && contact.url.is_none() {
                self.problem(
                    format!("contacts[{i}]"),
                    "a contact point needs a phone number or a web address",
                );
            }
        }
    }
}
