//! The app's own words, one table per language. The questionnaire's texts
//! come from the instrument; these are the buttons, headings, explanations
//! and messages around it. Plain language (B1): short sentences, everyday
//! words.
//!
//! [`Strings`] lists every word the app says; `nl.rs` and `en.rs` each fill
//! it in completely, also the words that take values (as small functions),
//! so a translator works in one file and the compiler points out any word
//! that is missing. Adding a language means adding a variant to [`Lang`],
//! its file, and one arm in each of [`Lang::t`] and [`Lang::code`] (and
//! deciding what the language switch, [`Lang::other`], offers).
//! Formal Dutch ("u", [`Lang::NlFormal`]) is a variant, not a language of
//! its own: `nl_formal.rs` overrides only the Dutch texts that address the
//! relative and takes the rest from `nl.rs`, so a new Dutch text needs a
//! formal line only when it says "je".
//! What is not words stays here: number and date formatting rules shared by
//! the languages, and the choice of which sentence fits.

use naastenmeter_core::conversation::ChangeGoal;
use naastenmeter_core::summary::Weight;
use serde::{Deserialize, Serialize};

mod en;
mod nl;
mod nl_formal;

/// What the prerendered `index.html` says while the app is not running
/// (`src/bin/prerender.rs`, shown by `static/main.js`): apart from
/// [`Strings`], so the wasm, which never shows them, does not carry them.
pub struct PageMessages {
    /// Said when a button of the prerendered welcome page is tapped before
    /// the app has loaded (the tap is carried out once it has).
    pub app_loading: &'static str,
    /// Shown without JavaScript, above the prerendered welcome page, before
    /// the link to the printable questionnaire.
    pub app_needs_javascript: &'static str,
    /// Shown when the app cannot start in this browser (too old, or the
    /// module blocked), before the link to the printable questionnaire.
    pub app_cannot_start: &'static str,
}

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
    /// Dutch with "u" instead of "je", when a partner's configuration asks
    /// for formal address.
    #[serde(rename = "nl-formal")]
    NlFormal,
}

impl Lang {
    /// Every language, so a code can be looked up without a second list.
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::En, Lang::NlFormal];

    /// The app's words in this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Nl => &nl::NL,
            Lang::En => &en::EN,
            Lang::NlFormal => &nl_formal::NL_FORMAL,
        }
    }

    /// The prerendered page's own messages in this language (only the
    /// build's prerender uses them, so they stay out of the wasm).
    pub fn page_messages(self) -> &'static PageMessages {
        match self {
            Lang::Nl => &nl::NL_PAGE,
            Lang::En => &en::EN_PAGE,
            // Formal address is a partner's setting; the prerendered
            // index.html is the app's own site, which never uses it.
            Lang::NlFormal => &nl::NL_PAGE,
        }
    }

    /// The key of this language's texts in the instrument: `nl-formal`
    /// for formal Dutch, whose texts fall back to `nl` where the instrument
    /// has no formal text (`naastenmeter_core::text::pick`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::NlFormal => "nl-formal",
        }
    }

    /// The document's language, for `<html lang>` and `lang` attributes:
    /// formal Dutch is Dutch.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl | Lang::NlFormal => "nl",
            Lang::En => "en",
        }
    }

    /// This language with formal address, where it has one: formal Dutch
    /// for Dutch; English says "you" either way.
    pub fn formal(self) -> Lang {
        match self {
            Lang::Nl => Lang::NlFormal,
            other => other,
        }
    }

    /// The language with this code, if the app speaks it (a partner's
    /// configuration names its language by code).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The other language, offered by the language switch (informal;
    /// a partner who asked for "u" makes it formal, `embed::Partner::speak`).
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl | Lang::NlFormal => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// A probability as a whole percentage, "62%" (the same in both
    /// languages, so it is not in the tables).
    pub fn percent(self, probability: f64) -> String {
        let p = (probability * 100.0).round().clamp(0.0, 100.0) as i32;
        format!("{p}%")
    }

    /// A score with one decimal and this language's decimal separator.
    pub fn number(self, value: f64) -> String {
        format!("{value:.1}").replace('.', self.t().decimal_separator)
    }

    /// The date and, when known, the time of an ISO 8601 stamp: "04-12-2026
    /// om 21:30" or "2026-12-04 at 21:30". The time is shown as written
    /// (the app writes local time).
    pub fn date_time(self, iso: Option<&str>) -> String {
        let date = self.date(iso);
        match iso
            .and_then(|s| s.get(11..16))
            .filter(|t| t.as_bytes().get(2) == Some(&b':'))
        {
            Some(time) => (self.t().date_at_time)(&date, time),
            None => date,
        }
    }

    /// The date of an ISO 8601 stamp as people write it, "04-12-2026" or
    /// "2026-12-04"; a date that is not year-month-day is shown as written.
    pub fn date(self, iso: Option<&str>) -> String {
        let Some(date) = iso.and_then(|s| s.get(..10)) else {
            return String::from(self.t().unknown_date);
        };
        let parts: Vec<&str> = date.split('-').collect();
        match parts.as_slice() {
            [year, month, day] => (self.t().date)(year, month, day),
            _ => String::from(date),
        }
    }

    /// A list of names in a sentence: "a, b en c" / "a, b and c".
    pub fn list(self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{}{}{last}", rest.join(", "), self.t().list_and),
        }
    }

    /// One sentence on the scales that weigh the same ("Weegt nu zwaar:
    /// belasting en eenzaamheid."); `names` already in this language.
    pub fn weight_sentence(self, weight: Weight, names: &[String]) -> String {
        let t = self.t();
        let sentence = match weight {
            Weight::Heavy => t.weighs_heavy,
            Weight::Middle => t.weighs_middle,
            Weight::Light => t.weighs_light,
        };
        sentence(&self.list(names))
    }

    /// The scales with too few answers for a score.
    pub fn no_score_sentence(self, names: &[String]) -> String {
        (self.t().no_score_for)(&self.list(names))
    }
}

