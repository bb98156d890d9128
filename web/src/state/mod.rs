//! The app's state and the one reducer that changes it.
//!
//! Components render an [`AppState`] and send [`Action`]s; every step that
//! needs scoring, exporting or importing calls a pure function of
//! `naastenmeter-core`. Browser I/O stays outside the reducer: the caller
//! reads the clock or the storage and passes the result in an action.

use std::ops::Deref;
use std::rc::Rc;

use naastenmeter_core::conversation::{ChangeGoal, ConversationCard, MAX_WORRIES};
use naastenmeter_core::export::{self, csv, fhir, json, JsonReader};
use naastenmeter_core::{
    score, Answer, Answers, ImportError, Problem, Questionnaire, ScoreError, Scored, Versions,
};
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::i18n::Lang;
use crate::pages::{paginate, QuestionPage};

mod imports;
mod remembered;

/// A shared, read-only value compared by identity, so a context update does
/// not deep-compare the whole instrument.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Which page is on screen. Each page the person goes to is a browser
/// history entry holding only this view (never an answer), so Back and
/// Forward move between pages; quick exit first goes back to the app's first
/// entry and replaces it, so nothing of the app is left behind "back"
/// (`crate::browser`, SECURITY.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// The welcome page.
    Welcome,
    /// A page of questions (index into the pages).
    Questions(usize),
    /// The relative's own result.
    Result,
    /// Earlier results: remembered ones, imported ones, comparing.
    Earlier,
    /// The professional view: open an export, nothing stored.
    Professional,
}

/// An earlier result: remembered on this device, or opened from an export.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    /// The result itself.
    pub outcome: Shared<Scored>,
    /// Whether it is stored on this device (otherwise only in this tab's memory).
    pub remembered: bool,
}

/// Offline use of the site on this device: the app's files kept by a
/// service worker, only after the person chose it (SECURITY.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Offline {
    /// Not offered: not known yet (the first render, also the prerendered
    /// one), or not possible here (the embed, the single file, a browser
    /// without service workers).
    #[default]
    Unavailable,
    /// Possible, and off: nothing of the app is kept on the device.
    Off,
    /// On: the app's files are kept on this device.
    On {
        /// A new version is stored and waits to take over at the next start.
        update_waiting: bool,
    },
}

/// Where an opened export should go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportTarget {
    /// Into the list of earlier results, to compare.
    Earlier,
    /// Into the professional view.
    Professional,
}

/// A short message shown at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The answers were erased.
    Erased,
    /// Every remembered result was forgotten.
    Forgotten,
    /// The current result was remembered.
    Remembered,
    /// An export was opened.
    Imported,
    /// An export could not be opened; why, worded by the view.
    ImportFailed(ImportError),
    /// Storage or a download was refused; the browser's reason.
    StorageFailed(String),
    /// The questionnaire could not be scored; why, worded by the view.
    ScoreFailed(ScoreError),
}

/// The file formats a result can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The Naastenmeter JSON report (answers, result, checksum).
    Json,
    /// A FHIR R4 QuestionnaireResponse.
    Fhir,
    /// A CSV table with one row.
    Csv,
}

/// A file ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// The suggested file name, with the day the result was made.
    pub name: String,
    /// The MIME type.
    pub mime: &'static str,
    /// The file's text.
    pub contents: String,
}

/// Reads JSON text with the app's JSON ([`crate::json`]: the browser's own
/// parser in the browser), for the core's import functions.
pub struct BrowserJson;

impl JsonReader for BrowserJson {
    fn read<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, Problem> {
        crate::json::from_json(text).map_err(|message| Problem {
            path: String::new(),
            message,
        })
    }
}

