//! The app's own words in Dutch and English. The questionnaire's texts come
//! from the instrument; these are the buttons, headings and explanations
//! around it. Plain language (B1): short sentences, everyday words.

use naastenmeter_core::summary::Weight;
use serde::{Deserialize, Serialize};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The language code used in the instrument and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The other language, offered by the language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// The language's own name, shown on the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    /// The app's words in this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// "Made with version 1.1.0 of the questionnaire", for a result of an
    /// earlier version.
    pub fn made_with_version(self, version: &str) -> String {
        match self {
            Lang::Nl => format!("Gemaakt met versie {version} van de vragenlijst"),
            Lang::En => format!("Made with version {version} of the questionnaire"),
        }
    }

    /// "Page 3 of 9".
    pub fn page_of(self, page: usize, pages: usize) -> String {
        match self {
            Lang::Nl => format!("Pagina {page} van {pages}"),
            Lang::En => format!("Page {page} of {pages}"),
        }
    }

    /// "3 of 6 questions answered: too few for a reliable score."
    pub fn too_few(self, answered: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("{answered} van {total} vragen beantwoord. Dat is te weinig voor een betrouwbare score."),
            Lang::En => format!("{answered} of {total} questions answered. That is too few for a reliable score."),
        }
    }

    /// "Based on 3 of 4 scales."
    pub fn inputs_used(self, used: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("Gebaseerd op {used} van de {total} onderdelen."),
            Lang::En => format!("Based on {used} of the {total} parts."),
        }
    }

    /// "7 out of 10".
    pub fn out_of(self, value: i32, max: i32) -> String {
        match self {
            Lang::Nl => format!("{value} van de {max}"),
            Lang::En => format!("{value} out of {max}"),
        }
    }

    /// "Result of 12 March 2025" style label for a stored result.
    pub fn result_of(self, date: &str) -> String {
        match self {
            Lang::Nl => format!("Uitslag van {date}"),
            Lang::En => format!("Result of {date}"),
        }
    }

    /// A probability as a whole percentage, "62%".
    pub fn percent(self, probability: f64) -> String {
        let p = (probability * 100.0).round().clamp(0.0, 100.0) as i32;
        format!("{p}%")
    }
}