/// Every word of the app in one language: fixed texts as `&'static str`,
/// texts that take values as functions that return the finished sentence
/// (word order differs between languages, so the values go inside).
///
/// The fields are grouped by where they appear; each says what it is for,
/// and the Dutch wording is the reference.
pub struct Strings {
    // The language itself.
    /// The language's own name ("Nederlands"), for a list of languages.
    pub own_name: &'static str,
    /// The language switch's label: the other language's own name.
    pub switch_language: &'static str,
    /// Between the last two items of a list ("a, b en c").
    pub list_and: &'static str,
    /// The decimal separator in scores ("3,5" in Dutch).
    pub decimal_separator: &'static str,
    /// A date from its ISO parts (year, month, day): "04-12-2026".
    pub date: fn(&str, &str, &str) -> String,
    /// A written date (from [`Strings::date`]) and a time: "04-12-2026 om 21:30".
    pub date_at_time: fn(&str, &str) -> String,
    /// Shown instead of a date when a result carries none.
    pub unknown_date: &'static str,

    // The top bar, on every page.
    /// The skip link to the main content, for keyboard users.
    pub skip_to_content: &'static str,
    /// The quick-exit button.
    pub quick_exit: &'static str,
    /// What the quick-exit button does (its title and hint).
    pub quick_exit_hint: &'static str,
    /// The link that opens the help panel.
    pub help_link: &'static str,

    // The welcome page.
    /// The welcome page's heading.
    pub welcome_heading: &'static str,
    /// Who the questionnaire is for.
    pub welcome_what: &'static str,
    /// What the relative gets after the questions.
    pub welcome_for_whom: &'static str,
    /// How long it takes, and that questions may be skipped.
    pub welcome_time: &'static str,
    /// That answers stay on the device.
    pub welcome_privacy: &'static str,
    /// How to stop and erase at any moment.
    pub welcome_skip: &'static str,
    /// That the result is not a diagnosis (also on the result page).
    pub not_a_diagnosis: &'static str,
    /// The button that starts the questionnaire.
    pub start: &'static str,
    /// The button that continues answers in progress.
    pub resume: &'static str,
    /// The button that erases answers in progress and starts afresh.
    pub start_over: &'static str,
    /// The link to the professional view.
    pub professional_link: &'static str,
    /// The link to earlier results and comparing.
    pub earlier_link: &'static str,
    /// The link to the printable questionnaire.
    pub paper_link: &'static str,