/// Everything on screen, and everything needed to draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The questionnaire.
    pub instrument: Shared<Questionnaire>,
    /// The questions split into pages.
    pub pages: Shared<Vec<QuestionPage>>,
    /// The language shown.
    pub lang: Lang,
    /// The page on screen.
    pub view: View,
    /// The answers given so far.
    pub answers: Answers,
    /// The furthest question page reached; unanswered questions on earlier
    /// pages are shown as skipped.
    pub furthest: usize,
    /// The result of the answers, once the last page is passed.
    pub outcome: Option<Shared<Scored>>,
    /// The share code of the current result, once asked for.
    pub share_code: Option<String>,
    /// Whether the current result has been remembered on this device.
    pub remembered_current: bool,
    /// The conversation card as the relative is filling it in; kept and
    /// erased with the answers in progress.
    pub card: CardDraft,
    /// Whether a file was downloaded in this visit: it stays in Downloads,
    /// which quick exit cannot erase, so the app says so beside quick exit.
    pub downloaded: bool,
    /// Earlier results, remembered and opened, oldest first.
    pub earlier: Vec<Earlier>,
    /// The earlier result being compared with now.
    pub comparing: Option<Shared<Scored>>,
    /// The export opened in the professional view.
    pub professional: Option<Shared<Scored>>,
    /// A message for the user.
    pub notice: Option<Notice>,
    /// The current questionnaire and the earlier published versions loaded
    /// so far, to open results made with any of them.
    pub versions: Shared<Versions>,
    /// Whether the earlier published versions were loaded (or tried): they
    /// are fetched once, only when something did not open without them.
    pub versions_loaded: bool,
    /// Imports that did not open with the versions at hand, kept until the
    /// earlier versions are loaded and then tried again.
    pub pending: Vec<PendingImport>,
    /// Remembered entries that could not be read (yet): kept as they are and
    /// written back with the list, so a result is never lost because this
    /// app version cannot read it.
    pub unread_remembered: Vec<String>,
    /// Whether the last action was the browser moving through its history
    /// ([`Action::Navigated`]): then the view on screen is already a
    /// history entry, and no new one is added for it.
    pub navigated: bool,
    /// What "stop and erase" took away, kept in this tab's memory only (never
    /// in storage) for [`UNDO_SECONDS`], so a mis-tap can be undone. Every
    /// action but a language switch, the undo itself and an older erasure's
    /// timer drops it; quick exit too.
    pub erased: Option<Erased>,
    /// How many times the answers were erased in this visit: tells the
    /// undo timer of one erasure from that of a later one.
    pub erasures: u32,
    /// Whether the app is kept on this device for use without internet.
    pub offline: Offline,
}

/// How long, in seconds, an erasure can be undone. The component sets the
/// timer; the reducer only keeps or drops what was erased.
pub const UNDO_SECONDS: u32 = 10;

/// The state just before "stop and erase", kept for the undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Erased {
    /// Which erasure this is ([`AppState::erasures`] at the time).
    pub erasure: u32,
    /// The whole state before erasing.
    pub before: Shared<AppState>,
}

/// Where a page of questions is in the questionnaire: its part (a section
/// of the instrument) as well as its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// The part's number, from 1, among the parts that have pages.
    pub number: usize,
    /// How many parts there are.
    pub count: usize,
    /// Index of the part's section in `instrument.sections`.
    pub section: usize,
}

/// An import waiting for the earlier published versions.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingImport {
    /// File contents.
    File(Vec<u8>, ImportTarget),
    /// A share code.
    Code(String, ImportTarget),
}

/// What a saved tab looks like in sessionStorage.
#[derive(Debug, Serialize, Deserialize)]
pub struct Progress {
    /// The language.
    pub lang: Lang,
    /// The page on screen (only welcome, questions or result are saved).
    pub view: View,
    /// The answers.
    pub answers: Answers,
    /// The furthest page reached.
    pub furthest: usize,
    /// When the result was made, if it was.
    #[serde(default)]
    pub created: Option<String>,
    /// The conversation card being filled in.
    #[serde(default)]
    pub card: CardDraft,
}

/// The conversation card as it is being typed: the three worry lines keep
/// their places while some are empty. [`CardDraft::card`] makes the checked
/// card that exports carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDraft {
    /// What worries the relative most, one line each.
    pub worries: [String; MAX_WORRIES],
    /// The PINM sub-goals ticked.
    pub goals: Vec<ChangeGoal>,
    /// What they would like to change, in their own words.
    pub own_goal: String,
    /// What they want to ask.
    pub questions: String,
}

