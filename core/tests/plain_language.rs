//! Plain-language rules (Dutch at level B1, English just as plain) for every
//! Dutch and English text of the default instrument
//! (`instruments/naastenmeter-v1.json`) and for the web app's own words
//! (`web/src/i18n/nl.rs`, `en.rs` and the formal Dutch `nl_formal.rs`, read
//! as source text: the web crate is not a dependency of the core), formal
//! Dutch (`nl-formal`) checked as a language of its own:
//!
//! - no sentence over 20 words, and at most 5% of the sentences (of three
//!   words or more) over 15 words, per language and per source;
//! - jargon only with a plain explanation in the same text: a sentence of
//!   that text names the word and explains it ("X is een …", "X: …",
//!   "… (X)", "… heet X", "X means …");
//! - options, not orders: no "vraag het deze week";
//! - prototype names in the relatives' own words, without "mantelzorger";
//! - the app's own words, shown to everyone, presume no living together.
//!
//! A failure names the text's path.

use naastenmeter_core::text::Text;
use naastenmeter_core::{load_instrument, Instrument, Questionnaire};

const JSON: &str = include_str!("../../instruments/naastenmeter-v1.json");
/// The web app's string tables, one file per language, with that language
/// and the fewest strings the file has (the formal table holds only the
/// texts that differ).
const APP_TABLES: [(&str, &str, &str, usize); 3] = [
    (
        "web/src/i18n/nl.rs",
        include_str!("../../web/src/i18n/nl.rs"),
        "nl",
        150,
    ),
    (
        "web/src/i18n/en.rs",
        include_str!("../../web/src/i18n/en.rs"),
        "en",
        150,
    ),
    (
        "web/src/i18n/nl_formal.rs",
        include_str!("../../web/src/i18n/nl_formal.rs"),
        "nl-formal",
        50,
    ),
];

/// The languages checked; formal Dutch falls back to `nl` where a text has
/// no formal variant, as the app shows it.
const LANGUAGES: [&str; 3] = ["nl", "en", "nl-formal"];

const MAX_WORDS: usize = 20;
const LONG_WORDS: usize = 15;
const MAX_LONG_SHARE: f64 = 0.05;

/// Jargon, matched case-insensitively as a part of a word.
const JARGON: [&str; 30] = [
    "regie",
    "psycho-educatie",
    "psycho-education",
    "psycho-educatief",
    "lotgenoten",
    "zelfregiecentr",
    "self-help centre",
    "herstelacademie",
    "craft",
    "respijtzorg",
    "respite care",
    "mantelzorgsteunpunt",
    "carers' support point",
    "levend verlies",
    "living loss",
    "signaleringsplan",
    "crisiskaart",
    "familievertrouwenspersoon",
    "family confidential adviser",
    "familie-ervaringsdeskundige",
    "family peer worker",
    "kopp/kov",
    "wvggz",
    "poh-ggz",
    "bewindvoerder",
    "territorium",
    "'terrein'",
    "triade",
    "contra-indicatie",
    "ambulant",
];

/// What marks a sentence as explaining a word it names.
const EXPLAINS: [&str; 14] = [
    " is een ",
    " is iemand ",
    " betekent",
    " heet ",
    " noemen ",
    ":",
    "(",
    " is a ",
    " is an ",
    " is someone",
    " means",
    " called ",
    " call this",
    " is: ",
];

/// Orders where an option belongs.
const ORDERS: [&str; 7] = [
    "vraag het deze week",
    "stuur vandaag",
    "and ask this week",
    "send a message today",
    "maak een afspraak met je huisarts",
    "maak een afspraak met uw huisarts",
    "make an appointment with your gp",
];

/// One unit of text shown together (an advice rule's title, text and
/// "learn more" are read as one), in one language.
struct Unit {
    path: String,
    lang: &'static str,
    parts: Vec<String>,
}

fn instrument() -> Questionnaire {
    load_instrument(JSON.as_bytes())
        .unwrap_or_else(|e| panic!("the default instrument does not load: {e}"))
}