    // The questions.
    /// "Pagina 3 van 9" (page, pages), above the questions.
    pub page_of: fn(usize, usize) -> String,
    /// "Deel 2 van 7: Wat de zorg van je vraagt" (part, parts, the part's
    /// title), above the page count.
    pub part_of: fn(usize, usize, &str) -> String,
    /// The progress bar's name (kept for assistive technology).
    pub progress_label: &'static str,
    /// The button to the previous page (also back from the result).
    pub back: &'static str,
    /// The button to the next page.
    pub next: &'static str,
    /// The button on the last page that shows the result.
    pub to_result: &'static str,
    /// The option that skips a question.
    pub skipped: &'static str,
    /// The link that removes a question's answer (the name of the small
    /// "×" beside a row of numbers).
    pub clear_answer: &'static str,
    /// Above statements that share their answer options: how to read the
    /// numbers in each row (the options follow, each with its number).
    pub scale_key_intro: &'static str,
    /// The button that stops and erases everything.
    pub stop_and_erase: &'static str,
    /// Beside a signal shown right under the answer that raised it.
    pub signal_at_question: &'static str,

    // The result page: signals and the short summary.
    /// The result page's heading.
    pub result_heading: &'static str,
    /// The heading above the signals.
    pub signals_heading: &'static str,
    /// The level of an urgent signal.
    pub urgent: &'static str,
    /// The level of a signal that needs attention.
    pub attention: &'static str,
    /// The heading of the short summary at the top.
    pub in_short_heading: &'static str,
    /// The heading of the next steps in the short summary.
    pub next_steps_heading: &'static str,
    /// The heading of the table of contents of the folded sections.
    pub toc_heading: &'static str,
    /// "Weegt nu zwaar: {scales}." in the short summary.
    pub weighs_heavy: fn(&str) -> String,
    /// "Weegt soms zwaar: {scales}." in the short summary.
    pub weighs_middle: fn(&str) -> String,
    /// "Weegt nu licht: {scales}." in the short summary.
    pub weighs_light: fn(&str) -> String,
    /// "Te weinig antwoorden voor: {scales}." in the short summary.
    pub no_score_for: fn(&str) -> String,
    /// The named description with its strength in words (name, strength).
    pub best_fit: fn(&str, &str) -> String,
    /// Two descriptions that fit about equally well (first, second).
    pub two_fit: fn(&str, &str) -> String,
    /// Short summary when no description fits: lighter than all.
    pub in_short_lighter: &'static str,
    /// Short summary when no description fits: heavier than all.
    pub in_short_heavier: &'static str,
    /// Short summary when no description fits: partly light, partly heavy.
    pub in_short_mixed: &'static str,
    /// Short summary when too few answers to choose a description.
    pub in_short_too_few: &'static str,

    // The result page: help for the relative first.
    /// The heading of the block shown when the relative is not doing well.
    pub help_first_heading: &'static str,
    /// Why to talk to someone today.
    pub help_first_intro: &'static str,
    /// Why the tips below come second.
    pub help_first_why: &'static str,
    /// Before the contacts of that block.
    pub help_first_with: &'static str,
    /// When the contacts were already shown above.
    pub help_first_above: &'static str,

