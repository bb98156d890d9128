//! The notice shown when a partner's configuration has problems: one plain
//! sentence for everyone (the app works), and a fold-out listing each
//! problem with its place, for the site's web team.

use yew::prelude::*;

use crate::embed::PartnerContext;
use crate::state::AppContext;

/// The configuration notice; renders nothing when the configuration is fine
/// or the app is not embedded.
#[component]
pub fn PartnerNotice() -> Html {
    let (Some(app), Some(partner)) = (use_context::<AppContext>(), use_context::<PartnerContext>())
    else {
        return html! {};
    };
    if partner.problems.is_empty() {
        return html! {};
    }
    let words = app.lang.t();
    html! {
        <div class="notice notice-config no-print" id="config-notice" role="note">
            <p>{ words.config_notice }</p>
            <details>
                <summary>{ words.config_details }</summary>
                // The problems are the core's messages, in English: they are
                // for the web team, who also see them in the console.
                <ul lang="en">
                    { for partner.problems.iter().map(|problem| html! {
                        <li>
                            if !problem.path.is_empty() {
                                <code>{ &problem.path }</code>{ ": " }
                            }
                            { &problem.message }
                        </li>
                    }) }
                </ul>
            </details>
        </div>
    }
}
