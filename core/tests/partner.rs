//! Partner configuration: what is right is kept, what is wrong is dropped
//! with a problem naming its path, and nothing unsafe reaches the page.

mod common;

use naastenmeter_core::partner::{
    is_safe_link, read_partner_config, Exports, OfferKind, PartnerConfig,
};
use naastenmeter_core::{load_instrument, score, Questionnaire, Scored};

fn read(json: &str) -> (naastenmeter_core::partner::PartnerConfig, Vec<String>) {
    let (config, problems) = read_partner_config(json.as_bytes(), &common::instrument());
    (config, problems.iter().map(|p| p.to_string()).collect())
}

#[test]
fn a_good_configuration_is_read_whole() {
    let (config, problems) = read(
        r##"{
        "language": "en",
        "theme": {"primary": "#00657f", "font_family": "\"Open Sans\", Arial, sans-serif"},
        "quick_exit_url": "https://www.buienradar.nl",
        "partner_name": {"nl": "GGZ Voorbeeld", "en": "Example Mental Health"},
        "partner_logo": "data:image/png;base64,iVBORw0KGgo=",
        "local_offers": [{
            "kind": "peer_group",
            "name": "Lotgenotengroep Utrecht",
            "description": {"nl": "Elke maand praten met andere naasten.", "en": "Talk with other relatives every month."},
            "contact": [{"label": "030 123 4567", "href": "tel:+31301234567"}, {"label": "Website", "href": "https://example.nl/groep"}],
            "prototypes": ["lonely"],
            "behaviours": ["substances"]
        }],
        "exports": {"fhir": false}
    }"##,
    );
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(config.language.as_deref(), Some("en"));
    assert_eq!(config.theme.properties["primary"], "#00657f");
    assert_eq!(
        config.partner_name.unwrap().pick("en"),
        "Example Mental Health"
    );
    assert_eq!(config.local_offers[0].kind, OfferKind::PeerGroup);
    assert_eq!(config.local_offers[0].contact.len(), 2);
    assert_eq!(
        config.exports,
        Exports {
            fhir: false,
            ..Exports::default()
        }
    );
}

#[test]
fn wrong_parts_are_dropped_and_named() {
    let (config, problems) = read(
        r##"{
        "language": "de",
        "theme": {"primary": "red; background: url(https://evil)", "glow": "#fff", "text": "#222"},
        "quick_exit_url": "javascript:alert(1)",
        "professional_url": "https://example.nl/pro#x",
        "partner_logo": "http://insecure.example/logo.png",
        "local_offers": [
            {"kind": "peer_group", "name": "Goed", "description": "Goed aanbod.",
             "contact": [{"label": "klik", "href": "javascript:alert(1)"}, {"label": "mail", "href": "mailto:info@example.nl"}],
             "prototypes": ["hero"], "behaviours": ["gambling"]},
            {"kind": "spa_day", "name": "Fout", "description": "Fout."}
        ],
        "colour": "blue"
    }"##,
    );
    let expect = [
        "at language: language `de` is not available",
        "at theme.primary: `red; background: url(https://evil)` is not a hex colour",
        "at theme.glow: unknown theme property",
        "at quick_exit_url: the quick-exit address must be an `https://` address",
        "at professional_url: the professional view's address must be an `https://` address without `#`",
        "at partner_logo: the logo must be",
        "at local_offers[0].contact[0].href: links must start with",
        "at local_offers[0].prototypes[0]: unknown prototype `hero`",
        "at local_offers[0].behaviours[0]: unknown behaviour `gambling`",
        "at local_offers[1]: unknown variant `spa_day`",
        "at colour: unknown setting",
    ];
    for fragment in expect {
        assert!(
            problems.iter().any(|p| p.contains(fragment)),
            "missing `{fragment}` in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");
    // What was right survives.
    assert_eq!(config.language, None);
    assert_eq!(config.theme.properties.len(), 1);
    assert_eq!(config.theme.properties["text"], "#222");
    assert_eq!(config.quick_exit_url, None);
    assert_eq!(config.local_offers.len(), 1);
    assert_eq!(
        config.local_offers[0].contact[0].href,
        "mailto:info@example.nl"
    );
}

#[test]
fn not_json_gives_the_defaults_and_one_problem() {
    let (config, problems) = read("{\"language\": ");
    assert_eq!(config, Default::default());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("using the defaults"), "{problems:?}");
    let (_, problems) = read("[1, 2]");
    assert_eq!(problems.len(), 1);
}

#[test]
fn only_safe_links_pass() {
    for good in [
        "https://example.nl",
        "tel:+31301234567",
        "mailto:a@b.nl",
        "HTTPS://EXAMPLE.NL",
    ] {
        assert!(is_safe_link(good), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "http://example.nl",
        "data:text/html,<b>",
        " javascript:x",
        "https://a\" onload=\"x",
        "vbscript:x",
        "",
    ] {
        assert!(!is_safe_link(bad), "{bad}");
    }
}

/// Three offers: for everyone, for the entrapped, for a loved one who uses substances.
const THREE_OFFERS: &str = r#"{"local_offers": [
    {"kind": "respite", "name": "A", "description": "A."},
    {"kind": "training", "name": "B", "description": "B.", "prototypes": ["entrapped"]},
    {"kind": "listening_ear", "name": "C", "description": "C.", "behaviours": ["substances"]}
]}"#;

/// Which of the configuration's offers fit a scored result.
fn fitting(config: &PartnerConfig, ins: &Questionnaire, scored: &Scored) -> Vec<bool> {
    config
        .local_offers
        .iter()
        .map(|o| o.fits(ins, scored))
        .collect()
}