    // The result page: scores.
    /// The heading of the scores section.
    pub scores_heading: &'static str,
    /// How to read the chart: the bar and the bands under it.
    pub scores_intro: &'static str,
    /// How to read the chart's mark of the named description (only shown
    /// when the core names one).
    pub chart_mark_intro: &'static str,
    /// Before the description a typical score belongs to.
    pub chart_typical: &'static str,
    /// The caption of the scores table.
    pub table_caption: &'static str,
    /// Column: the part (scale).
    pub col_part: &'static str,
    /// Column: the relative's score.
    pub col_score: &'static str,
    /// Column: what the score means (its band).
    pub col_band: &'static str,
    /// Column: how many questions were answered.
    pub col_answered: &'static str,
    /// Column: the lowest and highest score a part can have.
    pub col_range: &'static str,
    /// "1 tot 5" (lowest, highest) in that column.
    pub range: fn(&str, &str) -> String,
    /// In place of a score when too few questions were answered.
    pub no_score: &'static str,
    /// "3 van 6 vragen beantwoord. …" (answered, total) for a part without score.
    pub too_few: fn(usize, usize) -> String,
    /// "7 van de 10" (value, maximum) for a rating.
    pub out_of: fn(i32, i32) -> String,

    // The result page: the descriptions (prototypes).
    /// The heading of the descriptions section.
    pub prototype_heading: &'static str,
    /// Under the one description that fits best.
    pub prototype_fits: &'static str,
    /// When two descriptions fit about equally well.
    pub prototype_uncertain: &'static str,
    /// Before a description's chance of fitting.
    pub fit_chance: &'static str,
    /// "Gebaseerd op 3 van de 4 onderdelen." (used, total).
    pub inputs_used: fn(usize, usize) -> String,
    /// That the model is provisional, under the first description.
    pub provisional_note: &'static str,
    /// A description's feelings heading.
    pub feelings: &'static str,
    /// A description's "what may help" heading.
    pub what_may_help: &'static str,
    /// When no description fits.
    pub none_fits_intro: &'static str,
    /// No description fits: lighter than all of them.
    pub none_fits_lighter: &'static str,
    /// No description fits: heavier than all of them.
    pub none_fits_heavier: &'static str,
    /// No description fits: a mix of lighter and heavier.
    pub none_fits_mixed: &'static str,
    /// That the scores and tips are still useful.
    pub still_use: &'static str,
    /// Why no description is named with too few parts answered
    /// (needed, used, total parts).
    pub too_few_inputs: fn(usize, usize, usize) -> String,
    /// How to get a description after all.
    pub too_few_more: &'static str,

    // The result page: advice, ratings, about.
    /// The heading of the methods section.
    pub methods_heading: &'static str,
    /// The heading of the techniques for named behaviour.
    pub techniques_heading: &'static str,
    /// Why those techniques are shown.
    pub techniques_intro: &'static str,
    /// The heading of the tips.
    pub tips_heading: &'static str,
    /// The heading of the generic support offers.
    pub offers_heading: &'static str,
    /// The heading of the relative's ratings.
    pub ratings_heading: &'static str,
    /// In place of a rating that was not given.
    pub not_answered: &'static str,
    /// Before an advice's link to read more.
    pub learn_more: &'static str,
    /// The heading of the section about the result.
    pub about_heading: &'static str,
    /// How the scores and the model work.
    pub about_method: &'static str,
    /// That the fit is an estimate.
    pub about_uncertainty: &'static str,
    /// That the model is provisional.
    pub about_provisional: &'static str,
    /// Before the date a result was made.
    pub made_on: &'static str,

    // Help contacts.
    /// The heading of the help contacts at the foot of the page.
    pub help_now_heading: &'static str,
    /// Before a contact's phone number.
    pub phone: &'static str,
    /// Before a contact's website.
    pub website: &'static str,
    /// The help panel's introduction.
    pub help_panel_intro: &'static str,
    /// The button that closes the help panel.
    pub help_panel_close: &'static str,

