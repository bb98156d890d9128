//! Embedding in a partner's site: the partner's checked configuration, its
//! problems and its brand colours. The few words the embedding adds are in
//! the language tables ([`crate::i18n`]) with all the others.
//!
//! The loader (`static/naastenmeter-embed.js`) turns the script tag's `data-`
//! attributes and the JSON configuration block into one JSON object and
//! passes it to [`crate::mount`]. The core's pure
//! [`read_partner_config`] keeps every part that is right and names every
//! part that is wrong; here the problems become console warnings and a
//! visible notice, and the rest becomes a [`Partner`] that components read
//! from a context. A partner's mistake never blanks the page: the app runs
//! with the defaults for whatever was wrong.

use naastenmeter_core::partner::{Address, PartnerConfig, Theme};
use naastenmeter_core::{Problem, Questionnaire};
use wasm_bindgen::{JsCast, JsValue};

use yew::prelude::*;
use yew::virtual_dom::{AttrValue, VTag};

use crate::i18n::Lang;
use crate::state::Shared;

/// What the partner configured, after checking, and what was wrong with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Partner {
    /// The checked configuration; wrong parts are at their defaults.
    pub config: PartnerConfig,
    /// One problem per part that was dropped, with its path.
    pub problems: Vec<Problem>,
    /// Whether the app runs inside a partner's page (not on its own site).
    pub embedded: bool,
}

/// The partner's configuration as components read it from the context.
pub type PartnerContext = Shared<Partner>;

impl Partner {
    /// Reads a configuration (JSON text) against `instrument`; `None` (the
    /// app is not embedded) gives the defaults without problems.
    pub fn read(instrument: &Questionnaire, json: Option<&str>) -> Partner {
        match json {
            Some(json) => {
                // In the browser the browser's JSON.parse reads it, so the
                // app carries no JSON parser (crate::json).
                #[cfg(target_arch = "wasm32")]
                let (config, problems) = naastenmeter_core::partner::read_partner_config_with(
                    json.len(),
                    || crate::json::parse_config(json),
                    instrument,
                );
                #[cfg(not(target_arch = "wasm32"))]
                let (config, problems) =
                    naastenmeter_core::partner::read_partner_config(json.as_bytes(), instrument);
                Partner {
                    config,
                    problems,
                    embedded: true,
                }
            }
            None => Partner::default(),
        }
    }

    /// The language the partner asked to start in, if the app speaks it,
    /// in the partner's form of address (Dutch when only "u" was asked).
    pub fn language(&self) -> Option<Lang> {
        let language = self.config.language.as_deref().and_then(Lang::from_code);
        match self.config.address {
            Address::Informal => language,
            Address::Formal => Some(self.speak(language.unwrap_or_default())),
        }
    }

    /// `lang` in the partner's form of address: formal Dutch ("u") when
    /// the partner asked for it, so that switching to English and back
    /// keeps "u".
    pub fn speak(&self, lang: Lang) -> Lang {
        match self.config.address {
            Address::Informal => lang,
            Address::Formal => lang.formal(),
        }
    }

    /// The heading levels and landmark the app's pages use here.
    pub fn outline(&self) -> Outline {
        Outline {
            top: self.config.top_heading_level(self.embedded),
            main: self.config.uses_main_landmark(self.embedded),
        }
    }
}

/// How the app's pages fit in the page around them: the level of each
/// page's top heading and whether a page is the `<main>` landmark. On the
/// app's own site that is h1 and main; in a partner's page, whose own h1
/// and main already exist, h2 and a region unless the partner chose
/// otherwise. Every heading is a depth below the page's top heading, so the
/// order never skips a level whatever the top is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outline {
    /// The level of each page's top heading (1 to 3).
    pub top: u8,
    /// Whether each page is a `<main>` landmark.
    pub main: bool,
}

impl Default for Outline {
    fn default() -> Self {
        Outline { top: 1, main: true }
    }
}

