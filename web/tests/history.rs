//! Back and Forward through the browser's history (issue 15): an entry holds
//! a view only, and arriving at one shows that page when it can still be
//! shown, without touching an answer; the progress names the part.

use std::rc::Rc;

use naastenmeter_core::Answer;
use naastenmeter_web::state::{Action, AppState, View};
use yew::Reducible;

const NOW: &str = "2026-12-06T10:00:00+01:00";

fn fresh() -> Rc<AppState> {
    let instrument = naastenmeter_web::instrument::load().expect("the compiled-in instrument");
    Rc::new(AppState::new(instrument, None, None, false))
}

fn navigated(state: &Rc<AppState>, view: View) -> Rc<AppState> {
    state.clone().reduce(Action::Navigated {
        view,
        now: NOW.into(),
    })
}

/// Every page passed to the result, the first item answered.
fn at_result() -> Rc<AppState> {
    let mut state = fresh().reduce(Action::Start);
    let first = state.instrument.items[0].id.clone();
    state = state.reduce(Action::Answer(first, Some(Answer::Value(1))));
    while let View::Questions(_) = state.view {
        state = state.reduce(Action::Next { now: NOW.into() });
    }
    assert_eq!(state.view, View::Result);
    state
}

#[test]
fn an_entry_shows_its_page_and_is_marked_as_from_history() {
    let state = fresh().reduce(Action::Start);
    assert!(!state.navigated, "a page the person goes to is a new entry");
    let back = navigated(&state, View::Welcome);
    assert_eq!(back.view, View::Welcome);
    assert!(back.navigated, "a page from the history adds no entry");
    let forward = navigated(&back, View::Questions(2));
    assert_eq!(forward.view, View::Questions(2));
    assert!(!forward.reduce(Action::Back).navigated);
}

#[test]
fn a_page_that_no_longer_exists_is_the_welcome() {
    let state = fresh();
    let beyond = state.pages.len() + 3;
    assert_eq!(
        navigated(&state, View::Questions(beyond)).view,
        View::Welcome
    );
}

#[test]
fn the_result_entry_shows_the_result_or_makes_it_again() {
    let state = at_result();
    let created = state.outcome.as_ref().unwrap().created().map(String::from);
    // Back to the last page and forward: the same result.
    let last = navigated(&state, View::Questions(state.pages.len() - 1));
    assert!(last.outcome.is_some());
    let again = navigated(&last, View::Result);
    assert_eq!(again.view, View::Result);
    assert_eq!(
        again.outcome.as_ref().unwrap().created().map(String::from),
        created
    );

    // An answer changed on the way: Forward makes the result again from it.
    let second = state.instrument.items[1].id.clone();
    let changed = last.reduce(Action::Answer(second.clone(), Some(Answer::Value(2))));
    assert!(changed.outcome.is_none());
    let remade = navigated(&changed, View::Result);
    assert_eq!(remade.view, View::Result);
    let outcome = remade.outcome.as_ref().expect("made again");
    assert_eq!(outcome.answers().value(&second), Some(2));
    assert_eq!(outcome.created(), Some(NOW));
}

#[test]
fn the_result_entry_without_every_page_passed_is_the_furthest_page() {
    let state = fresh().reduce(Action::Start);
    let state = state.reduce(Action::Next { now: NOW.into() });
    let there = navigated(&state, View::Result);
    assert_eq!(there.view, View::Questions(1));
    assert!(there.outcome.is_none());
}

#[test]
fn after_erasing_old_entries_hold_no_answers() {
    let state = at_result().reduce(Action::Erase);
    let back = navigated(&state, View::Result);
    assert!(back.answers.is_empty());
    assert!(back.outcome.is_none());
    assert_eq!(back.view, View::Questions(0));
}

#[test]
fn back_goes_where_previous_view_says() {
    let state = fresh();
    assert_eq!(state.previous_view(), View::Welcome);
    let state = state.reduce(Action::Start);
    assert_eq!(state.previous_view(), View::Welcome);
    let state = state.reduce(Action::Next { now: NOW.into() });
    assert_eq!(state.previous_view(), View::Questions(0));
    let result = at_result();
    assert_eq!(
        result.previous_view(),
        View::Questions(result.pages.len() - 1)
    );
}

#[test]
fn the_progress_names_the_part() {
    let state = fresh();
    let first = state.part(0).expect("page 1 is in a part");
    assert_eq!(first.number, 1);
    assert_eq!(first.section, state.pages[0].section);
    let sections = state.instrument.sections.len();
    assert_eq!(first.count, sections, "every section has questions");
    let mut last_number = 0;
    for page in 0..state.pages.len() {
        let part = state.part(page).unwrap();
        assert_eq!(part.section, state.pages[page].section);
        assert!(part.number == last_number || part.number == last_number + 1);
        assert_eq!(part.count, first.count);
        last_number = part.number;
    }
    assert_eq!(last_number, first.count);
    assert!(state.part(state.pages.len()).is_none());
}