    // Exports and remembering.
    /// The heading of the exports section.
    pub exports_heading: &'static str,
    /// That nothing is saved unless chosen.
    pub exports_intro: &'static str,
    /// Before any download: the file stays in Downloads, also after quick exit.
    pub downloads_stay: &'static str,
    /// Beside quick exit once a file was downloaded in this visit.
    pub quick_exit_downloaded: &'static str,
    /// The print button.
    pub print: &'static str,
    /// What printing contains.
    pub print_contains: &'static str,
    /// The JSON download button.
    pub json: &'static str,
    /// What the JSON file contains.
    pub json_contains: &'static str,
    /// The FHIR download button.
    pub fhir: &'static str,
    /// What the FHIR file contains.
    pub fhir_contains: &'static str,
    /// The CSV download button.
    pub csv: &'static str,
    /// What the CSV file contains.
    pub csv_contains: &'static str,
    /// The button that makes a share code.
    pub share: &'static str,
    /// What a share code contains, and who may see it.
    pub share_contains: &'static str,
    /// The label of the share code.
    pub share_code_label: &'static str,
    /// The button that copies the share code.
    pub copy: &'static str,
    /// The QR code's name for screen readers.
    pub qr_label: &'static str,
    /// Printout: the score column.
    pub print_score: &'static str,
    /// Printout: the band column.
    pub print_band: &'static str,
    /// The conversation card's section heading.
    pub card_heading: &'static str,
    /// What the card is for and where it goes.
    pub card_intro: &'static str,
    /// "What worries you most?"
    pub card_worries: &'static str,
    /// The label of worry line n (1..3).
    pub card_worry_line: fn(usize) -> String,
    /// "What would you like to change?"
    pub card_goals: &'static str,
    /// A PINM sub-goal in plain words.
    pub change_goal: fn(ChangeGoal) -> &'static str,
    /// The own-words line under the sub-goals.
    pub card_own_goal: &'static str,
    /// "What do you want to ask?"
    pub card_questions: &'static str,
    /// Under the QR code: what scanning it does.
    pub qr_explain: &'static str,
    /// Announced and shown after the code was copied.
    pub copied: &'static str,
    /// Shown when copying was refused.
    pub copy_failed: &'static str,
    /// The heading of remembering on this device.
    pub remember_heading: &'static str,
    /// What remembering means, and how to undo it.
    pub remember_explain: &'static str,
    /// The button that remembers the result.
    pub remember_yes: &'static str,
    /// After remembering (also as a notice).
    pub remembered_done: &'static str,
    /// The heading of the choice to use the app without internet.
    pub offline_heading: &'static str,
    /// What that choice stores on the device and the trace it leaves.
    pub offline_explain: &'static str,
    /// The button that switches offline use on.
    pub offline_yes: &'static str,
    /// With offline use on.
    pub offline_on: &'static str,
    /// With offline use on: what is stored, and what others can see.
    pub offline_remove_explain: &'static str,
    /// The button that switches offline use off.
    pub offline_remove: &'static str,
    /// A new version is stored and comes at the next start.
    pub update_waiting: &'static str,

    // Earlier results and comparing.
    /// The heading of the earlier results page.
    pub earlier_heading: &'static str,
    /// What the page offers.
    pub earlier_intro: &'static str,
    /// When there are no earlier results.
    pub earlier_none: &'static str,
    /// "Uitslag van {date}" for a stored result.
    pub result_of: fn(&str) -> String,
    /// "Made with version 1.1.0 of the questionnaire", for a result of an
    /// earlier version.
    pub made_with_version: fn(&str) -> String,
    /// Beside a result remembered on this device.
    pub remembered_label: &'static str,
    /// Beside a result opened from a file or code.
    pub imported_label: &'static str,
    /// The button that compares an earlier result with now.
    pub compare: &'static str,
    /// The heading of the comparison.
    pub compare_heading: &'static str,
    /// Column: the earlier score.
    pub col_earlier: &'static str,
    /// Column: the score now.
    pub col_now: &'static str,
    /// Column: the change.
    pub col_change: &'static str,
    /// A score that went up.
    pub heavier: &'static str,
    /// A score that went down.
    pub lighter: &'static str,
    /// A score that stayed within the scale's margin.
    pub about_the_same: &'static str,
    /// The heading of the descriptions, earlier and now.
    pub description_now: &'static str,
    /// When the description did not change.
    pub description_same: &'static str,
    /// Signals that are new.
    pub signals_new: &'static str,
    /// Signals that went away.
    pub signals_gone: &'static str,
    /// When the signals did not change.
    pub signals_same: &'static str,
    /// In place of a description when none was named.
    pub no_description: &'static str,
    /// When there is no result now to compare with.
    pub compare_needs_now: &'static str,
    /// The button that forgets all remembered results.
    pub forget_all: &'static str,
    /// The button that confirms forgetting.
    pub forget_all_confirm: &'static str,
    /// After forgetting (a notice).
    pub forgotten: &'static str,