impl Outline {
    /// The tag of a heading `depth` levels below the page's top heading
    /// (0 is the top heading itself). The app nests at most four levels and
    /// the core allows a top of at most 3, so h6 is the deepest; beyond it a
    /// heading stays h6 rather than becoming an invalid tag.
    pub fn tag(self, depth: u8) -> &'static str {
        const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        TAGS[usize::from(self.top.saturating_sub(1) + depth).min(5)]
    }

    /// The tag of each page's own element: `main`, or a `section` that the
    /// page's heading names (a region landmark) inside a partner's page.
    pub fn landmark(self) -> &'static str {
        if self.main {
            "main"
        } else {
            "section"
        }
    }

    /// The level of the help panel's heading. The panel opens above the
    /// page's heading, so it takes the page heading's own level inside a
    /// partner's page (just below the partner's heading, never a skipped
    /// level); on the app's own site it stays an h2 before the h1.
    pub fn panel_tag(self) -> &'static str {
        self.tag(if self.top == 1 { 1 } else { 0 })
    }

    /// A heading `depth` levels below the page's top heading, with the
    /// class `hd<depth>` that styles it the same at every level.
    pub fn heading(self, depth: u8) -> Heading {
        const CLASSES: [&str; 4] = ["hd0", "hd1", "hd2", "hd3"];
        Heading::new(self.tag(depth), CLASSES[usize::from(depth).min(3)])
    }

    /// The help panel's heading ([`Outline::panel_tag`]), styled as a
    /// section heading.
    pub fn panel_heading(self) -> Heading {
        Heading::new(self.panel_tag(), "hd1")
    }

    /// A whole page: its [`Outline::landmark`] element with the class
    /// `page`, named by the page's top heading (`main-heading`), around
    /// `content`.
    pub fn page(self, page: &'static str, content: Html) -> Html {
        let mut element = VTag::new(self.landmark());
        element.add_attribute("id", "main");
        element.add_attribute("aria-labelledby", "main-heading");
        element.add_attribute("class", page);
        element.add_child(content);
        element.into()
    }
}

/// A heading element being put together; [`Heading::with`] gives the
/// finished node.
///
/// Built here once instead of with Yew's dynamic tags (`<@{tag}>`) in
/// every view: the `html!` macro writes each dynamic tag out three times
/// (in case it is an input or a textarea), which cost about 5 KB gzip of
/// the first load for the app's 52 headings and page landmarks.
pub struct Heading {
    element: VTag,
}

impl Heading {
    fn new(tag: &'static str, class: &'static str) -> Heading {
        let mut element = VTag::new(tag);
        element.add_attribute("class", class);
        Heading { element }
    }

    /// Gives the heading an id (for a jump link or `aria-labelledby`).
    pub fn id(mut self, id: impl Into<AttrValue>) -> Heading {
        self.element.add_attribute("id", id);
        self
    }

    /// Lets the app move focus to the heading (`tabindex="-1"`), as it does
    /// to a page's top heading when the page changes.
    pub fn focusable(mut self) -> Heading {
        self.element.add_attribute("tabindex", "-1");
        self
    }

    /// Replaces the level's class by `class` (which should keep it, as in
    /// `"hd1 signal-title"`).
    pub fn class(mut self, class: &'static str) -> Heading {
        self.element.add_attribute("class", class);
        self
    }

    /// The heading with `content` inside.
    pub fn with(mut self, content: impl Into<Html>) -> Html {
        self.element.add_child(content.into());
        self.element.into()
    }
}

/// The outline of the pages, from the partner's configuration (the app's
/// own site: h1 and main).
#[hook]
pub fn use_outline() -> Outline {
    use_context::<PartnerContext>()
        .map(|partner| partner.outline())
        .unwrap_or_default()
}

