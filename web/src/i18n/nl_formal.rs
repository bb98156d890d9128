//! The app's words in formal Dutch: "u" and "uw" to the relative, for
//! partners who write "u" (a partner's configuration sets `"address":
//! "formal"`). Only the texts that address the relative are here; every
//! other field is the Dutch table's (`..NL`), so the app carries no second
//! copy of them and a new Dutch text needs a line here only when it says
//! "je", "jij" or "jouw". Plain language (B1) as in `nl.rs`: short
//! sentences, verbs in the u-form ("Heeft u ...?", "U kunt ...").

use super::nl::NL;
use super::Strings;

/// The formal Dutch table: the Dutch one with "u" where it speaks to the
/// relative.
pub(super) static NL_FORMAL: Strings = Strings {
    // The welcome page.
    welcome_heading: "Hoe gaat het met u als naaste?",
    welcome_what: "Deze vragenlijst is voor u als naaste: u zorgt voor iemand met ernstige psychische problemen of een verslaving. Bijvoorbeeld uw kind, partner, ouder, broer of zus.",
    welcome_for_whom: "Na de vragen ziet u hoe het met u gaat. U ziet ook welke beschrijving bij u past en wat u kan helpen.",
    welcome_time: "Het invullen duurt ongeveer 10 minuten. U mag vragen overslaan.",
    welcome_privacy: "Uw antwoorden blijven op dit apparaat. Er gaat niets naar internet. U bewaart of deelt alleen iets als u daar zelf voor kiest.",
    welcome_skip: "Wilt u stoppen? Met 'Stoppen en wissen' of 'Snel weg' verdwijnt alles meteen.",
    not_a_diagnosis: "Dit is geen diagnose. De uitslag is een begin voor een gesprek, bijvoorbeeld met een hulpverlener of met mensen die u vertrouwt.",
    resume: "Verder waar u was",

    // The questions.
    signal_at_question: "Over uw antwoord hierboven",

    // The result page: signals and the short summary.
    result_heading: "Uw uitslag",
    next_steps_heading: "Wat u nu zou kunnen doen",
    toc_heading: "Meer over uw uitslag",
    in_short_lighter: "Geen beschrijving past goed. Uw scores zijn lichter dan in alle beschrijvingen.",
    in_short_heavier: "Geen beschrijving past goed. Uw scores zijn zwaarder dan in de beschrijvingen.",
    in_short_mixed: "Geen beschrijving past goed. Uw scores zijn deels licht en deels zwaar.",
    in_short_too_few: "U heeft te weinig vragen beantwoord om een beschrijving te kiezen.",

    // The result page: help for the relative first.
    help_first_heading: "Eerst: hulp voor uzelf",
    help_first_intro: "Uw antwoorden laten zien dat het met u zelf nu niet goed gaat. Het kan helpen om er vandaag met iemand over te praten.",
    help_first_why: "Hieronder staan tips en manieren om met uw dierbare om te gaan. Die komen nu op de tweede plaats. Eerst is het belangrijk dat u zelf hulp krijgt. Tips over uw dierbare helpen minder als het met u niet goed gaat.",
    help_first_above: "Wie u kunt bellen of spreken, staat hierboven.",

    // The result page: scores.
    scores_heading: "Hoe het met u gaat",
    scores_intro: "Per onderdeel ziet u uw score als balk. Onder de balk staat wat die score betekent.",
    table_caption: "Uw scores per onderdeel",
    col_score: "Uw score",

    // The result page: the descriptions (prototypes).
    prototype_heading: "Welke beschrijving past bij u",
    prototype_fits: "Deze beschrijving past het best bij uw antwoorden.",
    prototype_uncertain: "Uw antwoorden passen bij twee beschrijvingen ongeveer even goed. Lees ze allebei en kijk wat u herkent.",
    feelings: "Hoe u zich vaak voelt",
    none_fits_intro: "Uw antwoorden passen bij geen van de beschrijvingen goed.",
    none_fits_lighter: "Uw scores zijn op elk onderdeel lichter dan in alle beschrijvingen. Dat is fijn om te zien. Het lijkt erop dat u nu minder last heeft dan veel andere naasten.",
    none_fits_heavier: "Uw scores zijn zwaarder dan in de beschrijvingen. U draagt nu veel. Dat verdient aandacht en steun. U hoeft het niet alleen te doen.",
    none_fits_mixed: "Op sommige onderdelen zijn uw scores lichter, op andere zwaarder. Die mix staat in geen van de beschrijvingen. Dat is niet erg: iedereen is anders.",
    still_use: "U kunt uw scores per onderdeel wel gebruiken. Dat geldt ook voor de tips die erbij horen. U vindt ze op deze pagina.",
    too_few_inputs,
    too_few_more: "Wilt u toch een beschrijving zien? Dan kunt u teruggaan en meer vragen invullen.",

    // The result page: advice, ratings, about.
    methods_heading: "Wat u kunt doen",
    techniques_heading: "Omgaan met gedrag dat u noemde",
    techniques_intro: "U noemde gedrag dat u moeilijk vindt. Deze manieren van praten en reageren kunnen helpen.",
    offers_heading: "Steun voor u",
    ratings_heading: "Uw cijfers",
    about_method: "Uw scores zijn het gemiddelde van uw antwoorden per onderdeel. Een rekenmodel vergelijkt uw scores met vier beschrijvingen van naasten en berekent hoe goed elke beschrijving past.",
    about_uncertainty: "Dat is een schatting, geen zekerheid. Als geen beschrijving duidelijk het best past, ziet u er twee.",

    // Help contacts.
    help_panel_intro: "Hier vindt u mensen die u nu kunt bellen of spreken. Uw antwoorden blijven staan.",

    // Exports and remembering.
    exports_intro: "Er wordt niets bewaard of verstuurd, tenzij u hieronder zelf iets kiest. Bij elke keuze staat wat erin komt.",
    downloads_stay: "Een bestand dat u downloadt, blijft in de map Downloads van dit apparaat. Ook na \"Snel weg\". Gebruikt iemand anders dit apparaat? Wis het bestand dan zelf.",
    quick_exit_downloaded: "U heeft een bestand gedownload. \"Snel weg\" wist dat niet. Het staat nog in de map Downloads.",
    print_contains: "Een samenvatting van 1 of 2 pagina's. Met uw scores, de beschrijving die past, wat kan helpen en waar u hulp vindt.",
    json_contains: "Al uw antwoorden en de uitslag. U kunt dit bestand later hier weer openen of aan een hulpverlener geven.",
    fhir_contains: "Al uw antwoorden in de standaard die zorgverleners gebruiken (FHIR). Voor het dossier van een hulpverlener.",
    csv_contains: "Al uw antwoorden en scores in één regel, voor een rekenblad.",
    share_contains: "Een korte code met al uw antwoorden. Wie de code heeft, kan uw antwoorden en uitslag zien. Deel hem alleen met wie u vertrouwt.",
    share_code_label: "Uw deelcode",
    qr_label: "QR-code van uw deelcode",
    card_intro: "Gaat u praten met een hulpverlener? Schrijf hier alvast op wat u wilt bespreken. Het komt mee als u de uitslag print, downloadt of onthoudt. Het gaat niet mee in de deelcode.",
    card_worries: "Wat maakt u het meest zorgen?",
    card_goals: "Wat zou u willen veranderen?",
    card_own_goal: "Of zeg het in uw eigen woorden",
    card_questions: "Wat wilt u vragen?",
    qr_explain: "Een hulpverlener kan deze QR-code scannen. Dan opent uw uitslag bij hem of haar. De code gaat niet naar een server.",
    remember_explain: "Wilt u later vergelijken hoe het met u gaat? Dan kan deze uitslag op dit apparaat blijven staan. Iedereen die dit apparaat gebruikt, kan hem dan zien. 'Snel weg' en 'Alles vergeten' wissen hem weer.",

    // Offline use (offered on the app's own site only).
    offline_explain: "Wilt u Naastenmeter ook zonder internet gebruiken? Dan bewaart uw browser de bestanden van de app op dit apparaat. Uw antwoorden komen daar niet bij. Maar iemand anders die dit apparaat gebruikt, kan zien dat de app erop staat. 'Snel weg' haalt de app weer weg.",
    offline_yes: "Ja, zonder internet gebruiken op dit apparaat",
    offline_remove_explain: "Alleen de app zelf staat erop, niet uw antwoorden. Iemand anders die dit apparaat gebruikt, kan zien dat de app er staat.",
    update_waiting: "Er is een nieuwe versie van Naastenmeter. Die krijgt u vanzelf als u de app de volgende keer opent.",

    // Earlier results and comparing.
    earlier_intro: "Vergelijk uw uitslag van nu met een eerdere uitslag. U kunt ook een eerder bestand of een deelcode openen. Dat wordt niet bewaard.",

    // Notices and errors.
    undo_erase_hint: |seconds| format!("Per ongeluk? U kunt het nog {seconds} seconden terugzetten."),
    erased_notice: "Uw antwoorden zijn gewist.",
    error_too_large: |size, limit| format!("Dit bestand is te groot ({size} kB). Een bestand van Naastenmeter is nooit groter dan {limit} kB. Kies het bestand dat u uit Naastenmeter heeft bewaard."),
    error_not_an_export: "Dit bestand is geen uitslag van Naastenmeter, of het is beschadigd. Kies een bestand dat u bij 'Bewaren of meenemen' heeft opgeslagen (JSON of FHIR).",
    error_other_version: |found, expected| format!("Deze uitslag is gemaakt met een andere versie van de vragenlijst (versie {found}; hier is het versie {expected}). Daarom kan hij hier niet worden gelezen. Vul de vragenlijst opnieuw in als u wilt vergelijken."),
    error_bad_answers: "De antwoorden in dit bestand passen niet bij deze vragenlijst. Vul de vragenlijst opnieuw in als u wilt vergelijken.",
    code_too_long: "Dit is veel langer dan een code van Naastenmeter. Kijk of u de goede tekst heeft geplakt.",
    error_score: "Uw antwoorden konden niet worden verwerkt. Kijk uw antwoorden na, of begin opnieuw.",

    // Embedded in a partner's site.
    local_offers_heading: "Hulp bij u in de buurt",
    local_offers_intro: "Deze organisatie biedt dit zelf aan. Het past bij uw uitkomst.",
    ..NL
};

/// Why no description is named when too few parts were answered, in the
/// u-form (see `nl.rs`).
fn too_few_inputs(needed: usize, used: usize, total: usize) -> String {
    let parts = if needed >= total {
        format!("alle {total} onderdelen")
    } else {
        format!("{needed} van de {total} onderdelen")
    };
    format!(
        "U heeft te weinig vragen beantwoord om u met de beschrijvingen te vergelijken. \
         Daarvoor zijn genoeg antwoorden nodig op {parts}. \
         U heeft nu genoeg antwoorden op {used} van de {total} onderdelen."
    )
}
