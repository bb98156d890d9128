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

/// The default instrument, whose answers can fit no description.
fn default_instrument() -> Questionnaire {
    load_instrument(include_bytes!("../../instruments/naastenmeter-v1.json"))
        .expect("the default instrument is valid")
}

/// Every item of every scale at option `position` (0 = lowest), reverse-keyed
/// items turned round, so every scale scores at the same end.
fn every_scale_at(ins: &Questionnaire, position: usize) -> naastenmeter_core::Answers {
    let mut answers = naastenmeter_core::Answers::new();
    for scale in &ins.scales {
        for id in &scale.items {
            let item = ins.item(id).unwrap();
            let rs = ins.response_scale_of(id).unwrap();
            let p = position.min(rs.options.len() - 1);
            let option = if item.reverse {
                &rs.options[rs.options.len() - 1 - p]
            } else {
                &rs.options[p]
            };
            answers.set_value(id, option.value);
        }
    }
    answers
}

/// An offer keyed to a band fits a result with that band even when no
/// description fits, and prototypes and bands are alternatives: one of
/// either is enough. Behaviours still narrow it down.
#[test]
fn offers_fit_by_band_when_no_description_fits() {
    let ins = default_instrument();
    let (config, problems) = read_partner_config(
        br#"{"local_offers": [
            {"kind": "respite", "name": "A", "description": "A.", "bands": {"burden": ["high"]}},
            {"kind": "training", "name": "B", "description": "B.", "prototypes": ["balanced"], "bands": {"burden": ["high"]}},
            {"kind": "peer_group", "name": "C", "description": "C.", "prototypes": ["balanced"]},
            {"kind": "one_to_one", "name": "D", "description": "D.", "bands": {"burden": ["low"], "loneliness": ["high"]}},
            {"kind": "listening_ear", "name": "E", "description": "E.", "bands": {"burden": ["high"]}, "behaviours": ["aggression"]}
        ]}"#,
        &ins,
    );
    assert!(problems.is_empty(), "{problems:?}");

    let heavy = score(&ins, every_scale_at(&ins, 99)).unwrap();
    assert!(
        heavy.classification.counted().is_empty(),
        "{:?}",
        heavy.classification.fit
    );
    assert_eq!(heavy.scale("burden").unwrap().band.as_deref(), Some("high"));
    assert_eq!(
        heavy.scale("loneliness").unwrap().band.as_deref(),
        Some("high")
    );
    assert_eq!(
        fitting(&config, &ins, &heavy),
        [true, true, false, true, false]
    );

    // The lightest answers: burden low, no high loneliness; B and C fit by
    // their prototype only if "balanced" counts, D by its low burden.
    let light = score(&ins, every_scale_at(&ins, 0)).unwrap();
    assert_eq!(light.scale("burden").unwrap().band.as_deref(), Some("low"));
    let balanced = light.classification.counted().contains(&"balanced");
    assert_eq!(
        fitting(&config, &ins, &light),
        [false, balanced, balanced, true, false]
    );

    // A band scored without enough answers is no band to match.
    let mut few = naastenmeter_core::Answers::new();
    let first = &ins.scale("burden").unwrap().items[0];
    few.set_value(
        first,
        ins.response_scale_of(first)
            .unwrap()
            .options
            .last()
            .unwrap()
            .value,
    );
    let few = score(&ins, few).unwrap();
    assert!(!few.scale("burden").unwrap().enough);
    assert!(!fitting(&config, &ins, &few)[0]);
}

/// A wrong scale or band is named with its offer and key; the offer is kept
/// and never fits more because of it.
#[test]
fn unknown_scales_and_bands_are_named() {
    let ins = common::instrument();
    let (config, problems) = read_partner_config(
        br#"{"local_offers": [
            {"kind": "respite", "name": "A", "description": "A.", "bands": {"burden": ["high", "huge"], "stress": ["high"]}},
            {"kind": "respite", "name": "B", "description": "B.", "bands": {"burden": "high"}}
        ]}"#,
        &ins,
    );
    let found: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.path.clone(), p.message.clone()))
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(found[0].0, "local_offers[0].bands.burden[1]");
    assert!(
        found[0]
            .1
            .starts_with("unknown band `huge` of scale `burden`; known are: low, middle, high"),
        "{found:#?}"
    );
    assert_eq!(found[1].0, "local_offers[0].bands.stress");
    assert!(
        found[1]
            .1
            .starts_with("unknown scale `stress`; known are: burden"),
        "{found:#?}"
    );
    // A list was expected: the whole offer is refused, with its path.
    assert_eq!(found[2].0, "local_offers[1]");
    assert_eq!(config.local_offers.len(), 1);

    // Only the unknown band is listed for a high burden: it fits no one.
    let heavy = score(&ins, common::all_items_at(&ins, 99)).unwrap();
    assert_eq!(heavy.scale("burden").unwrap().band.as_deref(), Some("high"));
    let (only_unknown, _) = read_partner_config(
        br#"{"local_offers": [{"kind": "respite", "name": "A", "description": "A.", "bands": {"stress": ["high"]}}]}"#,
        &ins,
    );
    assert_eq!(fitting(&only_unknown, &ins, &heavy), [false]);
}