/// The CSS custom property for a theme setting: `primary_text` →
/// `--nm-primary-text`. `style.css` uses exactly these names.
pub fn css_property(name: &str) -> String {
    format!("--nm-{}", name.replace('_', "-"))
}

/// Sets the theme's custom properties on `root`.
///
/// Goes through the CSSOM (`style.setProperty`), which a strict
/// `style-src` without `'unsafe-inline'` allows, unlike a `style`
/// attribute. The values were checked by the core (hex colours, plain font
/// names), so nothing else can reach the style sheet.
pub fn apply_theme(root: &web_sys::Element, theme: &Theme) {
    let Ok(style) = js_sys::Reflect::get(root, &JsValue::from_str("style")) else {
        return;
    };
    let Ok(set) = js_sys::Reflect::get(&style, &JsValue::from_str("setProperty")) else {
        return;
    };
    let Ok(set) = set.dyn_into::<js_sys::Function>() else {
        return;
    };
    for (name, value) in &theme.properties {
        let _ = set.call2(
            &style,
            &JsValue::from_str(&css_property(name)),
            &JsValue::from_str(value),
        );
    }
}

/// Writes one console warning per configuration problem, for the partner's
/// web team, who will look in the console first.
pub fn warn_problems(problems: &[Problem]) {
    for problem in problems {
        let place = if problem.path.is_empty() {
            String::from("the configuration")
        } else {
            format!("`{}`", problem.path)
        };
        web_sys::console::warn_1(&JsValue::from_str(&format!(
            "Naastenmeter configuration: {place}: {}",
            problem.message
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_follow_the_top_level() {
        let site = Outline::default();
        assert_eq!(
            (site.tag(0), site.tag(3), site.landmark()),
            ("h1", "h4", "main")
        );
        assert_eq!(site.panel_tag(), "h2");
        let embedded = Partner::read(&crate::instrument::load().unwrap(), Some("{}")).outline();
        assert_eq!(
            embedded,
            Outline {
                top: 2,
                main: false
            }
        );
        assert_eq!(
            (embedded.tag(0), embedded.tag(3), embedded.landmark()),
            ("h2", "h5", "section")
        );
        assert_eq!(embedded.panel_tag(), "h2");
        let deep = Outline { top: 3, main: true };
        assert_eq!((deep.tag(3), deep.tag(9)), ("h6", "h6"));
    }

    #[test]
    fn headings_and_pages_are_built_at_their_level() {
        fn parts(node: Html) -> (String, Vec<(String, String)>) {
            let Html::VTag(tag) = node else {
                panic!("not an element")
            };
            let attributes = tag
                .attributes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            (tag.tag().to_string(), attributes)
        }
        let embedded = Outline {
            top: 2,
            main: false,
        };
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            parts(embedded.heading(1).id("x").focusable().with("Title")),
            (
                "h3".to_string(),
                vec![
                    pair("class", "hd1"),
                    pair("id", "x"),
                    pair("tabindex", "-1")
                ]
            )
        );
        assert_eq!(
            parts(
                Outline::default()
                    .heading(2)
                    .class("hd2 extra")
                    .with("Title")
            ),
            ("h3".to_string(), vec![pair("class", "hd2 extra")])
        );
        assert_eq!(parts(embedded.panel_heading().with("Help")).0, "h2");
        assert_eq!(
            parts(embedded.page("welcome", html! { <p>{ "text" }</p> })),
            (
                "section".to_string(),
                vec![
                    pair("id", "main"),
                    pair("aria-labelledby", "main-heading"),
                    pair("class", "welcome")
                ]
            )
        );
        assert_eq!(parts(Outline::default().page("result", html! {})).0, "main");
    }

    #[test]
    fn theme_names_become_custom_properties() {
        assert_eq!(css_property("primary"), "--nm-primary");
        assert_eq!(css_property("primary_text"), "--nm-primary-text");
        assert_eq!(css_property("font_family"), "--nm-font-family");
    }
}
