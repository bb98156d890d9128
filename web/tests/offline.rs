//! Offline use in the state (issue 16 item 3): it is offered only once the
//! browser said where it stands, erasing turns it off, and the notice of a
//! waiting new version never shows in the middle of the questions.

use std::rc::Rc;

use naastenmeter_core::Answer;
use naastenmeter_web::state::{Action, AppState, Offline, View};
use yew::Reducible;

const NOW: &str = "2026-12-06T10:00:00+01:00";
const WAITING: Offline = Offline::On {
    update_waiting: true,
};

fn fresh() -> Rc<AppState> {
    let instrument = naastenmeter_web::instrument::load().expect("the compiled-in instrument");
    Rc::new(AppState::new(instrument, None, None, false))
}

#[test]
fn not_offered_until_the_browser_says_so() {
    let state = fresh();
    assert_eq!(
        state.offline,
        Offline::Unavailable,
        "the first render offers nothing"
    );
    let off = state.reduce(Action::Offline(Offline::Off));
    assert_eq!(off.offline, Offline::Off);
}

#[test]
fn the_update_notice_shows_on_the_welcome_and_the_result_only() {
    let welcome = fresh().reduce(Action::Offline(WAITING));
    assert!(welcome.shows_update_notice());
    let on = fresh().reduce(Action::Offline(Offline::On {
        update_waiting: false,
    }));
    assert!(!on.shows_update_notice(), "nothing waits");

    let mut state = welcome.reduce(Action::Start);
    let first = state.instrument.items[0].id.clone();
    state = state.reduce(Action::Answer(first, Some(Answer::Value(1))));
    while let View::Questions(_) = state.view {
        assert!(!state.shows_update_notice(), "never on a page of questions");
        // The browser may report the new version at any moment; the
        // answers and the page stay as they are.
        let reported = state.clone().reduce(Action::Offline(WAITING));
        assert_eq!(
            (&reported.answers, reported.view),
            (&state.answers, state.view)
        );
        state = state.reduce(Action::Next { now: NOW.into() });
    }
    assert_eq!(state.view, View::Result);
    assert!(state.shows_update_notice(), "after the result");
    assert!(!state
        .reduce(Action::Show(View::Earlier))
        .shows_update_notice());
}

#[test]
fn erasing_and_forgetting_turn_offline_use_off() {
    let on = fresh().reduce(Action::Offline(WAITING));
    assert_eq!(on.clone().reduce(Action::Erase).offline, Offline::Off);
    assert_eq!(on.reduce(Action::Forgotten).offline, Offline::Off);
    // Where it is not possible, erasing does not offer it.
    assert_eq!(fresh().reduce(Action::Erase).offline, Offline::Unavailable);
}

#[test]
fn a_report_keeps_the_notice_on_screen() {
    let erased = fresh().reduce(Action::Erase);
    assert!(erased.notice.is_some());
    let reported = erased.reduce(Action::Offline(Offline::Off));
    assert!(
        reported.notice.is_some(),
        "the browser's report is not the person's action"
    );
}
