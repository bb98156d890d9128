//! The `paper` command: the questionnaire as a static, printable HTML page
//! with empty boxes to tick, for relatives who prefer paper.
//!
//! The page is made from the instrument at build time (web/build.sh writes
//! `questionnaire-nl.html` and `questionnaire-en.html` beside the app), so
//! paper and app always ask the same questions. It holds no script and no
//! inline style, so it works under the site's strict Content-Security-Policy;
//! its look (A4 print and screen) comes from a linked stylesheet,
//! `web/static/paper.css`. Nothing on paper is scored: the page says so, and
//! it puts the help contacts first and beside the safety questions, because
//! on paper no safety message can appear by itself.

use std::fmt::Write as _;

use clap::Args;
use naastenmeter_core::instrument::{ChoiceKind, Contact};
use naastenmeter_core::text::pick;
use naastenmeter_core::Questionnaire;

use crate::commands::{language, load, load_default};
use crate::failure::Failure;

/// Arguments of `naastenmeter paper`.
#[derive(Debug, Args)]
#[command(args_override_self = true)]
pub struct PaperArgs {
    /// The instrument file (default: the built-in default questionnaire)
    #[arg(long, value_name = "instrument.json")]
    instrument: Option<String>,
    /// Language of the texts (one of the instrument's; default its first)
    #[arg(long, value_name = "nl|en")]
    language: Option<String>,
    /// The stylesheet the page links to, relative to the page
    #[arg(long, value_name = "file.css", default_value = "paper.css")]
    stylesheet: String,
}

/// `naastenmeter paper [--instrument <file>] [--language nl|en]`: prints the page.
pub fn run(args: &PaperArgs) -> Result<(), Failure> {
    let instrument = match &args.instrument {
        Some(path) => load(path)?,
        None => load_default()?,
    };
    let language = language(args.language.as_deref(), &instrument)?;
    print!("{}", page(&instrument, &language, &args.stylesheet));
    Ok(())
}

/// The page's own words (the questions come from the instrument).
struct Words {
    subtitle: &'static str,
    description: &'static str,
    how_heading: &'static str,
    how: [&'static str; 3],
    not_scored: &'static str,
    help_now_heading: &'static str,
    help_now: &'static str,
    at_question: &'static str,
    pick_one: &'static str,
    pick_more: &'static str,
    contacts_heading: &'static str,
    contacts_intro: &'static str,
    phone: &'static str,
    website: &'static str,
    made_from: &'static str,
}

const NL: Words = Words {
    subtitle: "Vragenlijst om op papier in te vullen",
    description: "De vragenlijst van Naastenmeter om te printen en met de hand in te vullen.",
    how_heading: "Zo vul je de lijst in",
    how: [
        "Zet bij elke vraag een kruisje in het vakje dat het best past.",
        "Staat er 'Je mag meer antwoorden kiezen'? Zet dan een kruisje bij elk antwoord dat past.",
        "Je mag elke vraag overslaan. Er zijn geen goede of foute antwoorden.",
    ],
    not_scored: "Let op: de papieren lijst wordt niet vanzelf uitgerekend. Je krijgt dus geen uitslag. Wil je wel een uitslag? Vul de vragen dan in op de website. Je kunt de ingevulde lijst ook meenemen naar een gesprek met je huisarts of een hulpverlener. Gooi de lijst daarna weg als je niet wilt dat iemand anders hem leest.",
    help_now_heading: "Hulp nodig, nu meteen?",
    help_now: "Wacht niet tot je klaar bent met de lijst.",
    at_question: "Raakt deze vraag je? Je hoeft niet te wachten. Hier kun je terecht:",
    pick_one: "Kies één antwoord.",
    pick_more: "Je mag meer antwoorden kiezen.",
    contacts_heading: "Hier kun je terecht",
    contacts_intro: "Steun en hulp voor jou als naaste.",
    phone: "Telefoon",
    website: "Website",
    made_from: "Gemaakt uit",
};

const EN: Words = Words {
    subtitle: "Questionnaire to fill in on paper",
    description: "The Naastenmeter questionnaire to print and fill in by hand.",
    how_heading: "How to fill in this form",
    how: [
        "For each question, put a cross in the box that fits best.",
        "Does it say 'You can choose more than one answer'? Then put a cross by every answer that fits.",
        "You can skip any question. There are no right or wrong answers.",
    ],
    not_scored: "Please note: the paper form is not scored automatically. So you get no result. Would you like a result? Then answer the questions on the website. You can also take the filled-in form to a talk with your GP or a care professional. Throw the form away afterwards if you do not want anyone else to read it.",
    help_now_heading: "Need help right now?",
    help_now: "Do not wait until you have finished the form.",
    at_question: "Does this question touch you? You do not have to wait. You can go here:",
    pick_one: "Choose one answer.",
    pick_more: "You can choose more than one answer.",
    contacts_heading: "Where you can go",
    contacts_intro: "Support and help for you as a relative.",
    phone: "Phone",
    website: "Website",
    made_from: "Made from",
};

fn words(language: &str) -> &'static Words {
    if language == "nl" {
        &NL
    } else {
        &EN
    }
}

