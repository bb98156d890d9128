//! No data loss: over random sequences of what a relative does — answer,
//! change or clear an answer, tick choices, go back and forth (with the
//! app's buttons and with the browser's Back and Forward), switch language,
//! reload the tab, finish and open the export again — what the relative last
//! entered is exactly what is scored and exported.
//!
//! The reducer is pure, so this runs natively; "reload" is modelled the way
//! the browser does it: the state is written as the sessionStorage progress
//! and a fresh state is built from it, on the page its history entry holds.
//! The browser's history is modelled as components/app.rs keeps it: a view
//! the person goes to adds an entry (dropping those ahead), and Back and
//! Forward move through the entries with [`Action::Navigated`].

use std::collections::BTreeMap;
use std::rc::Rc;

use naastenmeter_core::export::{json, share};
use naastenmeter_core::instrument::ChoiceKind;
use naastenmeter_core::{score, Answer, Answers};
use naastenmeter_web::i18n::Lang;
use naastenmeter_web::state::{Action, AppState, ImportTarget, View};
use proptest::prelude::*;
use yew::Reducible;

/// One thing a relative does.
#[derive(Debug, Clone)]
enum Step {
    /// Answer question number `question` (wrapped) with option number `option`.
    Answer {
        question: usize,
        option: usize,
    },
    /// Clear (skip) a question.
    Clear {
        question: usize,
    },
    /// Tick or untick option `option` of a multiple-choice question.
    Toggle {
        question: usize,
        option: usize,
    },
    Next,
    Back,
    /// The browser's Back button.
    HistoryBack,
    /// The browser's Forward button.
    HistoryForward,
    /// A language switch.
    SwitchLanguage,
    Reload,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(question, option)| Step::Answer { question, option }),
        1 => any::<usize>().prop_map(|question| Step::Clear { question }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(question, option)| Step::Toggle { question, option }),
        2 => Just(Step::Next),
        1 => Just(Step::Back),
        2 => Just(Step::HistoryBack),
        1 => Just(Step::HistoryForward),
        1 => Just(Step::SwitchLanguage),
        1 => Just(Step::Reload),
    ]
}

fn fresh() -> Rc<AppState> {
    let instrument =
        naastenmeter_web::instrument::load().expect("the compiled-in instrument loads");
    Rc::new(AppState::new(instrument, None, None, false)).reduce(Action::Start)
}

/// What a tab reload does: keep the progress, build the state anew from it,
/// and show the page the current history entry holds, if any.
fn reload(state: &Rc<AppState>, entry: Option<View>) -> Rc<AppState> {
    let progress = state.progress_json();
    let instrument = (*state.instrument.0).clone();
    let fresh = Rc::new(AppState::new(instrument, progress.as_deref(), None, false));
    match entry {
        Some(view) => fresh.reduce(Action::Navigated {
            view,
            now: NOW.into(),
        }),
        None => fresh,
    }
}

const NOW: &str = "2026-11-23T12:00:00Z";

/// The browser's history of the app's pages, as components/app.rs keeps it.
struct History {
    entries: Vec<View>,
    at: usize,
}

impl History {
    fn new(view: View) -> Self {
        History {
            entries: vec![view],
            at: 0,
        }
    }

    /// After an action: a view the person went to is a new entry; one the
    /// history itself led to replaces its entry if the page was shown
    /// otherwise (a result made again, a page that is gone).
    fn follow(&mut self, state: &AppState) {
        if self.entries[self.at] == state.view {
            return;
        }
        if state.navigated {
            self.entries[self.at] = state.view;
        } else {
            self.entries.truncate(self.at + 1);
            self.entries.push(state.view);
            self.at += 1;
        }
    }