impl CardDraft {
    /// The checked card, or `None` when nothing is filled in. Input fields
    /// hold the card's limits, so a draft always checks; one that did not
    /// (a limit changed) is kept out of exports rather than cut.
    pub fn card(&self) -> Option<ConversationCard> {
        ConversationCard::new(
            self.worries.to_vec(),
            self.goals.clone(),
            self.own_goal.clone(),
            self.questions.clone(),
        )
        .ok()
        .and_then(ConversationCard::filled)
    }
}

/// One change to the conversation card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardEdit {
    /// The worry on line `0..3`.
    Worry(usize, String),
    /// Tick or untick a sub-goal.
    ToggleGoal(ChangeGoal),
    /// The own goal.
    OwnGoal(String),
    /// The questions.
    Questions(String),
}

/// Everything that can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch language; answers stay.
    SetLang(Lang),
    /// Go to a page.
    Show(View),
    /// Start (or continue) the questionnaire.
    Start,
    /// Drop the answers and start at the first question.
    StartOver,
    /// Set or clear (`None`) the answer to a question.
    Answer(String, Option<Answer>),
    /// Turn an option of a multiple-choice question on or off.
    ToggleChoice(String, String),
    /// The next page; after the last page, the result (made at `now`).
    Next {
        /// The current time, for the result's stamp.
        now: String,
    },
    /// The previous page.
    Back,
    /// The browser went Back or Forward to an entry of the app holding this
    /// view; `now` stamps the result if it must be made again (an answer
    /// changed since the result was last shown).
    Navigated {
        /// The view the history entry holds.
        view: View,
        /// The current time.
        now: String,
    },
    /// Erase all answers and results in this tab; they stay in memory for
    /// [`UNDO_SECONDS`] for [`Action::UndoErase`].
    Erase,
    /// Bring back what the last erasure took away, while it can be undone.
    UndoErase,
    /// The undo time of erasure number `.0` is over: forget what it kept.
    ForgetErased(u32),
    /// Quick exit: forget every answer and result in memory before leaving.
    /// The page on screen stays (the browser is leaving it), so no history
    /// entry is added on the way out.
    QuickExit,
    /// Make the share code of the current result.
    MakeShareCode,
    /// The list of remembered results was written; it now holds these.
    Remembered(Vec<Shared<Scored>>),
    /// Storage refused; the message.
    StorageFailed(String),
    /// A file was downloaded.
    Downloaded,
    /// The conversation card changed.
    EditCard(CardEdit),
    /// Every remembered result was forgotten.
    Forgotten,
    /// Open an export: file contents.
    ImportFile(Vec<u8>, ImportTarget),
    /// Open an export: a share code.
    ImportCode(String, ImportTarget),
    /// An export was refused before the core saw it (too large to read, or
    /// the browser could not read the file).
    ImportRefused(ImportError),
    /// Compare now with an earlier result, or stop comparing.
    Compare(Option<Shared<Scored>>),
    /// Close the result in the professional view.
    CloseProfessional,
    /// The earlier published versions were fetched, in the order of
    /// [`crate::instrument::PUBLISHED`]: each file's bytes, or why not.
    EarlierVersionsLoaded(Vec<Result<Vec<u8>, String>>),
    /// Dismiss the notice.
    DismissNotice,
    /// Where offline use stands now (the browser said so, or the person
    /// switched it on or off).
    Offline(Offline),
}