/// Text safe to put in HTML content and in quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A phone number as a `tel:` address: digits and a leading `+` only.
fn tel(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

/// A contact's way to reach it in one line: phone and website, as links
/// on screen and as readable text on paper. Only https addresses become
/// links (validation already refuses others; this keeps the page safe even
/// for an instrument that was not validated).
fn reach(contact: &Contact, w: &Words) -> String {
    let mut parts = Vec::new();
    if let Some(phone) = &contact.phone {
        parts.push(format!(
            "{}: <a href=\"tel:{}\">{}</a>",
            w.phone,
            escape(&tel(phone)),
            escape(phone)
        ));
    }
    if let Some(url) = &contact.url {
        let shown = url.trim_start_matches("https://").trim_end_matches('/');
        if url.starts_with("https://") {
            parts.push(format!(
                "{}: <a href=\"{}\">{}</a>",
                w.website,
                escape(url),
                escape(shown)
            ));
        } else {
            parts.push(format!("{}: {}", w.website, escape(shown)));
        }
    }
    parts.join(" · ")
}

/// The contacts for someone who needs help now: those the instrument always
/// shows and those of its urgent safety rules, in the instrument's order.
fn urgent_contacts(instrument: &Questionnaire) -> Vec<&Contact> {
    use naastenmeter_core::instrument::SignalLevel;
    instrument
        .contacts
        .iter()
        .filter(|c| {
            c.always_shown
                || instrument
                    .safety
                    .iter()
                    .any(|r| r.level == SignalLevel::Urgent && r.contacts.contains(&c.id))
        })
        .collect()
}

/// The contacts of the safety rules that the app shows at question `id`.
fn contacts_at<'a>(instrument: &'a Questionnaire, id: &str) -> Vec<&'a Contact> {
    instrument
        .contacts
        .iter()
        .filter(|c| {
            instrument
                .safety
                .iter()
                .any(|r| r.show_at_question.as_deref() == Some(id) && r.contacts.contains(&c.id))
        })
        .collect()
}

/// A list of contacts by name and how to reach them.
fn short_contacts(out: &mut String, contacts: &[&Contact], language: &str, w: &Words) {
    out.push_str("<ul class=\"reach\">\n");
    for contact in contacts {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> {}</li>",
            escape(pick(&contact.name, language)),
            reach(contact, w)
        );
    }
    out.push_str("</ul>\n");
}

/// One question (the list numbers it): its text, a hint for a multiple choice, and an
/// empty box before every answer.
fn question(out: &mut String, text: &str, options: &[&str], multiple: bool, w: &Words) {
    let long = options.len() > 5 || options.iter().any(|o| o.chars().count() > 32);
    let _ = writeln!(
        out,
        "<li class=\"question\">\n<p class=\"text\">{}</p>",
        escape(text)
    );
    let hint = if multiple { w.pick_more } else { w.pick_one };
    let _ = writeln!(out, "<p class=\"hint\">{hint}</p>");
    let _ = writeln!(
        out,
        "<ul class=\"{}\">",
        if long { "options stacked" } else { "options" }
    );
    let box_class = if multiple { "box square" } else { "box" };
    for option in options {
        let _ = writeln!(
            out,
            "<li><span class=\"{box_class}\" aria-hidden=\"true\"></span>{}</li>",
            escape(option)
        );
    }
    out.push_str("</ul>\n");
}

