//! A page of questions: a few scale items or context questions, with the
//! progress (the part, "Deel 2 van 7: …", and the page, "Pagina 3 van 9"), back and next, skipped questions marked, and
//! "stop and erase". A safety signal that names a question is shown right
//! under it as soon as the answers so far raise it.

use naastenmeter_core::instrument::{ChoiceKind, ContextQuestion, Item, SignalLevel};
use naastenmeter_core::scoring::signals_at_question;
use naastenmeter_core::text::pick;
use naastenmeter_core::Answer;
use yew::prelude::*;

use crate::browser;
use crate::components::app::go_back;
use crate::components::contacts::ContactCard;
use crate::i18n::Lang;
use crate::state::{Action, AppContext};

/// Response scales with more options than this (a 0–10 rating) are laid out
/// as a compact row of numbers instead of a list.
const ROW_LAYOUT_FROM: usize = 8;

/// Properties of [`QuestionsPage`].
#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    /// Index of the page.
    pub index: usize,
}

/// One page of questions.
#[component]
pub fn QuestionsPage(props: &QuestionsProps) -> Html {
    // The heading levels and landmark of the page around the app.
    let h = crate::embed::use_outline();
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let t = app.lang.t();
    let code = app.lang.code();
    let Some(page) = app.pages.get(props.index) else {
        return html! {};
    };
    let Some(section) = app.instrument.sections.get(page.section) else {
        return html! {};
    };
    let total = app.pages.len();
    let number = props.index + 1;
    let last = number == total;

    let next = {
        let app = app.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            app.dispatch(Action::Next {
                now: browser::now_iso(),
            });
        })
    };
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| go_back(&app, app.previous_view()))
    };
    let erase = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            browser::erase_progress();
            app.dispatch(Action::Erase);
        })
    };

    let questions = page.questions.iter().map(|id| {
        let skipped = app.is_skipped(props.index, id);
        if let Some(item) = app.instrument.item(id) {
            item_html(&app, item, skipped, h)
        } else if let Some(question) = app.instrument.context_question(id) {
            context_html(&app, question, skipped, h)
        } else {
            html! {}
        }
    });

    html! {
        <@{h.landmark()} id="main" aria-labelledby="main-heading" class="questions">
            // The part is its own polite live region: its text, and so what
            // is read out, changes only when a new part begins.
            if let Some(part) = app.part(props.index) {
                <p class="progress-part" id="progress-part" aria-live="polite">
                    { (t.part_of)(part.number, part.count, pick(&section.title, code)) }
                </p>
            }
            <p class="progress-text" id="progress-text" aria-live="polite">{ (t.page_of)(number, total) }</p>
            <progress class="progress" max={total.to_string()} value={number.to_string()}
                aria-labelledby="progress-text"></progress>
            <@{h.tag(0)} class="hd0" id="main-heading" tabindex="-1">{ pick(&section.title, code) }</@>
            if page.first_of_section {
                if let Some(intro) = &section.intro { <p class="intro">{ pick(intro, code) }</p> }
            }
            <form onsubmit={next} novalidate=true>
                { for questions }
                <div class="nav-buttons">
                    <button type="button" onclick={back}>{ t.back }</button>
                    <button type="submit" class="primary" id="next">
                        { if last { t.to_result } else { t.next } }
                    </button>
                </div>
            </form>
            <p class="erase-line">
                <button type="button" class="danger-link" id="stop-and-erase" onclick={erase}>{ t.stop_and_erase }</button>
            </p>
        </@>
    }
}

fn skipped_tag(lang: Lang, skipped: bool) -> Html {
    if skipped {
        html! { <span class="skipped-tag">{ lang.t().skipped }</span> }
    } else {
        html! {}
    }
}

fn clear_button(app: &AppContext, id: &str, answered: bool) -> Html {
    if !answered {
        return html! {};
    }
    let clear = {
        let app = app.clone();
        let id = id.to_string();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Answer(id.clone(), None)))
    };
    html! { <button type="button" class="link-button clear-answer" onclick={clear}>{ app.lang.t().clear_answer }</button> }
}