impl AppState {
    /// A fresh state for `instrument`, continuing from saved progress and
    /// remembered results when given.
    pub fn new(
        instrument: Questionnaire,
        progress: Option<&str>,
        remembered: Option<&str>,
        professional: bool,
    ) -> Self {
        let pages = paginate(&instrument);
        let versions = Versions::new(instrument.clone());
        let mut state = AppState {
            instrument: Shared::new(instrument),
            pages: Shared::new(pages),
            lang: Lang::default(),
            view: View::Welcome,
            answers: Answers::new(),
            furthest: 0,
            outcome: None,
            share_code: None,
            remembered_current: false,
            downloaded: false,
            card: CardDraft::default(),
            earlier: Vec::new(),
            comparing: None,
            professional: None,
            notice: None,
            versions: Shared::new(versions),
            versions_loaded: false,
            pending: Vec::new(),
            unread_remembered: Vec::new(),
            navigated: false,
            erased: None,
            erasures: 0,
            offline: Offline::Unavailable,
        };
        if let Some(saved) = progress.and_then(|p| crate::json::from_json::<Progress>(p).ok()) {
            state.restore(saved);
        }
        if let Some(list) = remembered {
            state.read_remembered(list);
        }
        if professional {
            state.view = View::Professional;
        }
        state
    }

    /// Takes over saved progress, if its answers still fit the instrument.
    fn restore(&mut self, saved: Progress) {
        // Answers saved by another version of the app may no longer score;
        // then the relative starts fresh rather than seeing an error.
        let Ok(scored) = score(&self.instrument, saved.answers.clone()) else {
            return;
        };
        self.lang = saved.lang;
        self.answers = saved.answers;
        self.card = saved.card;
        self.furthest = saved.furthest.min(self.pages.len());
        self.view = match saved.view {
            View::Questions(page) if page < self.pages.len() => View::Questions(page),
            View::Result => {
                self.outcome = Some(Shared::new(scored.made_at(saved.created)));
                View::Result
            }
            _ => View::Welcome,
        };
    }

    /// What to keep in sessionStorage, or `None` when nothing should be
    /// kept (no answers yet).
    pub fn progress_json(&self) -> Option<String> {
        if self.answers.is_empty() {
            return None;
        }
        let view = match self.view {
            View::Questions(page) => View::Questions(page),
            View::Result if self.outcome.is_some() => View::Result,
            _ if self.outcome.is_some() => View::Result,
            View::Welcome | View::Earlier | View::Professional | View::Result => View::Welcome,
        };
        let progress = Progress {
            lang: self.lang,
            view,
            answers: self.answers.clone(),
            furthest: self.furthest,
            created: self
                .outcome
                .as_ref()
                .and_then(|o| o.created().map(String::from)),
            card: self.card.clone(),
        };
        crate::json::to_json(&progress, false).ok()
    }

    /// The page [`Action::Back`] goes to from the view on screen.
    pub fn previous_view(&self) -> View {
        match self.view {
            View::Questions(0) => View::Welcome,
            View::Questions(page) => View::Questions(page - 1),
            View::Result => View::Questions(self.pages.len().saturating_sub(1)),
            other => other,
        }
    }

    /// Whether to say that a new version waits for the next start: only
    /// with offline use on, and only on the welcome page or the result,
    /// never in the middle of the questions.
    pub fn shows_update_notice(&self) -> bool {
        matches!(
            self.offline,
            Offline::On {
                update_waiting: true
            }
        ) && matches!(self.view, View::Welcome | View::Result)
    }

    /// Offline use after erasing (quick exit, "stop and erase", "forget
    /// all"), which removed the app's kept files from the device.
    fn offline_erased(&mut self) {
        if self.offline != Offline::Unavailable {
            self.offline = Offline::Off;
        }
    }

    /// The part of the questionnaire that question page `page` is in.
    pub fn part(&self, page: usize) -> Option<Part> {
        let section = self.pages.get(page)?.section;
        let mut sections: Vec<usize> = self.pages.iter().map(|p| p.section).collect();
        sections.dedup();
        let number = sections.iter().position(|s| *s == section)? + 1;
        Some(Part {
            number,
            count: sections.len(),
            section,
        })
    }

