//! A page of questions: a few scale items or context questions, with the
//! part ("Deel 2 van 7: …"; the page count is in the top bar), back and
//! next, skipped questions marked, and "stop and erase". A safety signal
//! that names a question is shown right under it as soon as the answers so
//! far raise it.
//!
//! Statements in a row that share their answer options are one list under
//! one description of the options (issue 15: fewer, calmer screens): each
//! is still its own fieldset with its legend and radio buttons, whose
//! labels are the options' full text for screen readers, while the screen
//! shows one row of numbers with the two ends spelled out. Answering never
//! moves what follows: the control that removes an answer always has its
//! place, hidden until there is an answer. The page is no form, so Enter on
//! an option does not go to the next page.

use naastenmeter_core::instrument::{
    ChoiceKind, ContextQuestion, Item, ResponseScale, SignalLevel,
};
use naastenmeter_core::scoring::signals_at_question;
use naastenmeter_core::text::pick;
use naastenmeter_core::Answer;
use yew::prelude::*;

use crate::browser;
use crate::components::contacts::ContactCard;
use crate::components::navigation::go_back;
use crate::embed::Outline;
use crate::i18n::Lang;
use crate::pages::RATING_FROM;
use crate::state::{Action, AppContext};

/// A context question whose options are all at most this many characters
/// long shows them two to a row where they fit.
const SHORT_OPTION: usize = 14;

/// Properties of [`QuestionsPage`].
#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    /// Index of the page.
    pub index: usize,
}

/// What a page shows, in order: statements that share their options, a
/// 0–10 rating, or a context question.
enum Block<'a> {
    Statements(&'a ResponseScale, Vec<&'a Item>),
    Rating(&'a Item),
    Context(&'a ContextQuestion),
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
    let last = props.index + 1 == app.pages.len();

    let next = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
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
        Callback::from(move |_: MouseEvent| crate::components::offline::erase_all(&app))
    };

    // Consecutive statements with the same options form one list.
    let mut blocks: Vec<Block> = Vec::new();
    for id in &page.questions {
        if let Some(item) = app.instrument.item(id) {
            let Some(scale) = app.instrument.response_scale_of(&item.id) else {
                continue;
            };
            if scale.options.len() >= RATING_FROM {
                blocks.push(Block::Rating(item));
            } else if let Some(Block::Statements(shared, items)) = blocks.last_mut() {
                if shared.id == scale.id {
                    items.push(item);
                } else {
                    blocks.push(Block::Statements(scale, vec![item]));
                }
            } else {
                blocks.push(Block::Statements(scale, vec![item]));
            }
        } else if let Some(question) = app.instrument.context_question(id) {
            blocks.push(Block::Context(question));
        }
    }
    let index = props.index;
    let blocks = blocks.into_iter().map(|block| match block {
        Block::Statements(scale, items) => statements_html(&app, index, scale, &items, h),
        Block::Rating(item) => rating_html(&app, item, app.is_skipped(index, &item.id), h),
        Block::Context(question) => {
            context_html(&app, question, app.is_skipped(index, &question.id), h)
        }
    });

    html! {
        { h.page("questions", html! { <>
                // The part is its own polite live region: its text, and so what
                // is read out, changes only when a new part begins. The page
                // count is in the top bar.
                if let Some(part) = app.part(props.index) {
                    <p class="progress-part" id="progress-part" aria-live="polite">
                        { (t.part_of)(part.number, part.count, pick(&section.title, code)) }
                    </p>
                }
                { h.heading(0).id("main-heading").focusable().with(pick(&section.title, code)) }
                if page.first_of_section {
                    if let Some(intro) = &section.intro { <p class="intro">{ pick(intro, code) }</p> }
                }
                { for blocks }
                <div class="nav-buttons">
                    <button type="button" onclick={back}>{ t.back }</button>
                    <button type="button" class="primary" id="next" onclick={next}>
                        { if last { t.to_result } else { t.next } }
                    </button>
                </div>
                <p class="erase-line">
                    <button type="button" class="danger-link" id="stop-and-erase" onclick={erase}>{ t.stop_and_erase }</button>
                </p>
        </> }) }
    }
}

fn skipped_tag(lang: Lang, skipped: bool) -> Html {
    if skipped {
        html! { <span class="skipped-tag">{ lang.t().skipped }</span> }
    } else {
        html! {}
    }
}

/// The control that removes an answer. It is always there, so an answer
/// moves nothing below it; without an answer it is hidden (also from
/// screen readers and the Tab key). Beside a row of numbers it is a small
/// "×" named for screen readers; under a list it is a link.
fn clear_button(app: &AppContext, id: &str, answered: bool, small: bool) -> Html {
    let t = app.lang.t();
    let clear = {
        let app = app.clone();
        let id = id.to_string();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Answer(id.clone(), None)))
    };
    let class = classes!(
        "link-button",
        "clear-answer",
        small.then_some("clear-small"),
        (!answered).then_some("is-idle")
    );
    if small {
        html! {
            <button type="button" {class} onclick={clear} title={t.clear_answer}>
                <span aria-hidden="true">{ "×" }</span>
                <span class="visually-hidden">{ t.clear_answer }</span>
            </button>
        }
    } else {
        html! { <button type="button" {class} onclick={clear}>{ t.clear_answer }</button> }
    }
}