/// Every fixed text of the app in one language.
#[allow(missing_docs)]
pub struct Strings {
    pub skip_to_content: &'static str,
    pub quick_exit: &'static str,
    pub quick_exit_hint: &'static str,
    pub switch_language: &'static str,
    pub welcome_heading: &'static str,
    pub welcome_what: &'static str,
    pub welcome_for_whom: &'static str,
    pub welcome_time: &'static str,
    pub welcome_privacy: &'static str,
    pub welcome_skip: &'static str,
    pub not_a_diagnosis: &'static str,
    pub start: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub professional_link: &'static str,
    pub earlier_link: &'static str,
    pub paper_link: &'static str,
    pub erased_notice: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub to_result: &'static str,
    pub skipped: &'static str,
    pub clear_answer: &'static str,
    pub stop_and_erase: &'static str,
    pub progress_label: &'static str,
    pub result_heading: &'static str,
    pub signals_heading: &'static str,
    pub urgent: &'static str,
    pub attention: &'static str,
    pub scores_heading: &'static str,
    pub scores_intro: &'static str,
    pub chart_you: &'static str,
    pub chart_typical: &'static str,
    pub table_caption: &'static str,
    pub col_part: &'static str,
    pub col_score: &'static str,
    pub col_band: &'static str,
    pub col_answered: &'static str,
    pub no_score: &'static str,
    pub prototype_heading: &'static str,
    pub prototype_fits: &'static str,
    pub prototype_uncertain: &'static str,
    pub feelings: &'static str,
    pub what_may_help: &'static str,
    pub methods_heading: &'static str,
    pub techniques_heading: &'static str,
    pub techniques_intro: &'static str,
    pub tips_heading: &'static str,
    pub offers_heading: &'static str,
    pub ratings_heading: &'static str,
    pub not_answered: &'static str,
    pub about_heading: &'static str,
    pub about_method: &'static str,
    pub about_uncertainty: &'static str,
    pub about_provisional: &'static str,
    pub help_now_heading: &'static str,
    pub phone: &'static str,
    pub website: &'static str,
    pub learn_more: &'static str,
    pub exports_heading: &'static str,
    pub exports_intro: &'static str,
    pub print: &'static str,
    pub print_contains: &'static str,
    pub json: &'static str,
    pub json_contains: &'static str,
    pub fhir: &'static str,
    pub fhir_contains: &'static str,
    pub csv: &'static str,
    pub csv_contains: &'static str,
    pub share: &'static str,
    pub share_contains: &'static str,
    pub share_code_label: &'static str,
    pub copy: &'static str,
    pub qr_label: &'static str,
    pub remember_heading: &'static str,
    pub remember_explain: &'static str,
    pub remember_yes: &'static str,
    pub remembered_done: &'static str,
    pub earlier_heading: &'static str,
    pub earlier_intro: &'static str,
    pub earlier_none: &'static str,
    pub remembered_label: &'static str,
    pub imported_label: &'static str,
    pub compare: &'static str,
    pub compare_heading: &'static str,
    pub col_earlier: &'static str,
    pub col_now: &'static str,
    pub col_change: &'static str,
    pub heavier: &'static str,
    pub lighter: &'static str,
    pub about_the_same: &'static str,
    pub description_now: &'static str,
    pub description_same: &'static str,
    pub signals_new: &'static str,
    pub signals_gone: &'static str,
    pub signals_same: &'static str,
    pub no_description: &'static str,
    pub compare_needs_now: &'static str,
    pub forget_all: &'static str,
    pub forget_all_confirm: &'static str,
    pub forgotten: &'static str,
    pub import_heading: &'static str,
    pub import_intro: &'static str,
    pub import_file: &'static str,
    pub import_code: &'static str,
    pub import_code_button: &'static str,
    pub technical_detail: &'static str,
    pub imported_done: &'static str,
    pub to_result_link: &'static str,
    pub home: &'static str,
    pub professional_heading: &'static str,
    pub professional_intro: &'static str,
    pub summary_heading: &'static str,
    pub summary_best: &'static str,
    pub summary_signals: &'static str,
    pub summary_none: &'static str,
    pub summary_context: &'static str,
    pub made_on: &'static str,
    pub close_result: &'static str,
    pub unknown_date: &'static str,
    pub fit_chance: &'static str,
    pub provisional_note: &'static str,
    pub none_fits_intro: &'static str,
    pub none_fits_lighter: &'static str,
    pub none_fits_heavier: &'static str,
    pub none_fits_mixed: &'static str,
    pub still_use: &'static str,
    pub too_few_more: &'static str,
    pub help_first_heading: &'static str,
    pub help_first_intro: &'static str,
    pub help_first_why: &'static str,
    pub help_link: &'static str,
    pub help_panel_intro: &'static str,
    pub help_panel_close: &'static str,
    pub signal_at_question: &'static str,
    pub summary_none_fits: &'static str,
    pub summary_too_few: &'static str,
    pub in_short_heading: &'static str,
    pub next_steps_heading: &'static str,
    pub toc_heading: &'static str,
    pub help_first_with: &'static str,
    pub help_first_above: &'static str,
    pub in_short_lighter: &'static str,
    pub in_short_heavier: &'static str,
    pub in_short_mixed: &'static str,
    pub in_short_too_few: &'static str,
}