    /// Goes to the view a history entry holds, when it can still be shown:
    /// a page that no longer exists is the welcome, and a result whose
    /// answers changed since is made again (as passing the last page would)
    /// or, when not every page was passed, the furthest page reached.
    fn navigate(&mut self, view: View, now: String) {
        let last = self.pages.len().saturating_sub(1);
        self.view = match view {
            View::Questions(page) if page < self.pages.len() => View::Questions(page),
            View::Questions(_) => View::Welcome,
            View::Result if self.outcome.is_some() => View::Result,
            View::Result if self.furthest >= self.pages.len() && !self.pages.is_empty() => {
                self.view = View::Questions(last);
                self.finish(now);
                self.view
            }
            View::Result => View::Questions(self.furthest.min(last)),
            View::Welcome | View::Earlier | View::Professional => view,
        };
    }

    /// Whether a question on an earlier page was passed without an answer.
    pub fn is_skipped(&self, page: usize, question: &str) -> bool {
        page < self.furthest && self.answers.get(question).is_none()
    }

    /// The export made of a result, as a file to download.
    ///
    /// Built here rather than in the click handler so that every format is
    /// tested natively (`web/tests/exports.rs`).
    pub fn export_file(
        &self,
        outcome: &Scored,
        format: ExportFormat,
    ) -> Result<ExportFile, String> {
        // The current result goes out with the conversation card the
        // relative filled in; an earlier one with the card it was kept with.
        let with_card;
        let outcome = if self
            .outcome
            .as_ref()
            .is_some_and(|o| std::ptr::eq(&**o, outcome))
        {
            with_card = outcome.clone().with_card(self.card.card());
            &with_card
        } else {
            outcome
        };
        let stamp = outcome.created_day().unwrap_or("result");
        let (name, mime, contents) = match format {
            ExportFormat::Json => (
                format!("naastenmeter-{stamp}.json"),
                "application/json",
                crate::json::to_json(&json::report_file(&self.instrument, outcome), true)?,
            ),
            ExportFormat::Fhir => (
                format!("naastenmeter-fhir-{stamp}.json"),
                "application/fhir+json",
                crate::json::to_json(
                    &fhir::questionnaire_response_resource(
                        &self.instrument,
                        outcome,
                        self.lang.code(),
                    ),
                    true,
                )?,
            ),
            ExportFormat::Csv => (
                format!("naastenmeter-{stamp}.csv"),
                "text/csv",
                csv::csv_export(&self.instrument, outcome),
            ),
        };
        Ok(ExportFile {
            name,
            mime,
            contents,
        })
    }

    fn finish(&mut self, now: String) {
        match score(&self.instrument, self.answers.clone()) {
            Ok(scored) => {
                self.outcome = Some(Shared::new(scored.made_at(Some(now))));
                self.share_code = None;
                self.remembered_current = false;
                self.view = View::Result;
            }
            Err(error) => self.notice = Some(Notice::ScoreFailed(error)),
        }
    }