fn item_html(app: &AppContext, item: &Item, skipped: bool, h: crate::embed::Outline) -> Html {
    let code = app.lang.code();
    let Some(scale) = app.instrument.response_scale_of(&item.id) else {
        return html! {};
    };
    let chosen = app.answers.value(&item.id);
    let row = scale.options.len() >= ROW_LAYOUT_FROM;
    let options = scale.options.iter().map(|option| {
        let value = option.value;
        let input_id = format!("{}-{}", item.id, value);
        let onchange = {
            let app = app.clone();
            let id = item.id.clone();
            Callback::from(move |_: Event| {
                app.dispatch(Action::Answer(id.clone(), Some(Answer::Value(value))))
            })
        };
        html! {
            <label class="option" for={input_id.clone()}>
                <input type="radio" id={input_id} name={item.id.clone()} value={value.to_string()}
                    checked={chosen == Some(value)} {onchange} />
                if row {
                    // Narrow boxes show the number; the full label stays
                    // for screen readers, and the ends are spelled out above.
                    <span aria-hidden="true">{ value.to_string() }</span>
                    <span class="visually-hidden">{ pick(&option.label, code) }</span>
                } else {
                    <span>{ pick(&option.label, code) }</span>
                }
            </label>
        }
    });
    html! {
        <>
        <fieldset class={classes!("question", skipped.then_some("is-skipped"))} id={format!("q-{}", item.id)}>
            <legend>{ pick(&item.text, code) }{ skipped_tag(app.lang, skipped) }</legend>
            if row {
                <p class="row-ends" aria-hidden="true">
                    <span>{ scale.options.first().map(|o| pick(&o.label, code)).unwrap_or_default() }</span>
                    <span>{ scale.options.last().map(|o| pick(&o.label, code)).unwrap_or_default() }</span>
                </p>
            }
            <div class={classes!("options", row.then_some("options-row"))}>{ for options }</div>
            { clear_button(app, &item.id, chosen.is_some()) }
        </fieldset>
        { signals_html(app, &item.id, h) }
        </>
    }
}

fn context_html(
    app: &AppContext,
    question: &ContextQuestion,
    skipped: bool,
    h: crate::embed::Outline,
) -> Html {
    let code = app.lang.code();
    let multiple = question.choice == ChoiceKind::Multiple;
    let options = question.options.iter().map(|option| {
        let input_id = format!("{}-{}", question.id, option.id);
        let checked = app.answers.has_chosen(&question.id, &option.id);
        let onchange = {
            let app = app.clone();
            let q = question.id.clone();
            let o = option.id.clone();
            Callback::from(move |_: Event| {
                if multiple {
                    app.dispatch(Action::ToggleChoice(q.clone(), o.clone()));
                } else {
                    app.dispatch(Action::Answer(q.clone(), Some(Answer::Choice(o.clone()))));
                }
            })
        };
        html! {
            <label class="option" for={input_id.clone()}>
                <input type={if multiple { "checkbox" } else { "radio" }} id={input_id}
                    name={question.id.clone()} value={option.id.clone()} {checked} {onchange} />
                <span>{ pick(&option.label, code) }</span>
            </label>
        }
    });
    let answered = app.answers.get(&question.id).is_some();
    html! {
        <>
        <fieldset class={classes!("question", skipped.then_some("is-skipped"))} id={format!("q-{}", question.id)}>
            <legend>{ pick(&question.text, code) }{ skipped_tag(app.lang, skipped) }</legend>
            <div class="options">{ for options }</div>
            { clear_button(app, &question.id, answered) }
        </fieldset>
        { signals_html(app, &question.id, h) }
        </>
    }
}

/// The safety signals the core raises at this question for the answers so
/// far, with their contacts, right under the question.
fn signals_html(app: &AppContext, question: &str, h: crate::embed::Outline) -> Html {
    let rules = signals_at_question(&app.instrument, &app.answers, question);
    if rules.is_empty() {
        return html! {};
    }
    let t = app.lang.t();
    let code = app.lang.code();
    html! {
        <div class="question-signals" id={format!("signals-{question}")} role="alert">
            { for rules.into_iter().map(|rule| {
                let (class, level) = match rule.level {
                    SignalLevel::Urgent => ("signal signal-urgent", t.urgent),
                    SignalLevel::Attention => ("signal signal-attention", t.attention),
                };
                html! {
                    <div class={class}>
                        <p class="signal-level">{ level }{ " · " }{ t.signal_at_question }</p>
                        <@{h.tag(1)} class="hd1 signal-title">{ pick(&rule.title, code) }</@>
                        <p>{ pick(&rule.message, code) }</p>
                        { for rule.contacts.iter().map(|c| html! { <ContactCard id={c.clone()} /> }) }
                    </div>
                }
            }) }
        </div>
    }
}