static NL: Strings = Strings {
    skip_to_content: "Naar de inhoud",
    quick_exit: "Snel weg",
    quick_exit_hint: "Wist alles en opent een weerbericht.",
    switch_language: "English",
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
    erased_notice: "Je antwoorden zijn gewist.",
    back: "Terug",
    next: "Volgende",
    to_result: "Naar de uitslag",
    skipped: "Overgeslagen",
    clear_answer: "Antwoord weghalen",
    stop_and_erase: "Stoppen en wissen",
    progress_label: "Voortgang",
    result_heading: "Jouw uitslag",
    signals_heading: "Let hierop",
    urgent: "Dringend",
    attention: "Aandacht nodig",
    scores_heading: "Hoe het met je gaat",
    scores_intro: "Per onderdeel zie je jouw score (de balk) en de score die past bij elke beschrijving (de genummerde streepjes).",
    chart_you: "Jij",
    chart_typical: "Typisch voor:",
    table_caption: "Jouw scores per onderdeel",
    col_part: "Onderdeel",
    col_score: "Jouw score",
    col_band: "Betekenis",
    col_answered: "Beantwoord",
    no_score: "geen score",
    prototype_heading: "Welke beschrijving past bij jou",
    prototype_fits: "Deze beschrijving past het best bij je antwoorden.",
    prototype_uncertain: "Je antwoorden passen bij twee beschrijvingen ongeveer even goed. Lees ze allebei en kijk wat je herkent.",
    feelings: "Hoe je je vaak voelt",
    what_may_help: "Wat kan helpen",
    methods_heading: "Wat je kunt doen",
    techniques_heading: "Omgaan met gedrag dat je noemde",
    techniques_intro: "Je noemde gedrag dat je moeilijk vindt. Deze manieren van praten en reageren kunnen helpen.",
    tips_heading: "Tips",
    offers_heading: "Steun voor jou",
    ratings_heading: "Jouw cijfers",
    not_answered: "niet ingevuld",
    about_heading: "Over deze uitslag",
    about_method: "Je scores zijn het gemiddelde van je antwoorden per onderdeel. Een rekenmodel vergelijkt je scores met vier beschrijvingen van naasten en berekent hoe goed elke beschrijving past.",
    about_uncertainty: "Dat is een schatting, geen zekerheid. Als geen beschrijving duidelijk het best past, zie je er twee.",
    about_provisional: "Het rekenmodel is voorlopig. Het wordt later vervangen door een model dat met antwoorden van veel naasten is getoetst.",
    help_now_heading: "Hulp nodig, nu meteen?",
    phone: "Bel",
    website: "Website",
    learn_more: "Meer weten",
    exports_heading: "Bewaren of meenemen",
    exports_intro: "Er wordt niets bewaard of verstuurd, tenzij je hieronder zelf iets kiest. Bij elke keuze staat wat erin komt.",
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
    remember_heading: "Onthouden op dit apparaat",
    remember_explain: "Wil je later vergelijken hoe het met je gaat? Dan kan deze uitslag op dit apparaat blijven staan. Iedereen die dit apparaat gebruikt, kan hem dan zien. 'Snel weg' en 'Alles vergeten' wissen hem weer.",
    remember_yes: "Ja, onthoud deze uitslag op dit apparaat",
    remembered_done: "Deze uitslag staat nu op dit apparaat.",
    earlier_heading: "Eerdere uitslagen",
    earlier_intro: "Vergelijk je uitslag van nu met een eerdere uitslag. Je kunt ook een eerder bestand of een deelcode openen. Dat wordt niet bewaard.",
    earlier_none: "Er zijn nog geen eerdere uitslagen.",
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
    import_heading: "Een uitslag openen",
    import_intro: "Open een bestand (JSON) of typ een deelcode. Er wordt niets bewaard.",
    import_file: "Kies een bestand",
    import_code: "Deelcode",
    import_code_button: "Open de deelcode",
    technical_detail: "Technische details (in het Engels)",
    imported_done: "De uitslag is geopend.",
    to_result_link: "Terug naar de uitslag",
    home: "Naar het begin",
    professional_heading: "Uitslag van een naaste bekijken",
    professional_intro: "Open het bestand of de deelcode die je van een naaste kreeg. Je ziet dezelfde uitslag als de naaste. Er wordt niets bewaard. Sluit je de pagina, dan is alles weg.",
    summary_heading: "Samenvatting voor het gesprek",
    summary_best: "Past het best",
    summary_signals: "Signalen",
    summary_none: "geen",
    summary_context: "Genoemd",
    made_on: "Gemaakt op",
    close_result: "Sluiten",
    unknown_date: "onbekende datum",
    fit_chance: "Berekende kans",
    provisional_note: "Let op: het rekenmodel is voorlopig. Het is nog niet getoetst met antwoorden van echte naasten.",
    none_fits_intro: "Je antwoorden passen bij geen van de beschrijvingen goed.",
    none_fits_lighter: "Je scores zijn op elk onderdeel lichter dan in alle beschrijvingen. Dat is fijn om te zien. Het lijkt erop dat je nu minder last hebt dan veel andere naasten.",
    none_fits_heavier: "Je scores zijn zwaarder dan in de beschrijvingen. Je draagt nu veel. Dat verdient aandacht en steun. Je hoeft het niet alleen te doen.",
    none_fits_mixed: "Op sommige onderdelen zijn je scores lichter, op andere zwaarder. Die mix staat in geen van de beschrijvingen. Dat is niet erg: iedereen is anders.",
    still_use: "Je kunt je scores per onderdeel wel gebruiken. Dat geldt ook voor de tips die erbij horen. Je vindt ze op deze pagina.",
    too_few_more: "Wil je toch een beschrijving zien? Dan kun je teruggaan en meer vragen invullen.",
    help_first_heading: "Eerst: hulp voor jezelf",
    help_first_intro: "Je antwoorden laten zien dat het met jou zelf nu niet goed gaat. Het kan helpen om er vandaag met iemand over te praten.",
    help_first_why: "Hieronder staan tips en manieren om met je dierbare om te gaan. Die komen nu op de tweede plaats. Eerst is het belangrijk dat jij zelf hulp krijgt. Tips over je dierbare helpen minder als het met jou niet goed gaat.",
    help_link: "Hulp nodig?",
    help_panel_intro: "Hier vind je mensen die je nu kunt bellen of spreken. Je antwoorden blijven staan.",
    help_panel_close: "Sluit hulp",
    signal_at_question: "Over je antwoord hierboven",
    summary_none_fits: "geen beschrijving past goed",
    summary_too_few: "te weinig antwoorden om te vergelijken",
    in_short_heading: "In het kort",
    next_steps_heading: "Wat je nu zou kunnen doen",
    toc_heading: "Meer over je uitslag",
    help_first_with: "Bijvoorbeeld met:",
    help_first_above: "Wie je kunt bellen of spreken, staat hierboven.",
    in_short_lighter: "Geen beschrijving past goed. Je scores zijn lichter dan in alle beschrijvingen.",
    in_short_heavier: "Geen beschrijving past goed. Je scores zijn zwaarder dan in de beschrijvingen.",
    in_short_mixed: "Geen beschrijving past goed. Je scores zijn deels licht en deels zwaar.",
    in_short_too_few: "Je hebt te weinig vragen beantwoord om een beschrijving te kiezen.",
};