#[test]
fn offers_fit_by_prototype_and_behaviour() {
    let ins = common::instrument();
    let (config, problems) = read(THREE_OFFERS);
    assert!(problems.is_empty(), "{problems:?}");

    // Every item at its lowest: the result counts only "balanced".
    let light = score(&ins, common::all_items_at(&ins, 0)).unwrap();
    assert_eq!(light.classification.counted(), ["balanced"]);
    assert_eq!(fitting(&config, &ins, &light), [true, false, false]);

    // Every item at its highest: "entrapped" counts (alone or with the
    // runner-up), "balanced" does not.
    let heavy = score(&ins, common::all_items_at(&ins, 99)).unwrap();
    let counted = heavy.classification.counted();
    assert!(
        counted.contains(&"entrapped") && !counted.contains(&"balanced"),
        "{counted:?}"
    );
    assert_eq!(fitting(&config, &ins, &heavy), [true, true, false]);

    // The behaviour chosen at the instrument's behaviour question.
    let mut answers = light.answers().clone();
    answers.set_choices("behaviours", &["substances"]);
    let with_substances = score(&ins, answers).unwrap();
    assert_eq!(with_substances.classification.counted(), ["balanced"]);
    assert_eq!(
        fitting(&config, &ins, &with_substances),
        [true, false, true]
    );
}

/// The behaviour question is the one the instrument names, not a fixed id:
/// renamed, it still works; not named, offers keyed to behaviours fit no
/// one (there is nothing to match them against) and the others still fit.
#[test]
fn offers_follow_the_behaviour_question_the_instrument_names() {
    let ins = common::instrument();
    assert_eq!(ins.behaviour_question.as_deref(), Some("behaviours"));

    // Renamed everywhere: the question, its section, conditions and the
    // instrument's `behaviour_question`.
    let json = common::TEST_INSTRUMENT.replace("\"behaviours\"", "\"conduct\"");
    let renamed = load_instrument(json.as_bytes()).expect("the renamed instrument is valid");
    assert_eq!(renamed.behaviour_question.as_deref(), Some("conduct"));
    let (config, problems) = read_partner_config(THREE_OFFERS.as_bytes(), &renamed);
    assert!(problems.is_empty(), "{problems:?}");
    let mut answers = common::all_items_at(&renamed, 0);
    answers.set_choices("conduct", &["substances"]);
    let scored = score(&renamed, answers).unwrap();
    assert_eq!(fitting(&config, &renamed, &scored), [true, false, true]);

    let mut unnamed = ins.instrument().clone();
    unnamed.behaviour_question = None;
    let unnamed = Questionnaire::new(unnamed).expect("an instrument without one is valid");
    let (config, problems) = read_partner_config(THREE_OFFERS.as_bytes(), &unnamed);
    // The offer keyed to a behaviour is kept, with a problem naming its path.
    assert_eq!(config.local_offers.len(), 3);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "local_offers[2].behaviours[0]");
    let mut answers = common::all_items_at(&unnamed, 0);
    answers.set_choices("behaviours", &["substances"]);
    let scored = score(&unnamed, answers).unwrap();
    assert_eq!(fitting(&config, &unnamed, &scored), [true, false, false]);
}

#[test]
fn a_professional_address_is_kept() {
    let (config, problems) =
        read(r#"{"professional_url": "https://ggz.example.nl/voor-hulpverleners"}"#);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        config.professional_url.as_deref(),
        Some("https://ggz.example.nl/voor-hulpverleners")
    );
}

#[test]
fn the_form_of_address_is_read_and_a_wrong_one_is_named() {
    use naastenmeter_core::partner::Address;
    let (config, problems) = read(r#"{"language": "nl", "address": "formal"}"#);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(config.address, Address::Formal);
    assert_eq!(config.address.text_key("nl"), "nl-formal");
    assert_eq!(read("{}").0.address, Address::Informal);
    assert_eq!(Address::Informal.text_key("nl"), "nl");

    let (config, problems) = read(r#"{"address": "polite"}"#);
    assert_eq!(config.address, Address::Informal);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("at address: `polite` is not a form of address; write `formal`"),
        "{problems:#?}"
    );
    let (_, problems) = read(r#"{"address": true}"#);
    assert!(problems[0].starts_with("at address: "), "{problems:#?}");

    // The variant is not a language of its own: the partner is pointed to
    // `address`, and the language stays unset.
    let (config, problems) = read(r#"{"language": "nl-formal"}"#);
    assert_eq!(config.language, None);
    assert!(
        problems[0].contains("`nl-formal` is a form of address, not a language"),
        "{problems:#?}"
    );
}

/// `docs/partner-config.schema.json` names exactly the settings the reader
/// knows (the list its "unknown setting" problem gives), the forms of
/// address and the kinds of offers, so the schema cannot drift unseen.
#[test]
fn the_partner_schema_names_every_setting() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../docs/partner-config.schema.json")).unwrap();
    let mut documented: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    documented.sort_unstable();
    let (_, problems) = read(r#"{"no_such_setting": 1}"#);
    let known = problems[0]
        .split_once("known settings are ")
        .unwrap()
        .1
        .replace(" and ", ", ");
    let mut known: Vec<&str> = known.split(", ").collect();
    known.sort_unstable();
    assert_eq!(documented, known);
    assert_eq!(
        schema["properties"]["address"]["enum"],
        serde_json::json!(["formal", "informal"])
    );
    for kind in schema["properties"]["local_offers"]["items"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
    {
        let offer =
            format!(r#"{{"local_offers": [{{"kind": {kind}, "name": "a", "description": "b"}}]}}"#);
        assert!(read(&offer).1.is_empty(), "{kind}");
    }
}
