//! "Stop and erase" can be undone for a few seconds (issue 15): the erased
//! answers are kept in memory only (storage gets nothing), the undo brings
//! back every answer and the page, and the undo time's end, any next step
//! or quick exit forgets them.

use std::rc::Rc;

use naastenmeter_core::Answer;
use naastenmeter_web::state::{Action, AppState, Notice, View};
use yew::Reducible;

const NOW: &str = "2026-12-06T10:00:00+01:00";

/// Two pages answered, on the second page.
fn answered() -> Rc<AppState> {
    let instrument = naastenmeter_web::instrument::load().expect("the compiled-in instrument");
    let mut state = Rc::new(AppState::new(instrument, None, None, false)).reduce(Action::Start);
    for page in 0..2 {
        for id in state.pages[page].questions.clone() {
            let answer = match state.instrument.context_question(&id) {
                Some(q) => Answer::Choice(q.options[0].id.clone()),
                None => Answer::Value(
                    state
                        .instrument
                        .response_scale_of(&id)
                        .expect("an item")
                        .options[0]
                        .value,
                ),
            };
            state = state.reduce(Action::Answer(id, Some(answer)));
        }
        if page == 0 {
            state = state.reduce(Action::Next { now: NOW.into() });
        }
    }
    assert_eq!(state.view, View::Questions(1));
    state
}

#[test]
fn erasing_keeps_nothing_to_store_and_offers_the_undo() {
    let state = answered();
    let erased = state.clone().reduce(Action::Erase);
    assert!(erased.answers.is_empty());
    assert_eq!(
        erased.progress_json(),
        None,
        "nothing is written to storage"
    );
    assert_eq!(erased.view, View::Welcome);
    assert_eq!(erased.notice, Some(Notice::Erased));
    let kept = erased.erased.as_ref().expect("kept in memory for the undo");
    assert_eq!(kept.before.answers, state.answers);
}

#[test]
fn undo_brings_back_every_answer_and_the_page() {
    let state = answered();
    let undone = state
        .clone()
        .reduce(Action::Erase)
        .reduce(Action::UndoErase);
    assert_eq!(undone.answers, state.answers);
    assert_eq!(undone.view, state.view);
    assert_eq!(undone.furthest, state.furthest);
    assert_eq!(
        undone.progress_json(),
        state.progress_json(),
        "stored again as before"
    );
    assert!(undone.erased.is_none());
    assert_eq!(undone.notice, None);
    // A second undo has nothing left to bring back.
    assert_eq!(
        undone.clone().reduce(Action::UndoErase).answers,
        state.answers
    );
}

#[test]
fn the_undo_time_ending_forgets_the_answers_and_keeps_the_notice() {
    let erased = answered().reduce(Action::Erase);
    let erasure = erased.erased.as_ref().map(|e| e.erasure).expect("kept");
    let over = erased.reduce(Action::ForgetErased(erasure));
    assert!(over.erased.is_none());
    assert_eq!(over.notice, Some(Notice::Erased));
    let after = over.reduce(Action::UndoErase);
    assert!(
        after.answers.is_empty(),
        "nothing comes back after the time"
    );
}

#[test]
fn an_earlier_erasures_timer_does_not_forget_a_later_one() {
    let state = answered();
    let first = state.clone().reduce(Action::Erase);
    let first_number = first.erased.as_ref().map(|e| e.erasure).expect("kept");
    let second = first.reduce(Action::UndoErase).reduce(Action::Erase);
    let still = second.reduce(Action::ForgetErased(first_number));
    assert!(
        still.erased.is_some(),
        "the later erasure keeps its own time"
    );
    assert_eq!(still.reduce(Action::UndoErase).answers, state.answers);
}

#[test]
fn a_language_switch_keeps_the_undo_and_anything_else_ends_it() {
    let erased = answered().reduce(Action::Erase);
    let switched = erased
        .clone()
        .reduce(Action::SetLang(naastenmeter_web::i18n::Lang::En));
    assert!(switched.erased.is_some());
    assert_eq!(switched.notice, Some(Notice::Erased));
    for action in [
        Action::Start,
        Action::DismissNotice,
        Action::Show(View::Earlier),
        Action::QuickExit,
    ] {
        let next = erased.clone().reduce(action.clone());
        assert!(
            next.erased.is_none(),
            "{action:?} forgets the erased answers"
        );
        assert!(
            next.clone().reduce(Action::UndoErase).answers.is_empty(),
            "{action:?}"
        );
    }
}

#[test]
fn quick_exit_forgets_every_answer_in_memory_and_stays_on_the_page() {
    let state = answered();
    let left = state.clone().reduce(Action::QuickExit);
    assert!(left.answers.is_empty());
    assert_eq!(left.progress_json(), None);
    assert!(left.outcome.is_none());
    assert_eq!(
        left.view, state.view,
        "no page change, so no history entry on the way out"
    );
}