fn units_of(path: String, texts: &[&Text]) -> Vec<Unit> {
    LANGUAGES
        .into_iter()
        .map(|lang| Unit {
            path: path.clone(),
            lang,
            parts: texts
                .iter()
                .map(|t| {
                    t.get(lang)
                        .or_else(|| lang.strip_suffix("-formal").and_then(|base| t.get(base)))
                        .unwrap_or_else(|| panic!("{path} has no {lang} text"))
                        .to_string()
                })
                .collect(),
        })
        .collect()
}

/// Every text of the instrument, grouped as shown.
fn instrument_units(ins: &Instrument) -> Vec<Unit> {
    let mut u = Vec::new();
    u.extend(units_of("title".into(), &[&ins.title]));
    u.extend(units_of("description".into(), &[&ins.description]));
    for rs in &ins.response_scales {
        for o in &rs.options {
            u.extend(units_of(
                format!("response_scales[{}].options[{}].label", rs.id, o.value),
                &[&o.label],
            ));
        }
    }
    for i in &ins.items {
        u.extend(units_of(format!("items[{}].text", i.id), &[&i.text]));
    }
    for q in &ins.context_questions {
        u.extend(units_of(
            format!("context_questions[{}].text", q.id),
            &[&q.text],
        ));
        for o in &q.options {
            u.extend(units_of(
                format!("context_questions[{}].options[{}].label", q.id, o.id),
                &[&o.label],
            ));
        }
    }
    for s in &ins.sections {
        u.extend(units_of(format!("sections[{}].title", s.id), &[&s.title]));
        if let Some(intro) = &s.intro {
            u.extend(units_of(format!("sections[{}].intro", s.id), &[intro]));
        }
    }
    for s in &ins.scales {
        u.extend(units_of(format!("scales[{}].label", s.id), &[&s.label]));
        u.extend(units_of(
            format!("scales[{}].description", s.id),
            &[&s.description],
        ));
        for b in &s.bands {
            u.extend(units_of(
                format!("scales[{}].bands[{}]", s.id, b.id),
                &[&b.label, &b.text],
            ));
        }
    }
    for p in &ins.prototypes {
        u.extend(units_of(format!("prototypes[{}].name", p.id), &[&p.name]));
        u.extend(units_of(
            format!("prototypes[{}].description", p.id),
            &[&p.description],
        ));
        u.extend(units_of(
            format!("prototypes[{}].feelings", p.id),
            &[&p.feelings],
        ));
        for (i, t) in p.what_may_help.iter().enumerate() {
            u.extend(units_of(
                format!("prototypes[{}].what_may_help[{i}]", p.id),
                &[t],
            ));
        }
        if let Some(t) = &p.description_when_urgent {
            u.extend(units_of(
                format!("prototypes[{}].description_when_urgent", p.id),
                &[t],
            ));
        }
    }
    u.extend(units_of("model.about".into(), &[&ins.model.about]));
    for s in &ins.model.strength {
        u.extend(units_of(
            format!("model.strength[{}].label", s.id),
            &[&s.label],
        ));
    }
    for a in &ins.advice {
        let mut texts = vec![&a.title, &a.text];
        if let Some(t) = &a.learn_more {
            texts.push(t);
        }
        u.extend(units_of(format!("advice[{}]", a.id), &texts));
    }
    for s in &ins.safety {
        u.extend(units_of(
            format!("safety[{}]", s.id),
            &[&s.title, &s.message],
        ));
    }
    for c in &ins.contacts {
        u.extend(units_of(
            format!("contacts[{}]", c.id),
            &[&c.name, &c.description],
        ));
    }
    u
}

/// Reads a Rust string literal starting just after its opening quote;
/// returns the text and the rest after the closing quote. A backslash at
/// the end of a line continues the string on the next one, as in Rust.
fn literal(s: &str) -> (String, &str) {
    let mut out = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, &s[i + 1..]),
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, '\n')) => {
                    while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                        chars.next();
                    }
                }
                Some((_, other)) => out.push(other),
                None => break,
            },
            _ => out.push(c),
        }
    }
    panic!("web/src/i18n: unterminated string literal");
}