    // Opening a result (import) and the professional view.
    /// The heading of the importer.
    pub import_heading: &'static str,
    /// What can be opened, and that nothing is saved.
    pub import_intro: &'static str,
    /// The file chooser's label.
    pub import_file: &'static str,
    /// The share code field's label.
    pub import_code: &'static str,
    /// The button that opens a share code.
    pub import_code_button: &'static str,
    /// After opening (a notice).
    pub imported_done: &'static str,
    /// The link back to the result.
    pub to_result_link: &'static str,
    /// The link to the welcome page.
    pub home: &'static str,
    /// The professional view's heading.
    pub professional_heading: &'static str,
    /// What the professional view does (before a result is open).
    pub professional_intro: &'static str,
    /// The button that closes a result or a notice.
    pub close_result: &'static str,

    // The professional view, once a result is open: it speaks to the
    // professional and about the relative ("de naaste"), never to them.
    /// "Ingevuld op {date}." (the written date and time).
    pub pro_filled_in: fn(&str) -> String,
    /// "Vragenlijst: {title}, versie {version}." (title, version).
    pub pro_version: fn(&str, &str) -> String,
    /// Under the version line when the result is of an earlier version.
    pub pro_earlier_version: &'static str,
    /// That the result is not a diagnosis, for the professional.
    pub pro_not_diagnosis: &'static str,
    /// The heading of the safety signals.
    pub pro_signals_heading: &'static str,
    /// When no safety rule gave a signal.
    pub pro_no_signals: &'static str,
    /// What an urgent signal told the relative.
    pub pro_urgent_means: &'static str,
    /// What a signal that needs attention told the relative.
    pub pro_attention_means: &'static str,
    /// Before the answers that raised a signal.
    pub pro_raised_by: &'static str,
    /// Before the scales whose scores raised a signal.
    pub pro_raised_by_scores: &'static str,
    /// The fold-out with the signal's text as the relative read it.
    pub pro_message_label: &'static str,
    /// That the relative's result leads with help for themself.
    pub pro_help_first: &'static str,
    /// The heading of the scores.
    pub pro_scores_heading: &'static str,
    /// The caption of the scores table.
    pub pro_scores_caption: &'static str,
    /// Column: the mean score, with the scale's range.
    pub pro_col_score: &'static str,
    /// Column: the band in words.
    pub pro_col_band: &'static str,
    /// "12 van 15 vragen beantwoord" (answered, total) under a score, when
    /// not all were answered.
    pub pro_answered: fn(usize, usize) -> String,
    /// In place of a band when too few questions were answered.
    pub pro_too_few: &'static str,
    /// The heading of the description that fits.
    pub pro_fit_heading: &'static str,
    /// The description that fits (name, strength in words, percentage).
    pub pro_fit: fn(&str, &str, &str) -> String,
    /// Before the two descriptions that fit about equally well.
    pub pro_two_fit: &'static str,
    /// No description fits: lighter than all of them.
    pub pro_none_lighter: &'static str,
    /// No description fits: heavier than all of them.
    pub pro_none_heavier: &'static str,
    /// No description fits: partly lighter, partly heavier.
    pub pro_none_mixed: &'static str,
    /// No description for too few answers (needed, used, total parts).
    pub pro_too_few_inputs: fn(usize, usize, usize) -> String,
    /// That the model behind the descriptions is provisional.
    pub pro_provisional: &'static str,
    /// The heading of the relative's conversation card.
    pub pro_card_heading: &'static str,
    /// That the relative wrote the card themself.
    pub pro_card_intro: &'static str,
    /// Above the relative's worries on the card.
    pub pro_card_worries: &'static str,
    /// Above what the relative would like to change.
    pub pro_card_goals: &'static str,
    /// Above the relative's questions.
    pub pro_card_questions: &'static str,
    /// The heading of all answers.
    pub pro_answers_heading: &'static str,
    /// How to read the answers: quotes and the signal mark.
    pub pro_answers_intro: &'static str,
    /// The group of the context questions.
    pub pro_group_context: &'static str,
    /// The group of the items outside the scales.
    pub pro_group_other: &'static str,
    /// Beside an answer that raised a signal, before the signal's title.
    pub pro_raised_mark: &'static str,
    /// The print button.
    pub pro_print: &'static str,
    /// What the printout holds.
    pub pro_print_contains: &'static str,

