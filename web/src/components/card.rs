//! The conversation card on the result page: the relative fills it in on
//! screen before talking with a professional ([`CardEditor`]); it prints
//! with the result and shows wherever a result with a card is opened
//! ([`CardView`]). What may go on it, and its limits, are the core's
//! (`naastenmeter_core::conversation`).

use naastenmeter_core::conversation::{
    ChangeGoal, ConversationCard, MAX_LINE_CHARS, MAX_QUESTIONS_CHARS,
};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::{Action, AppContext, CardEdit};

/// The card's fields, kept with the answers in progress.
#[component]
pub fn CardEditor() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let edit = |make: fn(String) -> CardEdit| {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            app.dispatch(Action::EditCard(make(value)));
        })
    };
    let worries = app.card.worries.iter().enumerate().map(|(line, text)| {
        let app = app.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            app.dispatch(Action::EditCard(CardEdit::Worry(line, value)));
        });
        let id = format!("card-worry-{}", line + 1);
        html! {
            <p class="card-line">
                <label for={id.clone()}>{ (t.card_worry_line)(line + 1) }</label>
                <input type="text" id={id} maxlength={MAX_LINE_CHARS.to_string()}
                    value={text.clone()} {oninput} />
            </p>
        }
    });
    let goals = ChangeGoal::ALL.into_iter().map(|goal| {
        let onchange = {
            let app = app.clone();
            Callback::from(move |_: Event| {
                app.dispatch(Action::EditCard(CardEdit::ToggleGoal(goal)));
            })
        };
        let id = format!("card-goal-{}", goal.id());
        html! {
            <li>
                <label class="option" for={id.clone()}>
                    <input type="checkbox" id={id} checked={app.card.goals.contains(&goal)} {onchange} />
                    <span>{ (t.change_goal)(goal) }</span>
                </label>
            </li>
        }
    });
    let questions = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            app.dispatch(Action::EditCard(CardEdit::Questions(value)));
        })
    };
    html! {
        <div class="card-editor no-print">
            <p>{ t.card_intro }</p>
            <fieldset>
                <legend>{ t.card_worries }</legend>
                { for worries }
            </fieldset>
            <fieldset>
                <legend>{ t.card_goals }</legend>
                <ul class="card-goals">{ for goals }</ul>
                <p class="card-line">
                    <label for="card-own-goal">{ t.card_own_goal }</label>
                    <input type="text" id="card-own-goal" maxlength={MAX_LINE_CHARS.to_string()}
                        value={app.card.own_goal.clone()} oninput={edit(CardEdit::OwnGoal)} />
                </p>
            </fieldset>
            <p class="card-line">
                <label for="card-questions">{ t.card_questions }</label>
                <textarea id="card-questions" rows="3" maxlength={MAX_QUESTIONS_CHARS.to_string()}
                    value={app.card.questions.clone()} oninput={questions} />
            </p>
        </div>
    }
}

/// Properties of [`CardView`].
#[derive(Properties, PartialEq)]
pub struct CardViewProps {
    /// The card to show; `None` prints an empty card with lines to write on.
    pub card: Option<ConversationCard>,
    /// Extra class names (for example `print-only`).
    #[prop_or_default]
    pub class: Classes,
}

/// A filled-in card, read-only: in the printout and where a result with a
/// card is opened.
#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let Some(card) = &props.card else {
        // Nothing filled in on screen: lines to write on by hand.
        let lines = |n: usize| html! { <ul class="card-blank">{ for (0..n).map(|_| html! { <li></li> }) }</ul> };
        return html! {
            <div class={classes!("card-view", props.class.clone())}>
                { h.heading(2).with(t.card_worries) }{ lines(3) }
                { h.heading(2).with(t.card_goals) }{ lines(2) }
                { h.heading(2).with(t.card_questions) }{ lines(2) }
            </div>
        };
    };
    let goals = card
        .goals()
        .iter()
        .map(|g| html! { <li>{ (t.change_goal)(*g) }</li> });
    html! {
        <div class={classes!("card-view", props.class.clone())}>
            if !card.worries().is_empty() {
                { h.heading(2).with(t.card_worries) }
                <ul>{ for card.worries().iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
            }
            if !card.goals().is_empty() || !card.own_goal().is_empty() {
                { h.heading(2).with(t.card_goals) }
                <ul>
                    { for goals }
                    if !card.own_goal().is_empty() { <li>{ card.own_goal().to_string() }</li> }
                </ul>
            }
            if !card.questions().is_empty() {
                { h.heading(2).with(t.card_questions) }
                <p class="card-questions">{ card.questions().to_string() }</p>
            }
        </div>
    }
}
