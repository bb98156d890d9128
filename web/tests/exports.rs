//! The exports and imports as the app makes and opens them, natively: each
//! download is built by the state (not in a click handler), opens again to
//! the same answers and date, and a refused file keeps its typed reason up
//! to the view.

use std::rc::Rc;

use naastenmeter_core::{ImportError, ShareCodeError};
use naastenmeter_web::state::{Action, AppState, ExportFormat, ImportTarget, Notice, View};
use yew::Reducible;

mod common;
use common::published_files;

const MADE: &str = "2026-12-05T22:30:00+01:00";

/// A finished questionnaire with the middle option everywhere.
fn finished() -> Rc<AppState> {
    let instrument = naastenmeter_web::instrument::load().expect("the compiled-in instrument");
    let mut state =
        Rc::new(AppState::new(instrument.clone(), None, None, false)).reduce(Action::Start);
    for item in &instrument.items {
        let options = &instrument
            .response_scale_of(&item.id)
            .expect("scale")
            .options;
        let value = options[options.len() / 2].value;
        state = state.reduce(Action::Answer(
            item.id.clone(),
            Some(naastenmeter_core::Answer::Value(value)),
        ));
    }
    while let View::Questions(_) = state.view {
        state = state.reduce(Action::Next { now: MADE.into() });
    }
    assert!(state.outcome.is_some(), "{:?}", state.notice);
    state
}

#[test]
fn each_download_opens_again_to_the_same_answers_and_date() {
    let state = finished();
    let outcome = state.outcome.clone().expect("result");
    for format in [ExportFormat::Json, ExportFormat::Fhir] {
        let file = state.export_file(&outcome, format).expect("export");
        assert!(file.name.contains("2026-12-05"), "{}", file.name);
        let opened = state.clone().reduce(Action::ImportFile(
            file.contents.into_bytes(),
            ImportTarget::Professional,
        ));
        let professional = opened
            .professional
            .as_ref()
            .unwrap_or_else(|| panic!("{format:?}: {:?}", opened.notice));
        assert_eq!(professional.answers(), outcome.answers());
        assert_eq!(professional.report(), outcome.report());
        assert_eq!(
            professional.created(),
            Some(MADE),
            "{format:?} keeps the date"
        );
    }
    let csv = state.export_file(&outcome, ExportFormat::Csv).expect("csv");
    assert_eq!(csv.mime, "text/csv");
    assert_eq!(csv.contents.lines().count(), 2);
    assert!(csv
        .contents
        .starts_with("instrument_id,instrument_version,"));
}

#[test]
fn a_fhir_file_with_a_wrong_answer_gets_the_fhir_reason_not_a_report_one() {
    let state = finished();
    let outcome = state.outcome.clone().expect("result");
    let file = state
        .export_file(&outcome, ExportFormat::Fhir)
        .expect("export");
    let damaged = file
        .contents
        .replacen("\"linkId\": \"", "\"linkId\": \"zz_", 1);
    let opened = state.reduce(Action::ImportFile(
        damaged.into_bytes(),
        ImportTarget::Earlier,
    ));
    match &opened.notice {
        Some(Notice::ImportFailed(ImportError::NotAnExport(problem))) => {
            assert!(problem.path.starts_with("item["), "{problem}");
            assert!(problem.message.contains("zz_"), "{problem}");
        }
        other => panic!("expected a typed FHIR refusal, got {other:?}"),
    }
}

#[test]
fn refusals_stay_typed_for_the_view_to_word() {
    let state = finished();
    let opened = state
        .clone()
        .reduce(Action::ImportCode("12".into(), ImportTarget::Earlier));
    // A code whose check fails may be one of an earlier version: it waits
    // for those, and is refused once they are loaded.
    assert!(opened.wants_earlier_versions());
    assert_eq!(opened.notice, None);
    let opened = opened.reduce(Action::EarlierVersionsLoaded(published_files()));
    assert!(!opened.wants_earlier_versions());
    assert_eq!(
        opened.notice,
        Some(Notice::ImportFailed(ImportError::ShareCode(
            ShareCodeError::Mistyped
        )))
    );
    let opened = state.reduce(Action::ImportFile(
        b"{\"hello\": 1}".to_vec(),
        ImportTarget::Earlier,
    ));
    assert!(matches!(
        opened.notice,
        Some(Notice::ImportFailed(ImportError::NotAnExport(_)))
    ));
}

