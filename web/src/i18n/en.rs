//! The app's words in English: every field of [`Strings`], in its order,
//! translated from the Dutch (nl.rs), which is the reference. Plain
//! language: short sentences, everyday words.

use super::{PageMessages, Strings};
use naastenmeter_core::conversation::ChangeGoal;

/// The English table.
pub(super) static EN: Strings = Strings {
    // The language itself.
    own_name: "English",
    switch_language: "Nederlands",
    list_and: " and ",
    decimal_separator: ".",
    date: |year, month, day| format!("{year}-{month}-{day}"),
    date_at_time: |date, time| format!("{date} at {time}"),
    unknown_date: "unknown date",

    // The top bar, on every page.
    skip_to_content: "Skip to content",
    quick_exit: "Quick exit",
    quick_exit_hint: "Erases everything and opens a weather forecast.",
    help_link: "Need help?",

    // The welcome page.
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

    // The questions.
    page_of: |page, pages| format!("Page {page} of {pages}"),
    part_of: |part, parts, title| format!("Part {part} of {parts}: {title}"),
    progress_label: "Progress",
    back: "Back",
    next: "Next",
    to_result: "See the result",
    skipped: "Skipped",
    clear_answer: "Remove answer",
    stop_and_erase: "Stop and erase",
    signal_at_question: "About your answer above",

    // The result page: signals and the short summary.
    result_heading: "Your result",
    signals_heading: "Please note",
    urgent: "Urgent",
    attention: "Needs attention",
    in_short_heading: "In short",
    next_steps_heading: "What you could do now",
    toc_heading: "More about your result",
    weighs_heavy: |scales| format!("Weighs heavily now: {scales}."),
    weighs_middle: |scales| format!("Weighs somewhat: {scales}."),
    weighs_light: |scales| format!("Weighs lightly now: {scales}."),
    no_score_for: |scales| format!("Too few answers for: {scales}."),
    best_fit: |name, strength| format!("This description fits best: {name} ({strength})."),
    two_fit: |first, second| format!("Two descriptions fit about equally well: {first} and {second}."),
    in_short_lighter: "No description fits well. Your scores are lighter than in all the descriptions.",
    in_short_heavier: "No description fits well. Your scores are heavier than in the descriptions.",
    in_short_mixed: "No description fits well. Your scores are partly light and partly heavy.",
    in_short_too_few: "You answered too few questions to choose a description.",

    // The result page: help for the relative first.
    help_first_heading: "First: help for yourself",
    help_first_intro: "Your answers show that you yourself are not doing well right now. It can help to talk to someone about it today.",
    help_first_why: "Below are tips and ways to deal with your loved one. They come second for now. First it matters that you get help yourself. Tips about your loved one help less when you are not doing well.",
    help_first_with: "For example:",
    help_first_above: "You find who to call or talk to above.",

    // The result page: scores.
    scores_heading: "How you are doing",
    scores_intro: "For each part you see your score as a bar. Under the bar you see what that score means.",
    chart_mark_intro: "A line with a name shows how people who fit that description usually score.",
    chart_typical: "Typical for:",
    table_caption: "Your scores per part",
    col_part: "Part",
    col_score: "Your score",
    col_band: "Meaning",
    col_answered: "Answered",
    col_range: "Lowest and highest score",
    range: |low, high| format!("{low} to {high}"),
    no_score: "no score",
    too_few: |answered, total| {
        format!("{answered} of {total} questions answered. That is too few for a reliable score.")
    },
    out_of: |value, max| format!("{value} out of {max}"),

    // The result page: the descriptions (prototypes).
    prototype_heading: "Which description fits you",
    prototype_fits: "This description fits your answers best.",
    prototype_uncertain: "Your answers fit two descriptions about equally well. Read both and see what you recognise.",
    fit_chance: "Calculated chance",
    inputs_used: |used, total| format!("Based on {used} of the {total} parts."),
    provisional_note: "Please note: the model is provisional. It has not yet been tested with answers from real relatives.",
    feelings: "How you may often feel",
    what_may_help: "What may help",
    none_fits_intro: "Your answers do not fit any of the descriptions well.",
    none_fits_lighter: "On every part, your scores are lighter than in all the descriptions. That is good to see. It looks like you are carrying less right now than many other relatives.",
    none_fits_heavier: "Your scores are heavier than in the descriptions. You are carrying a lot right now. That deserves attention and support. You do not have to do it alone.",
    none_fits_mixed: "On some parts your scores are lighter, on others heavier. None of the descriptions has that mix. That is fine: everyone is different.",
    still_use: "You can still use your scores per part. The same goes for the tips that go with them. You find them on this page.",
    too_few_inputs, // A function below: it chooses between two wordings.
    too_few_more: "Would you like to see a description? Then you can go back and answer more questions.",

    // The result page: advice, ratings, about.
    methods_heading: "What you can do",
    techniques_heading: "Dealing with behaviour you named",
    techniques_intro: "You named behaviour that you find hard. These ways of talking and responding may help.",
    tips_heading: "Tips",
    offers_heading: "Support for you",
    ratings_heading: "Your ratings",
    not_answered: "not answered",
    learn_more: "Learn more",
    about_heading: "About this result",
    about_method: "Your scores are the average of your answers per part. A statistical model compares your scores with four descriptions of relatives and works out how well each description fits.",
    about_uncertainty: "That is an estimate, not a certainty. When no description clearly fits best, you see two.",
    about_provisional: "The model is provisional. It will be replaced by a model tested with the answers of many relatives.",
    made_on: "Made on",

    // Help contacts.
    help_now_heading: "Need help right now?",
    phone: "Call",
    website: "Website",
    help_panel_intro: "Here you find people you can call or talk to now. Your answers stay where they are.",
    help_panel_close: "Close help",

    // Exports and remembering.
    exports_heading: "Keep or take with you",
    exports_intro: "Nothing is saved or sent unless you choose something below. Each choice says what it contains.",
    downloads_stay: "A file you download stays in the Downloads folder of this device. Also after \"Quick exit\". Does someone else use this device? Then delete the file yourself.",
    quick_exit_downloaded: "You downloaded a file. \"Quick exit\" does not erase it. It is still in the Downloads folder.",
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
    print_score: "Score",
    print_band: "How heavy",
    card_heading: "Getting ready for the conversation",
    card_intro: "Are you going to talk with a professional? Write down here what you want to talk about. It comes along when you print, download or remember the result. It does not go into the share code.",
    card_worries: "What worries you most?",
    card_worry_line: |n| format!("Worry {n}"),
    card_goals: "What would you like to change?",
    change_goal: |goal| match goal {
        ChangeGoal::OwnLife => "Having more say over my own life again",
        ChangeGoal::Contact => "Better contact with my loved one",
        ChangeGoal::Support => "Asking others for support more easily",
        ChangeGoal::Myself => "Becoming more myself again",
        ChangeGoal::Sadness => "Coping better with sadness and loneliness",
        ChangeGoal::Knowledge => "Knowing more about the illness and its treatment",
    },
    card_own_goal: "Or say it in your own words",
    card_questions: "What do you want to ask?",
    qr_explain: "A professional can scan this QR code. Your result then opens on their device. The code is not sent to a server.",
    copied: "The code was copied.",
    copy_failed: "Copying did not work. Write the code down, or select it and copy it yourself.",
    remember_heading: "Remember on this device",
    remember_explain: "Want to compare later how you are doing? Then this result can stay on this device. Anyone who uses this device can see it. 'Quick exit' and 'Forget all' erase it again.",
    remember_yes: "Yes, remember this result on this device",
    remembered_done: "This result is now on this device.",

    // Earlier results and comparing.
    earlier_heading: "Earlier results",
    earlier_intro: "Compare your result now with an earlier one. You can also open an earlier file or a share code. That is not saved.",
    earlier_none: "There are no earlier results yet.",
    result_of: |date| format!("Result of {date}"),
    made_with_version: |version| format!("Made with version {version} of the questionnaire"),
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

    // Opening a result (import) and the professional view.
    import_heading: "Open a result",
    import_intro: "Open a file (JSON) or type a share code. Nothing is saved.",
    import_file: "Choose a file",
    import_code: "Share code",
    import_code_button: "Open the share code",
    imported_done: "The result has been opened.",
    to_result_link: "Back to the result",
    home: "To the start",
    professional_heading: "A relative's result",
    professional_intro: "Open the relative's file or share code. Nothing is saved. When the page is closed, everything is gone.",
    close_result: "Close",

    // The professional view, once a result is open.
    pro_filled_in: |date| format!("Filled in on {date}."),
    pro_version: |title, version| format!("Questionnaire: {title}, version {version}."),
    pro_earlier_version: "That is an earlier version. The questions and rules below are those of that version.",
    pro_not_diagnosis: "Not a diagnosis. The relative answered the questions themselves. The result is a starting point for the conversation.",
    pro_signals_heading: "Signals",
    pro_no_signals: "No signals. None of the questionnaire's safety rules applied.",
    pro_urgent_means: "The relative was advised to seek help now.",
    pro_attention_means: "The relative was advised to talk about this soon with a professional.",
    pro_raised_by: "Raised by:",
    pro_raised_by_scores: "Raised by the score on:",
    pro_message_label: "Text the relative read",
    pro_help_first: "Because of these signals, the relative's result starts with help for the relative themselves. Tips about the loved one come after that.",
    pro_scores_heading: "Scores",
    pro_scores_caption: "Mean score per part, with the outcome in words",
    pro_col_score: "Score (range)",
    pro_col_band: "Outcome",
    pro_answered: |answered, total| format!("{answered} of {total} questions answered"),
    pro_too_few: "too few answers",
    pro_fit_heading: "Description that fits",
    pro_fit: |name, strength, percent| format!("{name}: {strength} ({percent})."),
    pro_two_fit: "Two descriptions fit about equally well:",
    pro_none_lighter: "No description fits. The scores are lighter than in all the descriptions.",
    pro_none_heavier: "No description fits. The scores are heavier than in the descriptions.",
    pro_none_mixed: "No description fits. The scores are partly lighter and partly heavier than in the descriptions.",
    pro_too_few_inputs: |needed, used, total| {
        format!("No description: too few answers. Enough answers on {used} of the {total} parts; needed: {needed}.")
    },
    pro_provisional: "The model is provisional. The chance is an estimate.",
    pro_card_heading: "Prepared for the conversation",
    pro_card_intro: "The relative wrote this down for the conversation with a professional.",
    pro_card_worries: "Main worries",
    pro_card_goals: "Would like to change",
    pro_card_questions: "The relative's questions",
    pro_answers_heading: "All answers",
    pro_answers_intro: "The questions appear in quotation marks, as the relative read them. An answer marked ⚠ raised a signal.",
    pro_group_context: "About the situation",
    pro_group_other: "Other questions: wellbeing and ratings",
    pro_raised_mark: "Signal:",
    pro_print: "Print (1 page)",
    pro_print_contains: "On paper: date, version, signals, scores and description. Not every answer, and not what the relative prepared.",

    // Notices and errors: what went wrong and what to do.
    erased_notice: "Your answers have been erased.",
    technical_detail: "Technical details",
    error_too_large: |size, limit| format!("This file is too large ({size} kB). A Naastenmeter file is never larger than {limit} kB. Choose the file you saved from Naastenmeter."),
    error_not_an_export: "This file is not a Naastenmeter result, or it is damaged. Choose a file you saved under 'Keep or take along' (JSON or FHIR).",
    error_other_version: |found, expected| format!("This result was made with another version of the questionnaire (version {found}; this is version {expected}). So it cannot be read here. Fill in the questionnaire again if you want to compare."),
    error_changed_questionnaire: "This result was made with a changed questionnaire. So it cannot be read here. Open it on the website where it was made.",
    error_altered: "This file was changed after it was made. So the result cannot be trusted. Use the file as Naastenmeter saved it.",
    error_bad_answers: "The answers in this file do not fit this questionnaire. Fill in the questionnaire again if you want to compare.",
    error_cannot_open: "This could not be opened.",
    code_empty: "Type or paste the code first.",
    code_too_long: "This is much longer than a Naastenmeter code. Check that you pasted the right text.",
    code_bad_character: |position, character| format!("Character {position} ('{character}') cannot be in a code. A code has only digits and letters."),
    code_mistyped: "This code is not complete, or it has a typing error. Check every character.",
    fhir_no_questionnaire: "This FHIR file does not say which questionnaire the answers belong to. So it cannot be read here.",
    fhir_server_reference: "This FHIR file points to a questionnaire on another computer (a server). We cannot check that it is this questionnaire. So we do not read it.",
    fhir_other_version: |found, expected| format!("This FHIR file was made with another version of the questionnaire (version {found}; this is version {expected}). So it cannot be read here."),
    fhir_other_questionnaire: "This FHIR file belongs to another questionnaire. So it cannot be read here.",
    fhir_entered_in_error: "This FHIR file says that the answers were entered by mistake. So we do not use them.",
    fhir_no_link_id: "This FHIR file has an answer without the question it belongs to. So we cannot read it.",
    fhir_nested_items: |question| format!("This FHIR file has more questions under question {question}. This questionnaire does not have those, so we do not know where those answers belong."),
    fhir_answered_twice: |question| format!("In this FHIR file, question {question} is answered twice. We do not know which answer counts."),
    fhir_chosen_twice: |question, code| format!("In this FHIR file, answer '{code}' is chosen twice for question {question}. We do not know what was meant."),
    fhir_not_a_coding: |question| format!("In this FHIR file, question {question} is not answered with one of this questionnaire's answers."),
    fhir_other_code_system: |question| format!("In this FHIR file, the answer to question {question} comes from another list of answers. It may mean something else. So we do not read it."),
    fhir_unknown_code: |question, code| format!("In this FHIR file, question {question} has answer '{code}'. That answer does not exist for this question."),
    fhir_unreadable: "This FHIR file cannot be read here.",
    code_mistyped_or_other: "This code is not complete, or it has a typing error. Or it was made with another version of the questionnaire. Check every character.",
    code_newer_version: "This code was made with a newer version of Naastenmeter. Open it on the website where it was made.",
    code_other_questionnaire: "This code was made with another version of the questionnaire. So it cannot be read here.",
    code_unreadable: "This code cannot be read.",
    error_score: "Your answers could not be processed. Check your answers, or start again.",
    error_storage: "This did not work in this browser. Perhaps its storage is full, or saving is switched off (for example in a private window).",

    // Embedded in a partner's site.
    local_offers_heading: "Support near you",
    local_offers_intro: "This organisation offers this itself. It fits your result.",
    contact: "Contact",
    offer_peer_group: "Group with other relatives",
    offer_listening_ear: "Listening ear",
    offer_theme_evening: "Theme evening",
    offer_one_to_one: "One-to-one support",
    offer_respite: "A break from caring (respite)",
    offer_training: "Course or training",
    config_notice: "Some settings of this website are not right. Naastenmeter still works as usual.",
    config_details: "For the web team of this site: what is not right",
};

/// Why no description is named when too few parts were answered; a named
/// function because it chooses between "all" and "n of the".
fn too_few_inputs(needed: usize, used: usize, total: usize) -> String {
    let parts = if needed >= total {
        format!("all {total} parts")
    } else {
        format!("{needed} of the {total} parts")
    };
    format!(
        "You answered too few questions to compare you with the descriptions. \
         That needs enough answers on {parts}. \
         You now have enough answers on {used} of the {total} parts."
    )
}

/// The prerendered page's messages (see [`PageMessages`]).
pub(super) static EN_PAGE: PageMessages = PageMessages {
    app_loading: "One moment. The questionnaire is still loading. Then it goes on by itself.",
    app_needs_javascript: "This questionnaire only works when JavaScript is on in your browser.",
    app_cannot_start: "The questionnaire cannot start in this browser. Try a newer browser.",
};