    // Notices and errors: what went wrong and what to do.
    /// After stopping and erasing (a notice).
    pub erased_notice: &'static str,
    /// Beside the notice, while the erasure can still be undone: for how
    /// many seconds.
    pub undo_erase_hint: fn(u32) -> String,
    /// The button that brings the erased answers back.
    pub undo_erase: &'static str,
    /// The fold-out with the core's technical message (in English).
    pub technical_detail: &'static str,
    /// A file larger than an export can be (size, limit, in kB).
    pub error_too_large: fn(usize, usize) -> String,
    /// A file that is not an export, or is damaged.
    pub error_not_an_export: &'static str,
    /// A result made with another version of the questionnaire (found,
    /// expected version).
    pub error_other_version: fn(&str, &str) -> String,
    /// A result made with a changed questionnaire of the same version.
    pub error_changed_questionnaire: &'static str,
    /// A file changed after it was made.
    pub error_altered: &'static str,
    /// Answers that do not fit the questionnaire.
    pub error_bad_answers: &'static str,
    /// Any other reason a file could not be opened.
    pub error_cannot_open: &'static str,
    /// An empty share code.
    pub code_empty: &'static str,
    /// Text far longer than a share code.
    pub code_too_long: &'static str,
    /// A character that cannot be in a share code (position, character).
    pub code_bad_character: fn(usize, char) -> String,
    /// A share code with a typing error.
    pub code_mistyped: &'static str,
    /// FHIR file refused: No questionnaire named, or not as text.
    pub fhir_no_questionnaire: &'static str,
    /// FHIR file refused: A reference to a questionnaire on a server.
    pub fhir_server_reference: &'static str,
    /// FHIR file refused: Another version of the questionnaire: found, expected.
    pub fhir_other_version: fn(&str, &str) -> String,
    /// FHIR file refused: Another questionnaire.
    pub fhir_other_questionnaire: &'static str,
    /// FHIR file refused: Answers marked as entered in error.
    pub fhir_entered_in_error: &'static str,
    /// FHIR file refused: An answer without its question.
    pub fhir_no_link_id: &'static str,
    /// FHIR file refused: Questions nested under a question.
    pub fhir_nested_items: fn(&str) -> String,
    /// FHIR file refused: A question answered twice.
    pub fhir_answered_twice: fn(&str) -> String,
    /// FHIR file refused: An option chosen twice for a question: question, code.
    pub fhir_chosen_twice: fn(&str, &str) -> String,
    /// FHIR file refused: A question not answered with one of its options.
    pub fhir_not_a_coding: fn(&str) -> String,
    /// FHIR file refused: An answer from another code system.
    pub fhir_other_code_system: fn(&str) -> String,
    /// FHIR file refused: An answer code the question does not have: question, code.
    pub fhir_unknown_code: fn(&str, &str) -> String,
    /// FHIR file refused: Any other reason.
    pub fhir_unreadable: &'static str,
    /// A version 2 code whose check fails: a typing error, or another
    /// questionnaire version (the check cannot tell which).
    pub code_mistyped_or_other: &'static str,
    /// A share code from a newer version of the app.
    pub code_newer_version: &'static str,
    /// A share code from another version of the questionnaire.
    pub code_other_questionnaire: &'static str,
    /// Any other reason a share code could not be read.
    pub code_unreadable: &'static str,
    /// Saved answers that could not be scored.
    pub error_score: &'static str,
    /// Saving, remembering or downloading that the browser refused.
    pub error_storage: &'static str,