static EN: Strings = Strings {
    skip_to_content: "Skip to content",
    quick_exit: "Quick exit",
    quick_exit_hint: "Erases everything and opens a weather forecast.",
    switch_language: "Nederlands",
    welcome_heading: "How are you doing as a relative?",
    welcome_what: "This questionnaire is for you as a relative: you care for someone with severe mental health problems or an addiction. For example your child, partner, parent, brother or sister.",
    welcome_for_whom: "After the questions you see how you are doing, which description fits you best, and what might help you.",
    welcome_time: "It takes about 10 minutes. You can skip questions.",
    welcome_privacy: "Your answers stay on this device. Nothing goes to the internet. You only save or share something if you choose to.",
    welcome_skip: "Want to stop? 'Stop and erase' or 'Quick exit' removes everything at once.",
    not_a_diagnosis: "This is not a diagnosis. The result is a starting point for a conversation, for example with a care worker or with people you trust.",
    start: "Start",
    resume: "Continue where you were",
    start_over: "Start again",
    professional_link: "For professionals: open a result",
    earlier_link: "Earlier results and comparing",
    paper_link: "Prefer paper? The questionnaire to print",
    erased_notice: "Your answers have been erased.",
    back: "Back",
    next: "Next",
    to_result: "See the result",
    skipped: "Skipped",
    clear_answer: "Remove answer",
    stop_and_erase: "Stop and erase",
    progress_label: "Progress",
    result_heading: "Your result",
    signals_heading: "Please note",
    urgent: "Urgent",
    attention: "Needs attention",
    scores_heading: "How you are doing",
    scores_intro: "For each part you see your score (the bar). You also see the typical score for each description (the numbered marks).",
    chart_you: "You",
    chart_typical: "Typical for:",
    table_caption: "Your scores per part",
    col_part: "Part",
    col_score: "Your score",
    col_band: "Meaning",
    col_answered: "Answered",
    no_score: "no score",
    prototype_heading: "Which description fits you",
    prototype_fits: "This description fits your answers best.",
    prototype_uncertain: "Your answers fit two descriptions about equally well. Read both and see what you recognise.",
    feelings: "How you may often feel",
    what_may_help: "What may help",
    methods_heading: "What you can do",
    techniques_heading: "Dealing with behaviour you named",
    techniques_intro: "You named behaviour that you find hard. These ways of talking and responding may help.",
    tips_heading: "Tips",
    offers_heading: "Support for you",
    ratings_heading: "Your ratings",
    not_answered: "not answered",
    about_heading: "About this result",
    about_method: "Your scores are the average of your answers per part. A statistical model compares your scores with four descriptions of relatives and works out how well each description fits.",
    about_uncertainty: "That is an estimate, not a certainty. When no description clearly fits best, you see two.",
    about_provisional: "The model is provisional. It will be replaced by a model tested with the answers of many relatives.",
    help_now_heading: "Need help right now?",
    phone: "Call",
    website: "Website",
    learn_more: "Learn more",
    exports_heading: "Keep or take with you",
    exports_intro: "Nothing is saved or sent unless you choose something below. Each choice says what it contains.",
    print: "Print or save as PDF",
    print_contains: "A summary of 1 or 2 pages. It has your scores, the description that fits, what may help and where to find help.",
    json: "Download as a file (JSON)",
    json_contains: "All your answers and the result. You can open this file here again later or give it to a care worker.",
    fhir: "Download for a care record (FHIR)",
    fhir_contains: "All your answers in the standard care providers use (FHIR). For a care worker's record.",
    csv: "Download as a table (CSV)",
    csv_contains: "All your answers and scores in one row, for a spreadsheet.",
    share: "Make a share code",
    share_contains: "A short code with all your answers. Anyone with the code can see your answers and result. Only share it with people you trust.",
    share_code_label: "Your share code",
    copy: "Copy the code",
    qr_label: "QR code of your share code",
    remember_heading: "Remember on this device",
    remember_explain: "Want to compare later how you are doing? Then this result can stay on this device. Anyone who uses this device can see it. 'Quick exit' and 'Forget all' erase it again.",
    remember_yes: "Yes, remember this result on this device",
    remembered_done: "This result is now on this device.",
    earlier_heading: "Earlier results",
    earlier_intro: "Compare your result now with an earlier one. You can also open an earlier file or a share code. That is not saved.",
    earlier_none: "There are no earlier results yet.",
    remembered_label: "remembered on this device",
    imported_label: "opened, not saved",
    compare: "Compare with now",
    compare_heading: "Now and earlier",
    col_earlier: "Earlier",
    col_now: "Now",
    col_change: "Change",
    heavier: "heavier",
    lighter: "lighter",
    about_the_same: "about the same",
    description_now: "The description that fits, earlier and now",
    description_same: "The same description as before.",
    signals_new: "New since last time",
    signals_gone: "No longer seen since last time",
    signals_same: "The points of attention are the same as before.",
    no_description: "no description",
    compare_needs_now: "Answer the questionnaire first to compare with now.",
    forget_all: "Forget all",
    forget_all_confirm: "Yes, forget all results on this device",
    forgotten: "All remembered results have been erased.",
    import_heading: "Open a result",
    import_intro: "Open a file (JSON) or type a share code. Nothing is saved.",
    import_file: "Choose a file",
    import_code: "Share code",
    import_code_button: "Open the share code",
    technical_detail: "Technical details",
    imported_done: "The result has been opened.",
    to_result_link: "Back to the result",
    home: "To the start",
    professional_heading: "View a relative's result",
    professional_intro: "Open the file or share code you received from a relative. You see the same result as the relative. Nothing is saved; when you close the page, everything is gone.",
    summary_heading: "Summary for the conversation",
    summary_best: "Fits best",
    summary_signals: "Signals",
    summary_none: "none",
    summary_context: "Named",
    made_on: "Made on",
    close_result: "Close",
    unknown_date: "unknown date",
    fit_chance: "Calculated chance",
    provisional_note: "Please note: the model is provisional. It has not yet been tested with answers from real relatives.",
    none_fits_intro: "Your answers do not fit any of the descriptions well.",
    none_fits_lighter: "On every part, your scores are lighter than in all the descriptions. That is good to see. It looks like you are carrying less right now than many other relatives.",
    none_fits_heavier: "Your scores are heavier than in the descriptions. You are carrying a lot right now. That deserves attention and support. You do not have to do it alone.",
    none_fits_mixed: "On some parts your scores are lighter, on others heavier. None of the descriptions has that mix. That is fine: everyone is different.",
    still_use: "You can still use your scores per part. The same goes for the tips that go with them. You find them on this page.",
    too_few_more: "Would you like to see a description? Then you can go back and answer more questions.",
    help_first_heading: "First: help for yourself",
    help_first_intro: "Your answers show that you yourself are not doing well right now. It can help to talk to someone about it today.",
    help_first_why: "Below are tips and ways to deal with your loved one. They come second for now. First it matters that you get help yourself. Tips about your loved one help less when you are not doing well.",
    help_link: "Need help?",
    help_panel_intro: "Here you find people you can call or talk to now. Your answers stay where they are.",
    help_panel_close: "Close help",
    signal_at_question: "About your answer above",
    summary_none_fits: "no description fits well",
    summary_too_few: "too few answers to compare",
    in_short_heading: "In short",
    next_steps_heading: "What you could do now",
    toc_heading: "More about your result",
    help_first_with: "For example:",
    help_first_above: "You find who to call or talk to above.",
    in_short_lighter: "No description fits well. Your scores are lighter than in all the descriptions.",
    in_short_heavier: "No description fits well. Your scores are heavier than in the descriptions.",
    in_short_mixed: "No description fits well. Your scores are partly light and partly heavy.",
    in_short_too_few: "You answered too few questions to choose a description.",
};