    fn answers_changed(&mut self) {
        // A result belongs to the answers it was made from: once an answer
        // changes, the result is made again when the last page is passed.
        self.outcome = None;
        self.share_code = None;
        self.remembered_current = false;
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.notice = None;
        s.navigated = false;
        // What was erased is kept only until the next thing happens.
        s.erased = None;
        match action {
            Action::SetLang(lang) => {
                s.lang = lang;
                s.notice = self.notice.clone();
                s.erased = self.erased.clone();
            }
            Action::UndoErase => {
                if let Some(erased) = &self.erased {
                    s = (*erased.before).clone();
                    s.erasures = self.erasures;
                    s.notice = None;
                    s.navigated = false;
                    s.erased = None;
                }
            }
            Action::ForgetErased(erasure) => {
                s.notice = self.notice.clone();
                s.erased = self.erased.clone().filter(|e| e.erasure != erasure);
            }
            Action::QuickExit => {
                s.answers = Answers::new();
                s.card = CardDraft::default();
                s.furthest = 0;
                s.answers_changed();
                s.comparing = None;
                s.earlier.clear();
                s.professional = None;
                s.pending.clear();
            }
            Action::Show(view) => s.view = view,
            Action::Start => {
                s.view = View::Questions(s.furthest.min(s.pages.len().saturating_sub(1)));
            }
            Action::StartOver => {
                s.answers = Answers::new();
                s.card = CardDraft::default();
                s.furthest = 0;
                s.answers_changed();
                s.view = View::Questions(0);
            }
            Action::Answer(question, answer) => {
                match answer {
                    Some(answer) => s.answers.set(&question, answer),
                    None => s.answers.clear(&question),
                }
                s.answers_changed();
            }
            Action::ToggleChoice(question, option) => {
                let instrument = s.instrument.clone();
                instrument.toggle_choice(&mut s.answers, &question, &option);
                s.answers_changed();
            }
            Action::Next { now } => {
                if let View::Questions(page) = s.view {
                    s.furthest = s.furthest.max(page + 1);
                    if page + 1 < s.pages.len() {
                        s.view = View::Questions(page + 1);
                    } else {
                        s.finish(now);
                    }
                }
            }
            Action::Back => s.view = s.previous_view(),
            Action::Navigated { view, now } => {
                s.navigated = true;
                s.navigate(view, now);
            }
            Action::Erase => {
                let mut before = (*self).clone();
                before.erased = None;
                before.notice = None;
                s.erasures = self.erasures.wrapping_add(1);
                s.erased = Some(Erased {
                    erasure: s.erasures,
                    before: Shared::new(before),
                });
                s.answers = Answers::new();
                s.card = CardDraft::default();
                s.furthest = 0;
                s.answers_changed();
                s.comparing = None;
                s.earlier.retain(|e| e.remembered);
                s.view = View::Welcome;
                s.offline_erased();
                s.notice = Some(Notice::Erased);
            }
            Action::MakeShareCode => {
                if let Some(o) = &s.outcome {
                    s.share_code = Some(export::encode_share_code(&s.instrument, o));
                }
            }
            Action::Remembered(list) => {
                let opened: Vec<Earlier> = s
                    .earlier
                    .iter()
                    .filter(|e| !e.remembered)
                    .cloned()
                    .collect();
                s.earlier = list
                    .into_iter()
                    .map(|outcome| Earlier {
                        outcome,
                        remembered: true,
                    })
                    .chain(opened)
                    .collect();
                s.remembered_current = true;
                s.notice = Some(Notice::Remembered);
            }
            Action::StorageFailed(message) => s.notice = Some(Notice::StorageFailed(message)),
            Action::Downloaded => s.downloaded = true,
            Action::EditCard(edit) => match edit {
                CardEdit::Worry(line, text) => {
                    if let Some(worry) = s.card.worries.get_mut(line) {
                        *worry = text;
                    }
                }
                CardEdit::ToggleGoal(goal) => {
                    if let Some(at) = s.card.goals.iter().position(|g| *g == goal) {
                        s.card.goals.remove(at);
                    } else {
                        s.card.goals.push(goal);
                        naastenmeter_core::short_sort::sort_short_by(&mut s.card.goals, Ord::cmp);
                    }
                }
                CardEdit::OwnGoal(text) => s.card.own_goal = text,
                CardEdit::Questions(text) => s.card.questions = text,
            },
            Action::Forgotten => {
                s.earlier.retain(|e| !e.remembered);
                s.remembered_current = false;
                s.comparing = None;
                s.offline_erased();
                s.notice = Some(Notice::Forgotten);
            }
            Action::ImportFile(bytes, target) => s.import(PendingImport::File(bytes, target)),
            Action::ImportCode(code, target) => s.import(PendingImport::Code(code, target)),
            Action::EarlierVersionsLoaded(files) => s.earlier_versions_loaded(files),
            Action::ImportRefused(error) => s.notice = Some(Notice::ImportFailed(error)),
            Action::Compare(outcome) => s.comparing = outcome,
            Action::CloseProfessional => s.professional = None,
            Action::DismissNotice => {}
            Action::Offline(offline) => {
                s.offline = offline;
                s.notice = self.notice.clone();
            }
        }
        Rc::new(s)
    }
}

/// The handle components use to read the state and send actions.
pub type AppContext = yew::UseReducerHandle<AppState>;
