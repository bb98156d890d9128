//! The app's words in Dutch, the reference language: every field of
//! [`Strings`], in its order. Plain language (B1): short sentences,
//! everyday words, "je" and "jij" to the relative (the formal "u" is
//! `nl_formal.rs`, which overrides only those texts). The professional view
//! (`pro_*`) speaks to a professional about the relative ("de naaste"),
//! in plain, professional Dutch with short sentences.

use super::{PageMessages, Strings};
use naastenmeter_core::conversation::ChangeGoal;

/// The Dutch table (a `const`, so that the formal table, `nl_formal.rs`,
/// can take every field it does not change from it).
pub(super) const NL: Strings = Strings {
    // The language itself.
    own_name: "Nederlands",
    switch_language: "English",
    list_and: " en ",
    decimal_separator: ",",
    date: |year, month, day| format!("{day}-{month}-{year}"),
    date_at_time: |date, time| format!("{date} om {time}"),
    unknown_date: "onbekende datum",

    // The top bar, on every page.
    skip_to_content: "Naar de inhoud",
    quick_exit: "Snel weg",
    quick_exit_hint: "Wist alles en opent een weerbericht.",
    help_link: "Hulp nodig?",

    // The welcome page.
    welcome_heading: "Hoe gaat het met jou als naaste?",
    welcome_what: "Deze vragenlijst is voor jou als naaste: je zorgt voor iemand met ernstige psychische problemen of een verslaving. Bijvoorbeeld je kind, partner, ouder, broer of zus.",
    welcome_for_whom: "Na de vragen zie je hoe het met je gaat. Je ziet ook welke beschrijving bij je past en wat je kan helpen.",
    welcome_time: "Het invullen duurt ongeveer 10 minuten. Je mag vragen overslaan.",
    welcome_privacy: "Je antwoorden blijven op dit apparaat. Er gaat niets naar internet. Je bewaart of deelt alleen iets als je daar zelf voor kiest.",
    welcome_skip: "Wil je stoppen? Met 'Stoppen en wissen' of 'Snel weg' verdwijnt alles meteen.",
    not_a_diagnosis: "Dit is geen diagnose. De uitslag is een begin voor een gesprek, bijvoorbeeld met een hulpverlener of met mensen die je vertrouwt.",
    start: "Begin",
    resume: "Verder waar je was",
    start_over: "Opnieuw beginnen",
    professional_link: "Voor hulpverleners: een uitslag openen",
    earlier_link: "Eerdere uitslagen en vergelijken",
    paper_link: "Liever op papier? De vragenlijst om te printen",

    // The questions.
    page_of: |page, pages| format!("Pagina {page} van {pages}"),
    part_of: |part, parts, title| format!("Deel {part} van {parts}: {title}"),
    progress_label: "Voortgang",
    back: "Terug",
    next: "Volgende",
    to_result: "Naar de uitslag",
    skipped: "Overgeslagen",
    clear_answer: "Antwoord weghalen",
    scale_key_intro: "Kies bij elke zin een cijfer. De cijfers betekenen:",
    stop_and_erase: "Stoppen en wissen",
    signal_at_question: "Over je antwoord hierboven",

    // The result page: signals and the short summary.
    result_heading: "Jouw uitslag",
    signals_heading: "Let hierop",
    urgent: "Dringend",
    attention: "Aandacht nodig",
    in_short_heading: "In het kort",
    next_steps_heading: "Wat je nu zou kunnen doen",
    toc_heading: "Meer over je uitslag",
    weighs_heavy: |scales| format!("Weegt nu zwaar: {scales}."),
    weighs_middle: |scales| format!("Weegt soms zwaar: {scales}."),
    weighs_light: |scales| format!("Weegt nu licht: {scales}."),
    no_score_for: |scales| format!("Te weinig antwoorden voor: {scales}."),
    best_fit: |name, strength| format!("Deze beschrijving past het best: {name} ({strength})."),
    two_fit: |first, second| {
        format!("Twee beschrijvingen passen ongeveer even goed: {first} en {second}.")
    },
    in_short_lighter: "Geen beschrijving past goed. Je scores zijn lichter dan in alle beschrijvingen.",
    in_short_heavier: "Geen beschrijving past goed. Je scores zijn zwaarder dan in de beschrijvingen.",
    in_short_mixed: "Geen beschrijving past goed. Je scores zijn deels licht en deels zwaar.",
    in_short_too_few: "Je hebt te weinig vragen beantwoord om een beschrijving te kiezen.",

    // The result page: help for the relative first.
    help_first_heading: "Eerst: hulp voor jezelf",
    help_first_intro: "Je antwoorden laten zien dat het met jou zelf nu niet goed gaat. Het kan helpen om er vandaag met iemand over te praten.",
    help_first_why: "Hieronder staan tips en manieren om met je dierbare om te gaan. Die komen nu op de tweede plaats. Eerst is het belangrijk dat jij zelf hulp krijgt. Tips over je dierbare helpen minder als het met jou niet goed gaat.",
    help_first_with: "Bijvoorbeeld met:",
    help_first_above: "Wie je kunt bellen of spreken, staat hierboven.",

    // The result page: scores.
    scores_heading: "Hoe het met je gaat",
    scores_intro: "Per onderdeel zie je jouw score als balk. Onder de balk staat wat die score betekent.",
    chart_mark_intro: "Een streep met een naam laat zien hoe mensen bij die beschrijving meestal scoren.",
    chart_typical: "Typisch voor:",
    table_caption: "Jouw scores per onderdeel",
    col_part: "Onderdeel",
    col_score: "Jouw score",
    col_band: "Betekenis",
    col_answered: "Beantwoord",
    col_range: "Laagste en hoogste score",
    range: |low, high| format!("{low} tot {high}"),
    no_score: "geen score",
    too_few: |answered, total| {
        format!("{answered} van {total} vragen beantwoord. Dat is te weinig voor een betrouwbare score.")
    },
    out_of: |value, max| format!("{value} van de {max}"),

    // The result page: the descriptions (prototypes).
    prototype_heading: "Welke beschrijving past bij jou",
    prototype_fits: "Deze beschrijving past het best bij je antwoorden.",
    prototype_uncertain: "Je antwoorden passen bij twee beschrijvingen ongeveer even goed. Lees ze allebei en kijk wat je herkent.",
    fit_chance: "Berekende kans",
    inputs_used: |used, total| format!("Gebaseerd op {used} van de {total} onderdelen."),
    provisional_note: "Let op: het rekenmodel is voorlopig. Het is nog niet getoetst met antwoorden van echte naasten.",
    feelings: "Hoe je je vaak voelt",
    what_may_help: "Wat kan helpen",
    none_fits_intro: "Je antwoorden passen bij geen van de beschrijvingen goed.",
    none_fits_lighter: "Je scores zijn op elk onderdeel lichter dan in alle beschrijvingen. Dat is fijn om te zien. Het lijkt erop dat je nu minder last hebt dan veel andere naasten.",
    none_fits_heavier: "Je scores zijn zwaarder dan in de beschrijvingen. Je draagt nu veel. Dat verdient aandacht en steun. Je hoeft het niet alleen te doen.",
    none_fits_mixed: "Op sommige onderdelen zijn je scores lichter, op andere zwaarder. Die mix staat in geen van de beschrijvingen. Dat is niet erg: iedereen is anders.",
    still_use: "Je kunt je scores per onderdeel wel gebruiken. Dat geldt ook voor de tips die erbij horen. Je vindt ze op deze pagina.",
    too_few_inputs, // A function below: it chooses between two wordings.
    too_few_more: "Wil je toch een beschrijving zien? Dan kun je teruggaan en meer vragen invullen.",

    // The result page: advice, ratings, about.
    methods_heading: "Wat je kunt doen",
    techniques_heading: "Omgaan met gedrag dat je noemde",
    techniques_intro: "Je noemde gedrag dat je moeilijk vindt. Deze manieren van praten en reageren kunnen helpen.",
    tips_heading: "Tips",
    offers_heading: "Steun voor jou",
    ratings_heading: "Jouw cijfers",
    not_answered: "niet ingevuld",
    learn_more: "Meer weten",
    about_heading: "Over deze uitslag",
    about_method: "Je scores zijn het gemiddelde van je antwoorden per onderdeel. Een rekenmodel vergelijkt je scores met vier beschrijvingen van naasten en berekent hoe goed elke beschrijving past.",
    about_uncertainty: "Dat is een schatting, geen zekerheid. Als geen beschrijving duidelijk het best past, zie je er twee.",
    about_provisional: "Het rekenmodel is voorlopig. Het wordt later vervangen door een model dat met antwoorden van veel naasten is getoetst.",
    made_on: "Gemaakt op",

    // Help contacts.
    help_now_heading: "Hulp nodig, nu meteen?",
    phone: "Bel",
    website: "Website",
    help_panel_intro: "Hier vind je mensen die je nu kunt bellen of spreken. Je antwoorden blijven staan.",
    help_panel_close: "Sluit hulp",

    // Exports and remembering.
    exports_heading: "Bewaren of meenemen",
    exports_intro: "Er wordt niets bewaard of verstuurd, tenzij je hieronder zelf iets kiest. Bij elke keuze staat wat erin komt.",
    downloads_stay: "Een bestand dat je downloadt, blijft in de map Downloads van dit apparaat. Ook na \"Snel weg\". Gebruikt iemand anders dit apparaat? Wis het bestand dan zelf.",
    quick_exit_downloaded: "Je hebt een bestand gedownload. \"Snel weg\" wist dat niet. Het staat nog in de map Downloads.",
    print: "Afdrukken of opslaan als pdf",
    print_contains: "Een samenvatting van 1 of 2 pagina's. Met je scores, de beschrijving die past, wat kan helpen en waar je hulp vindt.",
    json: "Download als bestand (JSON)",
    json_contains: "Al je antwoorden en de uitslag. Je kunt dit bestand later hier weer openen of aan een hulpverlener geven.",
    fhir: "Download voor een zorgdossier (FHIR)",
    fhir_contains: "Al je antwoorden in de standaard die zorgverleners gebruiken (FHIR). Voor het dossier van een hulpverlener.",
    csv: "Download als tabel (CSV)",
    csv_contains: "Al je antwoorden en scores in één regel, voor een rekenblad.",
    share: "Maak een deelcode",
    share_contains: "Een korte code met al je antwoorden. Wie de code heeft, kan je antwoorden en uitslag zien. Deel hem alleen met wie je vertrouwt.",
    share_code_label: "Jouw deelcode",
    copy: "Kopieer de code",
    qr_label: "QR-code van je deelcode",
    print_score: "Score",
    print_band: "Hoe zwaar",
    card_heading: "Voorbereiden op het gesprek",
    card_intro: "Ga je praten met een hulpverlener? Schrijf hier alvast op wat je wilt bespreken. Het komt mee als je de uitslag print, downloadt of onthoudt. Het gaat niet mee in de deelcode.",
    card_worries: "Wat maakt je het meest zorgen?",
    card_worry_line: |n| format!("Zorg {n}"),
    card_goals: "Wat zou je willen veranderen?",
    change_goal: |goal| match goal {
        ChangeGoal::OwnLife => "Weer meer zelf bepalen in mijn leven",
        ChangeGoal::Contact => "Beter contact met mijn dierbare",
        ChangeGoal::Support => "Makkelijker steun vragen aan anderen",
        ChangeGoal::Myself => "Weer meer mezelf worden",
        ChangeGoal::Sadness => "Beter omgaan met verdriet en eenzaamheid",
        ChangeGoal::Knowledge => "Meer weten over de ziekte en de behandeling",
    },
    card_own_goal: "Of zeg het in je eigen woorden",
    card_questions: "Wat wil je vragen?",
    qr_explain: "Een hulpverlener kan deze QR-code scannen. Dan opent je uitslag bij hem of haar. De code gaat niet naar een server.",
    copied: "De code is gekopieerd.",
    copy_failed: "Kopiëren lukte niet. Schrijf de code over, of selecteer hem en kopieer hem zelf.",
    remember_heading: "Onthouden op dit apparaat",
    remember_explain: "Wil je later vergelijken hoe het met je gaat? Dan kan deze uitslag op dit apparaat blijven staan. Iedereen die dit apparaat gebruikt, kan hem dan zien. 'Snel weg' en 'Alles vergeten' wissen hem weer.",
    remember_yes: "Ja, onthoud deze uitslag op dit apparaat",
    remembered_done: "Deze uitslag staat nu op dit apparaat.",
    offline_heading: "Gebruiken zonder internet",
    offline_explain: "Wil je Naastenmeter ook zonder internet gebruiken? Dan bewaart je browser de bestanden van de app op dit apparaat. Je antwoorden komen daar niet bij. Maar iemand anders die dit apparaat gebruikt, kan zien dat de app erop staat. 'Snel weg' haalt de app weer weg.",
    offline_yes: "Ja, gebruik zonder internet op dit apparaat",
    offline_on: "Naastenmeter staat nu op dit apparaat. Het werkt ook zonder internet.",
    offline_remove_explain: "Alleen de app zelf staat erop, niet je antwoorden. Iemand anders die dit apparaat gebruikt, kan zien dat de app er staat.",
    offline_remove: "Haal de app weg van dit apparaat",
    update_waiting: "Er is een nieuwe versie van Naastenmeter. Die krijg je vanzelf als je de app de volgende keer opent.",

    // Earlier results and comparing.
    earlier_heading: "Eerdere uitslagen",
    earlier_intro: "Vergelijk je uitslag van nu met een eerdere uitslag. Je kunt ook een eerder bestand of een deelcode openen. Dat wordt niet bewaard.",
    earlier_none: "Er zijn nog geen eerdere uitslagen.",
    result_of: |date| format!("Uitslag van {date}"),
    made_with_version: |version| format!("Gemaakt met versie {version} van de vragenlijst"),
    remembered_label: "onthouden op dit apparaat",
    imported_label: "geopend, niet bewaard",
    compare: "Vergelijk met nu",
    compare_heading: "Nu en eerder",
    col_earlier: "Eerder",
    col_now: "Nu",
    col_change: "Verschil",
    heavier: "zwaarder",
    lighter: "lichter",
    about_the_same: "ongeveer gelijk",
    description_now: "De beschrijving die past, eerder en nu",
    description_same: "Dezelfde beschrijving als eerder.",
    signals_new: "Nieuw sinds de vorige keer",
    signals_gone: "Niet meer gezien sinds de vorige keer",
    signals_same: "De aandachtspunten zijn hetzelfde als eerder.",
    no_description: "geen beschrijving",
    compare_needs_now: "Vul eerst de vragenlijst in om met nu te vergelijken.",
    forget_all: "Alles vergeten",
    forget_all_confirm: "Ja, vergeet alle uitslagen op dit apparaat",
    forgotten: "Alle onthouden uitslagen zijn gewist.",

    // Opening a result (import) and the professional view.
    import_heading: "Een uitslag openen",
    import_intro: "Open een bestand (JSON) of typ een deelcode. Er wordt niets bewaard.",
    import_file: "Kies een bestand",
    import_code: "Deelcode",
    import_code_button: "Open de deelcode",
    imported_done: "De uitslag is geopend.",
    to_result_link: "Terug naar de uitslag",
    home: "Naar het begin",
    professional_heading: "Uitslag van een naaste",
    professional_intro: "Open het bestand of de deelcode van de naaste. Er wordt niets bewaard. Na het sluiten van de pagina is alles weg.",
    close_result: "Sluiten",

    // The professional view, once a result is open.
    pro_filled_in: |date| format!("Ingevuld op {date}."),
    pro_version: |title, version| format!("Vragenlijst: {title}, versie {version}."),
    pro_earlier_version: "Dat is een eerdere versie. Hieronder staan de vragen en regels van die versie.",
    pro_not_diagnosis: "Geen diagnose. De naaste vulde de vragen zelf in. De uitslag is een begin voor het gesprek.",
    pro_signals_heading: "Signalen",
    pro_no_signals: "Geen signalen. Geen van de veiligheidsregels van de vragenlijst sloeg aan.",
    pro_urgent_means: "De naaste kreeg het advies om nu hulp te zoeken.",
    pro_attention_means: "De naaste kreeg het advies om hier snel over te praten met een hulpverlener.",
    pro_raised_by: "Gegeven door:",
    pro_raised_by_scores: "Gegeven door de score op:",
    pro_message_label: "Tekst die de naaste las",
    pro_help_first: "Door deze signalen begint de uitslag van de naaste met hulp voor de naaste zelf. Tips over de dierbare komen daarna.",
    pro_scores_heading: "Scores",
    pro_scores_caption: "Gemiddelde score per onderdeel, met de uitkomst in woorden",
    pro_col_score: "Score (bereik)",
    pro_col_band: "Uitkomst",
    pro_answered: |answered, total| format!("{answered} van {total} vragen beantwoord"),
    pro_too_few: "te weinig antwoorden",
    pro_fit_heading: "Beschrijving die past",
    pro_fit: |name, strength, percent| format!("{name}: {strength} ({percent})."),
    pro_two_fit: "Twee beschrijvingen passen ongeveer even goed:",
    pro_none_lighter: "Geen beschrijving past. De scores zijn lichter dan in alle beschrijvingen.",
    pro_none_heavier: "Geen beschrijving past. De scores zijn zwaarder dan in de beschrijvingen.",
    pro_none_mixed: "Geen beschrijving past. De scores zijn deels lichter en deels zwaarder dan in de beschrijvingen.",
    pro_too_few_inputs: |needed, used, total| {
        format!("Geen beschrijving: te weinig antwoorden. Genoeg antwoorden op {used} van de {total} onderdelen; nodig: {needed}.")
    },
    pro_provisional: "Het rekenmodel is voorlopig. De kans is een schatting.",
    pro_card_heading: "Voorbereid voor het gesprek",
    pro_card_intro: "Dit schreef de naaste zelf op, voor het gesprek met een hulpverlener.",
    pro_card_worries: "Grootste zorgen",
    pro_card_goals: "Wil graag veranderen",
    pro_card_questions: "Vragen van de naaste",
    pro_answers_heading: "Alle antwoorden",
    pro_answers_intro: "Tussen aanhalingstekens staan de vragen zoals de naaste ze las. Een antwoord met ⚠ gaf een signaal.",
    pro_group_context: "Over de situatie",
    pro_group_other: "Overige vragen: welzijn en cijfers",
    pro_raised_mark: "Signaal:",
    pro_print: "Afdrukken (1 pagina)",
    pro_print_contains: "Op papier: datum, versie, signalen, scores en beschrijving. Niet alle antwoorden, en niet wat de naaste voorbereidde.",

    // Notices and errors: what went wrong and what to do.
    erased_notice: "Je antwoorden zijn gewist.",
    undo_erase_hint: |seconds| format!("Per ongeluk? Je kunt het nog {seconds} seconden terugzetten."),
    undo_erase: "Ongedaan maken",
    technical_detail: "Technische details (in het Engels)",
    error_too_large: |size, limit| format!("Dit bestand is te groot ({size} kB). Een bestand van Naastenmeter is nooit groter dan {limit} kB. Kies het bestand dat je uit Naastenmeter hebt bewaard."),
    error_not_an_export: "Dit bestand is geen uitslag van Naastenmeter, of het is beschadigd. Kies een bestand dat je bij 'Bewaren of meenemen' hebt opgeslagen (JSON of FHIR).",
    error_other_version: |found, expected| format!("Deze uitslag is gemaakt met een andere versie van de vragenlijst (versie {found}; hier is het versie {expected}). Daarom kan hij hier niet worden gelezen. Vul de vragenlijst opnieuw in als je wilt vergelijken."),
    error_changed_questionnaire: "Deze uitslag is gemaakt met een aangepaste vragenlijst. Daarom kan hij hier niet worden gelezen. Open hem op de website waar hij is gemaakt.",
    error_altered: "Dit bestand is veranderd nadat het is gemaakt. Daarom kunnen we de uitslag niet vertrouwen. Gebruik het bestand zoals Naastenmeter het heeft bewaard.",
    error_bad_answers: "De antwoorden in dit bestand passen niet bij deze vragenlijst. Vul de vragenlijst opnieuw in als je wilt vergelijken.",
    error_cannot_open: "Dit kon niet worden geopend.",
    code_empty: "Vul eerst de code in.",
    code_too_long: "Dit is veel langer dan een code van Naastenmeter. Kijk of je de goede tekst hebt geplakt.",
    code_bad_character: |position, character| format!("Teken {position} ('{character}') kan niet in een code staan. Een code heeft alleen cijfers en letters."),
    code_mistyped: "Deze code is niet compleet, of er zit een tikfout in. Kijk elk teken na.",
    fhir_no_questionnaire: "In dit FHIR-bestand staat niet bij welke vragenlijst de antwoorden horen. Daarom kunnen we het hier niet lezen.",
    fhir_server_reference: "Dit FHIR-bestand verwijst naar een vragenlijst op een andere computer (een server). We kunnen niet nagaan of dat deze vragenlijst is. Daarom lezen we het niet.",
    fhir_other_version: |found, expected| format!("Dit FHIR-bestand is gemaakt met een andere versie van de vragenlijst (versie {found}; hier is het versie {expected}). Daarom kan het hier niet worden gelezen."),
    fhir_other_questionnaire: "Dit FHIR-bestand hoort bij een andere vragenlijst. Daarom kan het hier niet worden gelezen.",
    fhir_entered_in_error: "In dit FHIR-bestand staat dat de antwoorden per vergissing zijn ingevuld. Daarom gebruiken we ze niet.",
    fhir_no_link_id: "In dit FHIR-bestand staat een antwoord zonder de vraag waar het bij hoort. Daarom kunnen we het niet lezen.",
    fhir_nested_items: |question| format!("In dit FHIR-bestand staan onder vraag {question} nog meer vragen. Die heeft deze vragenlijst niet, dus we weten niet waar die antwoorden bij horen."),
    fhir_answered_twice: |question| format!("In dit FHIR-bestand is vraag {question} twee keer beantwoord. We weten niet welk antwoord telt."),
    fhir_chosen_twice: |question, code| format!("In dit FHIR-bestand is bij vraag {question} het antwoord '{code}' twee keer gekozen. We weten niet wat er bedoeld is."),
    fhir_not_a_coding: |question| format!("In dit FHIR-bestand is vraag {question} niet beantwoord met een van de antwoorden van deze vragenlijst."),
    fhir_other_code_system: |question| format!("In dit FHIR-bestand komt het antwoord op vraag {question} uit een andere lijst met antwoorden. Het kan dan iets anders betekenen. Daarom lezen we het niet."),
    fhir_unknown_code: |question, code| format!("In dit FHIR-bestand heeft vraag {question} het antwoord '{code}'. Dat antwoord bestaat niet bij deze vraag."),
    fhir_unreadable: "Dit FHIR-bestand kan hier niet worden gelezen.",
    code_mistyped_or_other: "Deze code is niet compleet, of er zit een tikfout in. Of hij is gemaakt met een andere versie van de vragenlijst. Kijk elk teken na.",
    code_newer_version: "Deze code is gemaakt met een nieuwere versie van Naastenmeter. Open hem op de website waar hij is gemaakt.",
    code_other_questionnaire: "Deze code is gemaakt met een andere versie van de vragenlijst. Daarom kan hij hier niet worden gelezen.",
    code_unreadable: "Deze code kan niet worden gelezen.",
    error_score: "Je antwoorden konden niet worden verwerkt. Kijk je antwoorden na, of begin opnieuw.",
    error_storage: "Dit lukte niet in deze browser. Misschien is het geheugen vol, of staat opslaan uit (bijvoorbeeld in een privévenster).",

    // Embedded in a partner's site.
    local_offers_heading: "Hulp bij jou in de buurt",
    local_offers_at: |partner| format!("Steun bij {partner}"),
    local_offers_intro: "Deze organisatie biedt dit zelf aan. Het past bij jouw uitkomst.",
    contact: "Contact",
    offer_peer_group: "Groep met andere naasten",
    offer_listening_ear: "Luisterend oor",
    offer_theme_evening: "Themabijeenkomst",
    offer_one_to_one: "Persoonlijke steun",
    offer_respite: "Even vrij van zorg (respijtzorg)",
    offer_training: "Cursus of training",
    config_notice: "Een deel van de instellingen van deze website klopt niet. De Naastenmeter werkt wel gewoon.",
    config_details: "Voor de beheerder van deze website: wat er niet klopt",
};

/// Why no description is named when too few parts were answered; a named
/// function because it chooses between "alle" and "n van de".
fn too_few_inputs(needed: usize, used: usize, total: usize) -> String {
    let parts = if needed >= total {
        format!("alle {total} onderdelen")
    } else {
        format!("{needed} van de {total} onderdelen")
    };
    format!(
        "Je hebt te weinig vragen beantwoord om je met de beschrijvingen te vergelijken. \
         Daarvoor zijn genoeg antwoorden nodig op {parts}. \
         Je hebt nu genoeg antwoorden op {used} van de {total} onderdelen."
    )
}

/// The prerendered page's messages (see [`PageMessages`]).
pub(super) static NL_PAGE: PageMessages = PageMessages {
    app_loading: "Een moment. De vragenlijst wordt nog geladen. Daarna gaat het vanzelf verder.",
    app_needs_javascript: "Deze vragenlijst werkt alleen als JavaScript aan staat in je browser.",
    app_cannot_start:
        "De vragenlijst kan in deze browser niet starten. Probeer een nieuwere browser.",
};