    /// Back (-1) or Forward (1), if there is an entry there.
    fn go(&mut self, delta: isize) -> Option<View> {
        let to = self
            .at
            .checked_add_signed(delta)
            .filter(|to| *to < self.entries.len())?;
        self.at = to;
        Some(self.entries[to])
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn what_was_last_entered_is_what_is_scored_and_exported(steps in proptest::collection::vec(step(), 1..120)) {
        let mut state = fresh();
        let mut history = History::new(View::Welcome);
        history.follow(&state);
        let ins = state.instrument.0.clone();
        let questions: Vec<String> = ins.question_order().map(String::from).collect();
        // The model: what the relative last entered, question by question.
        let mut expected: BTreeMap<String, Answer> = BTreeMap::new();

        for step in steps {
            state = match step {
                Step::Answer { question, option } => {
                    let id = &questions[question % questions.len()];
                    let answer = if let Some(item) = ins.item(id) {
                        let options = &ins.response_scale_of(&item.id).unwrap().options;
                        Answer::Value(options[option % options.len()].value)
                    } else {
                        let q = ins.context_question(id).unwrap();
                        let chosen = q.options[option % q.options.len()].id.clone();
                        match q.choice {
                            ChoiceKind::Single => Answer::Choice(chosen),
                            ChoiceKind::Multiple => Answer::Choices(vec![chosen]),
                        }
                    };
                    expected.insert(id.clone(), answer.clone());
                    state.reduce(Action::Answer(id.clone(), Some(answer)))
                }
                Step::Clear { question } => {
                    let id = &questions[question % questions.len()];
                    expected.remove(id);
                    state.reduce(Action::Answer(id.clone(), None))
                }
                Step::Toggle { question, option } => {
                    let multiple: Vec<_> = ins.context_questions.iter().filter(|q| q.choice == ChoiceKind::Multiple).collect();
                    let q = multiple[question % multiple.len()];
                    let option = q.options[option % q.options.len()].id.clone();
                    let mut chosen = match expected.get(&q.id) {
                        Some(Answer::Choices(c)) => c.clone(),
                        _ => Vec::new(),
                    };
                    if let Some(at) = chosen.iter().position(|c| *c == option) {
                        chosen.remove(at);
                    } else {
                        chosen.push(option.clone());
                    }
                    // Choices are kept in the instrument's option order.
                    chosen.sort_by_key(|c| q.options.iter().position(|o| o.id == *c));
                    if chosen.is_empty() {
                        expected.remove(&q.id);
                    } else {
                        expected.insert(q.id.clone(), Answer::Choices(chosen));
                    }
                    state.reduce(Action::ToggleChoice(q.id.clone(), option))
                }
                Step::Next => state.reduce(Action::Next { now: NOW.into() }),
                Step::Back => state.reduce(Action::Back),
                Step::HistoryBack | Step::HistoryForward => {
                    let delta = if matches!(step, Step::HistoryBack) { -1 } else { 1 };
                    match history.go(delta) {
                        Some(view) => {
                            let before = state.clone();
                            let after = state.reduce(Action::Navigated { view, now: NOW.into() });
                            // The page the entry holds is shown, or the
                            // nearest one that can be; answers are untouched.
                            prop_assert_eq!(&after.answers, &before.answers);
                            match view {
                                View::Result if after.outcome.is_some() => prop_assert_eq!(after.view, View::Result),
                                View::Result => prop_assert!(matches!(after.view, View::Questions(_))),
                                other => prop_assert_eq!(after.view, other),
                            }
                            after
                        }
                        None => state,
                    }
                }
                Step::SwitchLanguage => {
                    let other = if state.lang == Lang::Nl { Lang::En } else { Lang::Nl };
                    state.reduce(Action::SetLang(other))
                }
                Step::Reload => reload(&state, Some(history.entries[history.at])),
            };
            history.follow(&state);
            let entered: BTreeMap<String, Answer> =
                state.answers.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
            prop_assert_eq!(&entered, &expected);
        }

        // Finish: go to the last page and on to the result.
        state = state.reduce(Action::Start);
        while let View::Questions(_) = state.view {
            state = state.reduce(Action::Next { now: NOW.into() });
        }
        prop_assert_eq!(&state.view, &View::Result);
        let outcome = state.outcome.clone().expect("a result after the last page");
        let mut answers = Answers::new();
        for (id, answer) in &expected {
            answers.set(id, answer.clone());
        }
        prop_assert_eq!(outcome.answers(), &answers);
        let fresh = score(&ins, answers.clone()).unwrap();
        prop_assert_eq!(outcome.report(), fresh.report());

        // The result survives a reload (with nothing answered there is nothing
        // to keep, and the tab starts afresh), and its exports open to the
        // same answers.
        let reloaded = reload(&state, Some(View::Result));
        if !answers.is_empty() {
            prop_assert_eq!(reloaded.outcome.as_ref().expect("the result survives a reload").answers(), &answers);
        }
        let file = json::export_report(&ins, &outcome);
        let opened = reloaded.reduce(Action::ImportFile(file.into_bytes(), ImportTarget::Professional));
        prop_assert_eq!(opened.professional.as_ref().expect("the export opens").answers(), &answers);
        let code = share::encode_share_code(&ins, &outcome);
        let opened = opened.reduce(Action::ImportCode(code, ImportTarget::Earlier));
        prop_assert!(opened.earlier.iter().any(|e| e.outcome.answers() == &answers), "{:?}", opened.notice);
    }
}