impl Lang {
    /// A score with one decimal, with a decimal comma in Dutch.
    pub fn number(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// The date part of an ISO 8601 time, as people write it:
    /// "12-03-2025" in Dutch, "2025-03-12" in English.
    /// The date and, when known, the time of an ISO 8601 stamp: "04-12-2026
    /// om 21:30" or "2026-12-04 at 21:30". The time is shown as written
    /// (the app writes local time).
    pub fn date_time(self, iso: Option<&str>) -> String {
        let date = self.date(iso);
        match iso
            .and_then(|s| s.get(11..16))
            .filter(|t| t.as_bytes().get(2) == Some(&b':'))
        {
            Some(time) => match self {
                Lang::Nl => format!("{date} om {time}"),
                Lang::En => format!("{date} at {time}"),
            },
            None => date,
        }
    }

    /// The date of an ISO 8601 stamp, "04-12-2026" or "2026-12-04".
    pub fn date(self, iso: Option<&str>) -> String {
        let Some(date) = iso.and_then(|s| s.get(..10)) else {
            return String::from(self.t().unknown_date);
        };
        let parts: Vec<&str> = date.split('-').collect();
        match (self, parts.as_slice()) {
            (Lang::Nl, [y, m, d]) => format!("{d}-{m}-{y}"),
            _ => String::from(date),
        }
    }
}

impl Lang {
    /// Why no description is named when too few parts were answered.
    pub fn too_few_inputs(self, needed: usize, used: usize, total: usize) -> String {
        let (nl_parts, en_parts) = if needed >= total {
            (
                format!("alle {total} onderdelen"),
                format!("all {total} parts"),
            )
        } else {
            (
                format!("{needed} van de {total} onderdelen"),
                format!("{needed} of the {total} parts"),
            )
        };
        match self {
            Lang::Nl => format!(
                "Je hebt te weinig vragen beantwoord om je met de beschrijvingen te vergelijken. \
                 Daarvoor zijn genoeg antwoorden nodig op {nl_parts}. \
                 Je hebt nu genoeg antwoorden op {used} van de {total} onderdelen."
            ),
            Lang::En => format!(
                "You answered too few questions to compare you with the descriptions. \
                 That needs enough answers on {en_parts}. \
                 You now have enough answers on {used} of the {total} parts."
            ),
        }
    }
}

impl Lang {
    /// A list of names in a sentence: "a, b en c" / "a, b and c".
    pub fn list(self, names: &[String]) -> String {
        let and = match self {
            Lang::Nl => " en ",
            Lang::En => " and ",
        };
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
        }
    }