#[test]
fn ticking_choices_keeps_the_question_order_and_the_last_untick_skips_it() {
    let instrument = naastenmeter_web::instrument::load().expect("instrument");
    let question_id = instrument
        .behaviour_question
        .clone()
        .expect("the default names one");
    let question = instrument
        .context_question(&question_id)
        .expect("exists")
        .clone();
    let (first, second) = (
        question.options[0].id.clone(),
        question.options[1].id.clone(),
    );
    let state = Rc::new(AppState::new(instrument, None, None, false))
        .reduce(Action::ToggleChoice(question_id.clone(), second.clone()))
        .reduce(Action::ToggleChoice(question_id.clone(), first.clone()));
    assert_eq!(
        state.answers.get(&question_id),
        Some(&naastenmeter_core::Answer::Choices(vec![
            first.clone(),
            second.clone()
        ]))
    );
    let state = state
        .reduce(Action::ToggleChoice(question_id.clone(), first))
        .reduce(Action::ToggleChoice(question_id.clone(), second));
    assert_eq!(state.answers.get(&question_id), None);
}

/// The conversation card: kept with the answers in progress, carried by the
/// JSON and FHIR downloads and a remembered result, erased with the answers,
/// and never in the share code.
#[test]
fn the_conversation_card_goes_where_the_answers_go_and_nowhere_else() {
    use naastenmeter_core::conversation::ChangeGoal;
    use naastenmeter_web::state::CardEdit;
    let state = finished()
        .reduce(Action::EditCard(CardEdit::Worry(
            1,
            "Hij slaapt niet".into(),
        )))
        .reduce(Action::EditCard(CardEdit::ToggleGoal(ChangeGoal::Support)))
        .reduce(Action::EditCard(CardEdit::Questions(
            "Wat kan ik doen?".into(),
        )));
    let card = state.card.card().expect("a filled-in card");
    assert_eq!(card.worries(), ["Hij slaapt niet"]);
    // Kept in the tab with the answers, and back after a reload.
    let progress = state.progress_json().expect("progress");
    assert!(progress.contains("Hij slaapt niet"));
    let instrument = naastenmeter_web::instrument::load().unwrap();
    let reloaded = AppState::new(instrument, Some(&progress), None, false);
    assert_eq!(reloaded.card, state.card);
    // In the downloads.
    let outcome = state.outcome.clone().unwrap();
    for format in [ExportFormat::Json, ExportFormat::Fhir] {
        let file = state.export_file(&outcome, format).unwrap();
        assert!(file.contents.contains("Hij slaapt niet"), "{format:?}");
        let opened = state.clone().reduce(Action::ImportFile(
            file.contents.into_bytes(),
            ImportTarget::Professional,
        ));
        assert_eq!(
            opened.professional.as_ref().unwrap().card(),
            Some(&card),
            "{format:?}"
        );
    }
    // In a remembered result.
    let (list, _) = state.remembered_with_current().unwrap();
    assert!(list.contains("Hij slaapt niet"));
    // Not in the share code: it decodes to a result without a card.
    let coded = state.clone().reduce(Action::MakeShareCode);
    let code = coded.share_code.clone().unwrap();
    let opened = coded.reduce(Action::ImportCode(code, ImportTarget::Professional));
    assert_eq!(opened.professional.as_ref().unwrap().card(), None);
    // Erased with the answers.
    let erased = state.reduce(Action::Erase);
    assert_eq!(erased.card.card(), None);
}