/// The radio buttons of one item. `numbers`: the screen shows each
/// option's number, and its full label is there for screen readers.
fn item_options(app: &AppContext, item: &Item, scale: &ResponseScale, numbers: bool) -> Html {
    let code = app.lang.code();
    let chosen = app.answers.value(&item.id);
    html! {
        { for scale.options.iter().map(|option| {
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
                    if numbers {
                        <span aria-hidden="true">{ value.to_string() }</span>
                        <span class="visually-hidden">{ pick(&option.label, code) }</span>
                    } else {
                        <span>{ pick(&option.label, code) }</span>
                    }
                </label>
            }
        }) }
    }
}

/// The two ends of a row of numbers, spelled out (screen readers hear
/// every option's full label instead).
fn row_ends(scale: &ResponseScale, code: &str) -> Html {
    html! {
        <p class="row-ends" aria-hidden="true">
            <span>{ scale.options.first().map(|o| pick(&o.label, code)).unwrap_or_default() }</span>
            <span>{ scale.options.last().map(|o| pick(&o.label, code)).unwrap_or_default() }</span>
        </p>
    }
}

/// Statements that share their options: the options described once, then
/// one compact row per statement.
fn statements_html(
    app: &AppContext,
    page: usize,
    scale: &ResponseScale,
    items: &[&Item],
    h: Outline,
) -> Html {
    let t = app.lang.t();
    let code = app.lang.code();
    html! {
        <div class="item-group">
            <div class="scale-key">
                <p>{ t.scale_key_intro }</p>
                <ul>
                    { for scale.options.iter().map(|o| html! {
                        <li><span class="key-value">{ o.value.to_string() }</span>{ " " }{ pick(&o.label, code) }</li>
                    }) }
                </ul>
            </div>
            { for items.iter().map(|item| {
                let skipped = app.is_skipped(page, &item.id);
                let answered = app.answers.value(&item.id).is_some();
                html! {
                    <>
                    <fieldset class={classes!("question", "question-compact", skipped.then_some("is-skipped"))} id={format!("q-{}", item.id)}>
                        <legend>{ pick(&item.text, code) }{ skipped_tag(app.lang, skipped) }</legend>
                        { row_ends(scale, code) }
                        <div class="compact-row">
                            <div class="options options-compact">{ item_options(app, item, scale, true) }</div>
                            { clear_button(app, &item.id, answered, true) }
                        </div>
                    </fieldset>
                    { signals_html(app, &item.id, h) }
                    </>
                }
            }) }
        </div>
    }
}

/// A 0–10 rating: wrapping rows of numbers, the ends spelled out above.
fn rating_html(app: &AppContext, item: &Item, skipped: bool, h: Outline) -> Html {
    let code = app.lang.code();
    let Some(scale) = app.instrument.response_scale_of(&item.id) else {
        return html! {};
    };
    let answered = app.answers.value(&item.id).is_some();
    html! {
        <>
        <fieldset class={classes!("question", skipped.then_some("is-skipped"))} id={format!("q-{}", item.id)}>
            <legend>{ pick(&item.text, code) }{ skipped_tag(app.lang, skipped) }</legend>
            { row_ends(scale, code) }
            <div class="options options-row">{ item_options(app, item, scale, true) }</div>
            { clear_button(app, &item.id, answered, false) }
        </fieldset>
        { signals_html(app, &item.id, h) }
        </>
    }
}

fn context_html(app: &AppContext, question: &ContextQuestion, skipped: bool, h: Outline) -> Html {
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
    // Short options ("Ja", "Nee") may stand two to a row; longer ones
    // keep a row each, so no option becomes a narrow column of words.
    let short = question
        .options
        .iter()
        .all(|o| pick(&o.label, code).chars().count() <= SHORT_OPTION);
    html! {
        <>
        <fieldset class={classes!("question", skipped.then_some("is-skipped"))} id={format!("q-{}", question.id)}>
            <legend>{ pick(&question.text, code) }{ skipped_tag(app.lang, skipped) }</legend>
            <div class={classes!("options", "options-list", short.then_some("options-short"))}>{ for options }</div>
            { clear_button(app, &question.id, answered, false) }
        </fieldset>
        { signals_html(app, &question.id, h) }
        </>
    }
}

/// The safety signals the core raises at this question for the answers so
/// far, with their contacts, right under the question.
fn signals_html(app: &AppContext, question: &str, h: Outline) -> Html {
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
                        { h.heading(1).class("hd1 signal-title").with(pick(&rule.title, code)) }
                        <p>{ pick(&rule.message, code) }</p>
                        { for rule.contacts.iter().map(|c| html! { <ContactCard id={c.clone()} /> }) }
                    </div>
                }
            }) }
        </div>
    }
}