    // Embedded in a partner's site.
    /// The heading of the partner's own offers on the result page, when the
    /// partner gave no name.
    pub local_offers_heading: &'static str,
    /// The heading of the partner's own offers, with the partner's name.
    pub local_offers_at: fn(&str) -> String,
    /// One sentence under that heading.
    pub local_offers_intro: &'static str,
    /// Before an offer's contact links (their list's name).
    pub contact: &'static str,
    /// Kind of offer: a peer group.
    pub offer_peer_group: &'static str,
    /// Kind of offer: a listening ear.
    pub offer_listening_ear: &'static str,
    /// Kind of offer: a theme evening.
    pub offer_theme_evening: &'static str,
    /// Kind of offer: one-to-one support.
    pub offer_one_to_one: &'static str,
    /// Kind of offer: a break from caring.
    pub offer_respite: &'static str,
    /// Kind of offer: a course or training.
    pub offer_training: &'static str,
    /// The first line of the configuration notice, for everyone.
    pub config_notice: &'static str,
    /// The fold-out that lists the problems, for the site's web team.
    pub config_details: &'static str,
}

/// A scale label inside a sentence: an ASCII capital at its start in
/// lower case (no Unicode case tables: they would weigh on the first load).
pub fn in_sentence(label: &str) -> String {
    let mut text = String::from(label);
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_found_by_their_code() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn formal_dutch_is_dutch_with_its_own_words_where_they_differ() {
        assert_eq!(Lang::NlFormal.tag(), "nl");
        assert_eq!(Lang::Nl.formal(), Lang::NlFormal);
        assert_eq!(Lang::En.formal(), Lang::En);
        assert_eq!(Lang::NlFormal.other(), Lang::En);
        let (informal, formal) = (Lang::Nl.t(), Lang::NlFormal.t());
        assert_eq!(formal.welcome_heading, "Hoe gaat het met u als naaste?");
        // Words that do not address the relative are the Dutch table's own.
        assert_eq!(formal.start, informal.start);
        assert_eq!(formal.pro_not_diagnosis, informal.pro_not_diagnosis);
        assert_eq!(
            (formal.too_few_inputs)(4, 2, 4),
            "U heeft te weinig vragen beantwoord om u met de beschrijvingen te vergelijken. \
             Daarvoor zijn genoeg antwoorden nodig op alle 4 onderdelen. \
             U heeft nu genoeg antwoorden op 2 van de 4 onderdelen."
        );
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(Lang::Nl.number(3.5), "3,5");
        assert_eq!(Lang::En.number(3.5), "3.5");
        let stamp = Some("2026-12-04T21:30:00+01:00");
        assert_eq!(Lang::Nl.date_time(stamp), "04-12-2026 om 21:30");
        assert_eq!(Lang::En.date_time(stamp), "2026-12-04 at 21:30");
        assert_eq!(Lang::Nl.date(Some("2026-12-04")), "04-12-2026");
        assert_eq!(Lang::Nl.date(None), "onbekende datum");
        assert_eq!(Lang::En.date(Some("20261204xx")), "20261204xx");
    }

    #[test]
    fn lists_and_sentences_are_joined_in_the_language() {
        let names = [String::from("a"), String::from("b"), String::from("c")];
        assert_eq!(Lang::Nl.list(&names), "a, b en c");
        assert_eq!(Lang::En.list(&names[..1]), "a");
        assert_eq!(
            Lang::Nl.weight_sentence(Weight::Heavy, &names[..2]),
            "Weegt nu zwaar: a en b."
        );
        assert_eq!(
            Lang::En.no_score_sentence(&names[..2]),
            "Too few answers for: a and b."
        );
        assert_eq!(
            (Lang::Nl.t().too_few_inputs)(4, 2, 4),
            "Je hebt te weinig vragen beantwoord om je met de beschrijvingen te vergelijken. \
             Daarvoor zijn genoeg antwoorden nodig op alle 4 onderdelen. \
             Je hebt nu genoeg antwoorden op 2 van de 4 onderdelen."
        );
    }
}