/// The whole page in `language`, linking the stylesheet `stylesheet`.
pub fn page(instrument: &Questionnaire, language: &str, stylesheet: &str) -> String {
    let w = words(language);
    let title = pick(&instrument.title, language);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<!-- The {title} questionnaire on paper; made by `naastenmeter paper` from the instrument {id} {version}. -->\n\
         <html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <title>{title} – {subtitle}</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n\
         <link rel=\"stylesheet\" href=\"{css}\">\n</head>\n<body>\n<main>\n",
        title = escape(title),
        id = escape(&instrument.id),
        version = escape(&instrument.version),
        lang = escape(language),
        description = escape(w.description),
        subtitle = escape(w.subtitle),
        css = escape(stylesheet),
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n</header>",
        escape(title),
        escape(w.subtitle)
    );
    let intro = pick(&instrument.description, language);
    if !intro.is_empty() {
        let _ = writeln!(out, "<p class=\"intro\">{}</p>", escape(intro));
    }
    let _ = writeln!(
        out,
        "<section class=\"how\" aria-labelledby=\"how\">\n<h2 id=\"how\">{}</h2>\n<ul>",
        escape(w.how_heading)
    );
    for line in w.how {
        let _ = writeln!(out, "<li>{}</li>", escape(line));
    }
    let _ = writeln!(
        out,
        "</ul>\n<p class=\"not-scored\">{}</p>\n</section>",
        escape(w.not_scored)
    );

    let urgent = urgent_contacts(instrument);
    if !urgent.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"help-now\" aria-labelledby=\"help-now\">\n<h2 id=\"help-now\">{}</h2>\n<p>{}</p>",
            escape(w.help_now_heading),
            escape(w.help_now)
        );
        short_contacts(&mut out, &urgent, language, w);
        out.push_str("</section>\n");
    }

    // Numbered straight through, so a person and a professional can talk
    // about "question 17" with the same paper in front of them.
    let mut number = 0;
    for section in &instrument.sections {
        let _ = writeln!(
            out,
            "<section class=\"part\" aria-labelledby=\"part-{id}\">\n<h2 id=\"part-{id}\">{}</h2>",
            escape(pick(&section.title, language)),
            id = escape(&section.id)
        );
        if let Some(intro) = &section.intro {
            let _ = writeln!(
                out,
                "<p class=\"part-intro\">{}</p>",
                escape(pick(intro, language))
            );
        }
        let _ = writeln!(out, "<ol class=\"questions\" start=\"{}\">", number + 1);
        for id in &section.questions {
            if let Some((item, scale)) = instrument.rated_item(id) {
                number += 1;
                let options: Vec<&str> = scale
                    .options
                    .iter()
                    .map(|o| pick(&o.label, language))
                    .collect();
                question(&mut out, pick(&item.text, language), &options, false, w);
            } else if let Some(q) = instrument.context_question(id) {
                number += 1;
                let options: Vec<&str> =
                    q.options.iter().map(|o| pick(&o.label, language)).collect();
                let multiple = q.choice == ChoiceKind::Multiple;
                question(&mut out, pick(&q.text, language), &options, multiple, w);
            } else {
                continue;
            }
            let at = contacts_at(instrument, id);
            if !at.is_empty() {
                let _ = writeln!(
                    out,
                    "<div class=\"at-question\">\n<p>{}</p>",
                    escape(w.at_question)
                );
                short_contacts(&mut out, &at, language, w);
                out.push_str("</div>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }

    if !instrument.contacts.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"contacts\" aria-labelledby=\"contacts\">\n<h2 id=\"contacts\">{}</h2>\n<p>{}</p>\n<ul>",
            escape(w.contacts_heading),
            escape(w.contacts_intro)
        );
        for contact in &instrument.contacts {
            let _ = writeln!(
                out,
                "<li>\n<h3>{}</h3>\n<p>{}</p>\n<p class=\"reach\">{}</p>\n</li>",
                escape(pick(&contact.name, language)),
                escape(pick(&contact.description, language)),
                reach(contact, w)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    let _ = write!(
        out,
        "</main>\n<footer>\n<p>{} {} {} ({}).</p>\n</footer>\n</body>\n</html>\n",
        escape(w.made_from),
        escape(&instrument.id),
        escape(&instrument.version),
        escape(&instrument.url)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_everything_that_could_open_markup() {
        assert_eq!(
            escape(r#"<a href="x" onclick='y'>&"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
        );
    }
}