/// The line number (from 1) of a position in the source.
fn line_of(source: &str, position: usize) -> usize {
    source[..position].matches('\n').count() + 1
}

/// The app's own words: every string literal of each language's table
/// file (its fixed texts, and the texts of its functions, also over several
/// lines), with each `{placeholder}` read as a number. Comments are
/// skipped. A unit is named by its file, line and, when the line starts
/// with one, the table field.
fn app_units() -> Vec<Unit> {
    let mut units = Vec::new();
    for (file, source, lang, fewest) in APP_TABLES {
        let mut count = 0;
        let mut rest = source;
        while let Some(quote) = rest.find('"') {
            if let Some(comment) = rest.find("//").filter(|&c| c < quote) {
                rest = rest[comment..].split_once('\n').map_or("", |(_, r)| r);
                continue;
            }
            let at = source.len() - rest.len() + quote;
            let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
            let field = source[line_start..at]
                .trim_start()
                .split_once(':')
                .map(|(key, _)| key)
                .filter(|key| key.chars().all(|c| c.is_alphanumeric() || c == '_'))
                .map(|key| format!(" {key}"))
                .unwrap_or_default();
            let (text, after) = literal(&rest[quote + 1..]);
            let mut plain = String::new();
            let mut in_placeholder = false;
            for c in text.chars() {
                match c {
                    '{' => {
                        in_placeholder = true;
                        plain.push('7');
                    }
                    '}' => in_placeholder = false,
                    _ if in_placeholder => {}
                    _ => plain.push(c),
                }
            }
            units.push(Unit {
                path: format!("{file}:{}{field}", line_of(source, at)),
                lang,
                parts: vec![plain],
            });
            count += 1;
            rest = after;
        }
        assert!(count >= fewest, "{file}: only {count} strings read");
    }
    units
}