/// The heading level and the main landmark: the partner's choice, else
/// h2 and no main inside an embed, h1 and main on the app's own site.
#[test]
fn heading_level_and_main_landmark() {
    let (config, problems) = read(r#"{"heading_level": 3, "main_landmark": true}"#);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.top_heading_level(true), 3);
    assert!(config.uses_main_landmark(true));

    let defaults = PartnerConfig::default();
    assert_eq!(defaults.top_heading_level(true), 2);
    assert_eq!(defaults.top_heading_level(false), 1);
    assert!(!defaults.uses_main_landmark(true));
    assert!(defaults.uses_main_landmark(false));

    let (config, problems) = read(r#"{"heading_level": 4, "main_landmark": "no"}"#);
    assert_eq!(config.heading_level, None);
    assert_eq!(config.main_landmark, None);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("at heading_level: the heading level must be 1, 2 or 3, not 4"),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("at main_landmark:"), "{problems:?}");
    let (_, problems) = read(r#"{"heading_level": 0}"#);
    assert!(problems[0].contains("not 0"), "{problems:?}");
}

/// The partner configuration's JSON Schema (docs/partner-config.schema.json)
/// names exactly the settings the reader knows, each example in it reads
/// without a problem, and its lists of ids are the default instrument's;
/// the demo partner site's block reads without a problem too.
#[test]
fn the_schema_and_the_demo_site_match_the_reader() {
    let ins = default_instrument();
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../docs/partner-config.schema.json")).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    assert_eq!(
        schema["properties"]["address"]["enum"],
        serde_json::json!(["formal", "informal"])
    );
    for (name, property) in properties {
        let example = &property["examples"][0];
        assert!(!example.is_null(), "{name} has an example");
        let mut one = serde_json::Map::new();
        one.insert(name.clone(), example.clone());
        let config = serde_json::Value::Object(one).to_string();
        let (_, problems) = read_partner_config(config.as_bytes(), &ins);
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
    // A setting the schema does not name is unknown to the reader, and the
    // reader's message lists exactly the schema's settings.
    let (_, problems) = read_partner_config(br#"{"colour": "blue"}"#, &ins);
    let mut known: Vec<&str> = properties.keys().map(String::as_str).collect();
    known.sort_unstable();
    let message = &problems[0].message;
    let mut listed: Vec<&str> = message
        .trim_start_matches("unknown setting; known settings are ")
        .split([',', ' '])
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    listed.sort_unstable();
    assert_eq!(listed, known, "{message}");

    let ids = |pointer: &str| -> Vec<String> {
        schema
            .pointer(pointer)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let offer = "/$defs/offer/properties";
    let prototypes: Vec<String> = ins.prototypes.iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids(&format!("{offer}/prototypes/items/enum")), prototypes);
    let behaviours: Vec<String> = ins
        .context_question(ins.behaviour_question.as_deref().unwrap())
        .unwrap()
        .options
        .iter()
        .map(|o| o.id.clone())
        .collect();
    assert_eq!(ids(&format!("{offer}/behaviours/items/enum")), behaviours);
    let scales = schema
        .pointer(&format!("{offer}/bands/properties"))
        .unwrap()
        .as_object()
        .unwrap();
    let scale_ids: Vec<&str> = ins.scales.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        scales
            .keys()
            .map(String::as_str)
            .collect::<std::collections::BTreeSet<_>>(),
        scale_ids.iter().copied().collect()
    );
    for scale in &ins.scales {
        let bands: Vec<String> = scale.bands.iter().map(|b| b.id.clone()).collect();
        assert_eq!(ids("/$defs/band_ids/items/enum"), bands, "{}", scale.id);
    }

    let demo = include_str!("../../examples/partner-site/index.html");
    let block = demo
        .split("data-naastenmeter-config>")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap();
    let (config, problems) = read_partner_config(block.as_bytes(), &ins);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.local_offers.len(), 5);
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