    /// One sentence on the scales that weigh the same ("Weegt nu zwaar:
    /// belasting en eenzaamheid."); `names` already in this language.
    pub fn weight_sentence(self, weight: Weight, names: &[String]) -> String {
        let list = self.list(names);
        match (self, weight) {
            (Lang::Nl, Weight::Heavy) => format!("Weegt nu zwaar: {list}."),
            (Lang::Nl, Weight::Middle) => format!("Weegt soms zwaar: {list}."),
            (Lang::Nl, Weight::Light) => format!("Weegt nu licht: {list}."),
            (Lang::En, Weight::Heavy) => format!("Weighs heavily now: {list}."),
            (Lang::En, Weight::Middle) => format!("Weighs somewhat: {list}."),
            (Lang::En, Weight::Light) => format!("Weighs lightly now: {list}."),
        }
    }

    /// The scales with too few answers for a score.
    pub fn no_score_sentence(self, names: &[String]) -> String {
        let list = self.list(names);
        match self {
            Lang::Nl => format!("Te weinig antwoorden voor: {list}."),
            Lang::En => format!("Too few answers for: {list}."),
        }
    }

    /// The named description with its strength in words.
    pub fn best_fit(self, name: &str, strength: &str) -> String {
        match self {
            Lang::Nl => format!("Deze beschrijving past het best: {name} ({strength})."),
            Lang::En => format!("This description fits best: {name} ({strength})."),
        }
    }

    /// Two descriptions that fit about equally well.
    pub fn two_fit(self, first: &str, second: &str) -> String {
        match self {
            Lang::Nl => {
                format!("Twee beschrijvingen passen ongeveer even goed: {first} en {second}.")
            }
            Lang::En => format!("Two descriptions fit about equally well: {first} and {second}."),
        }
    }
}

/// A scale label inside a sentence: an ASCII capital at its start in
/// lower case (no Unicode case tables: they would weigh on the first load).
pub fn in_sentence(label: &str) -> String {
    let mut text = String::from(label);
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    text
}