/// Splits a text into sentences: a sentence ends at `.`, `!` or `?` followed
/// (after closing quotes or brackets) by white space or the end, or at a
/// line break.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        current.push(c);
        if c == '\n' {
            out.push(std::mem::take(&mut current));
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '\'' | '"' | '’' | ')') {
                current.push(chars[j]);
                j += 1;
            }
            if j >= chars.len() || chars[j].is_whitespace() {
                out.push(std::mem::take(&mut current));
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out.push(current);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn words(sentence: &str) -> usize {
    sentence
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Checks a set of units; returns every problem found.
fn check(source: &str, units: &[Unit]) -> Vec<String> {
    let mut problems = Vec::new();
    // Each language the units have (every source has `nl` and `en`).
    for lang in LANGUAGES
        .into_iter()
        .filter(|l| units.iter().any(|u| u.lang == *l))
    {
        let mut counted = 0usize;
        let mut long = Vec::new();
        for unit in units.iter().filter(|u| u.lang == lang) {
            for part in &unit.parts {
                for s in sentences(part) {
                    let n = words(&s);
                    if n > MAX_WORDS {
                        problems.push(format!(
                            "{} ({lang}): {n} words, over {MAX_WORDS}: {s}",
                            unit.path
                        ));
                    }
                    if n >= 3 {
                        counted += 1;
                    }
                    if n > LONG_WORDS {
                        long.push(format!("{} ({n}): {s}", unit.path));
                    }
                }
            }
        }
        assert!(
            counted >= 20,
            "{source} ({lang}): only {counted} sentences read"
        );
        let share = long.len() as f64 / counted as f64;
        if share > MAX_LONG_SHARE {
            problems.push(format!(
                "{source} ({lang}): {} of {counted} sentences ({:.1}%) are over {LONG_WORDS} words, more than {:.0}%:\n    {}",
                long.len(),
                share * 100.0,
                MAX_LONG_SHARE * 100.0,
                long.join("\n    ")
            ));
        }
    }
    for unit in units {
        let all: Vec<String> = unit.parts.iter().flat_map(|p| sentences(p)).collect();
        let lower_all = unit.parts.join(" ").to_lowercase();
        for term in JARGON {
            if !lower_all.contains(term) {
                continue;
            }
            let explained = all.iter().any(|s| {
                let l = format!(" {} ", s.to_lowercase());
                l.contains(term) && EXPLAINS.iter().any(|m| l.contains(m))
            });
            if !explained {
                problems.push(format!(
                    "{} ({}): '{term}' without a plain explanation in the same text",
                    unit.path, unit.lang
                ));
            }
        }
        for order in ORDERS {
            if lower_all.contains(order) {
                problems.push(format!(
                    "{} ({}): an order, '{order}'; offer an option instead",
                    unit.path, unit.lang
                ));
            }
        }
    }
    problems
}

fn report(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} plain-language problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn the_instrument_is_plain_language() {
    let ins = instrument();
    report(check(
        "instruments/naastenmeter-v1.json",
        &instrument_units(&ins),
    ));
}

#[test]
fn the_apps_own_words_are_plain_language() {
    let units = app_units();
    let mut problems = check("web/src/i18n", &units);
    // Shown to everyone, so they must not presume living together.
    for unit in &units {
        let lower = unit.parts.join(" ").to_lowercase();
        for word in ["samenleven", "samenwo", "living together", "live together"] {
            if lower.contains(word) {
                problems.push(format!(
                    "{} ({}): '{word}' presumes living together",
                    unit.path, unit.lang
                ));
            }
        }
    }
    report(problems);
}

#[test]
fn prototype_names_are_the_relatives_own_words() {
    let ins = instrument();
    for p in &ins.prototypes {
        for lang in ["nl", "en"] {
            let name = p.name.get(lang).unwrap().to_lowercase();
            for word in ["mantelzorger", "carer", "medemens", "fellow human"] {
                assert!(
                    !name.contains(word),
                    "prototypes[{}].name ({lang}): '{word}' in {name}",
                    p.id
                );
            }
        }
    }
}

/// The checks themselves: a long sentence, an unexplained word and an
/// order are caught, and an explained word passes.
#[test]
fn the_checks_catch_what_they_should() {
    let unit = |text: &str| Unit {
        path: "test".into(),
        lang: "nl",
        parts: vec![text.to_string()],
    };
    let mut units: Vec<Unit> = (0..30).map(|_| unit("Dit is een korte zin.")).collect();
    units.push(unit("Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig eenentwintig."));
    units.push(unit("Vraag naar CRAFT bij de verslavingszorg."));
    units.push(unit("CRAFT is een training voor naasten. Vraag ernaar."));
    units.push(unit("Kies een taak en vraag het deze week."));
    let en: Vec<Unit> = (0..30)
        .map(|_| Unit {
            path: "test".into(),
            lang: "en",
            parts: vec!["A short sentence here.".into()],
        })
        .collect();
    units.extend(en);
    let problems = check("test", &units);
    assert!(
        problems.iter().any(|p| p.contains("21 words")),
        "{problems:?}"
    );
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.contains("'craft' without"))
            .count(),
        1,
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("an order")),
        "{problems:?}"
    );
    assert_eq!(
        sentences("Zeg: 'Ik zie dat je boos bent.' Wacht dan.").len(),
        2
    );
    assert_eq!(words("Bel 0800-2000 – gratis."), 3);
    assert_eq!(
        literal("Een zin. \\\n        Nog een.\" rest").0,
        "Een zin. Nog een."
    );
    // The app's texts with values are read, also over several lines, and
    // its comments are not.
    let app = app_units();
    assert!(app.iter().any(|u| u.parts[0] == "Pagina 7 van 7"));
    assert!(app
        .iter()
        .any(|u| u.parts[0].contains("Daarvoor zijn genoeg antwoorden nodig op 7.")));
    assert!(!app.iter().any(|u| u.parts[0] == "je"));
}
