//! How the default questionnaire is split into pages (issue 15: fewer,
//! calmer screens): every question once and in order, no page across two
//! parts, no page with a lone question, and a part split into pages of
//! about equal length.

use naastenmeter_web::pages::paginate;

#[test]
fn every_question_once_in_order_and_no_lone_question() {
    let instrument = naastenmeter_web::instrument::load().expect("the compiled-in instrument");
    let pages = paginate(&instrument);
    let asked: Vec<&String> = pages.iter().flat_map(|p| &p.questions).collect();
    let listed: Vec<&String> = instrument
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .collect();
    assert_eq!(
        asked, listed,
        "every question once, in the instrument's order"
    );
    for (n, page) in pages.iter().enumerate() {
        let section = &instrument.sections[page.section];
        assert!(
            page.questions.iter().all(|q| section.questions.contains(q)),
            "page {n} stays within its part"
        );
        assert!(
            page.questions.len() > 1,
            "page {n} holds more than one question: {:?}",
            page.questions
        );
        assert_eq!(
            page.first_of_section,
            n == 0 || pages[n - 1].section != page.section,
            "page {n}: first of its part"
        );
    }
    assert!(pages.len() <= 12, "{} pages", pages.len());
}

#[test]
fn a_split_part_has_pages_of_about_equal_length() {
    let instrument = naastenmeter_web::instrument::load().expect("the compiled-in instrument");
    let pages = paginate(&instrument);
    for section in 0..instrument.sections.len() {
        let sizes: Vec<usize> = pages
            .iter()
            .filter(|p| p.section == section)
            .map(|p| p.questions.len())
            .collect();
        let (min, max) = (sizes.iter().min(), sizes.iter().max());
        if let (Some(min), Some(max)) = (min, max) {
            assert!(
                max - min <= 2,
                "part {section}: pages of {sizes:?} questions"
            );
        }
    }
}
