//! Reliability functions against hand-computed and published values.

use naastenmeter_estimate::reliability::{cohen_kappa, icc_2_1, scale_reliability};
use naastenmeter_estimate::{ContinuousData, EstimateError};

fn close(got: f64, want: f64) {
    assert!((got - want).abs() < 1e-9, "{got} instead of {want}");
}

#[test]
fn alpha_item_rest_and_alpha_if_dropped_match_hand_computation() {
    // Six respondents, three items. Sample covariances: var 2.1667, 1.3667,
    // 1.0667; covariances 1.5333, 1.3333, 1.1333; total variance 12.3
    // = 123/10, item variances sum 4.6 = 46/10, so
    // alpha = 3/2 * (1 - 46/123) = 115/123.
    let items = ContinuousData::new(
        3,
        vec![
            1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 4.0, 4.0, 5.0, 4.0, 2.0, 2.0, 3.0, 5.0, 4.0,
            5.0,
        ],
    )
    .unwrap();
    let r = scale_reliability(&items).unwrap();
    assert_eq!(r.rows_used, 6);
    close(r.alpha, 115.0 / 123.0);
    // Without item 1: 2 * (1 - (1.3667 + 1.0667) / (1.3667 + 1.0667 + 2 * 1.1333)) = 27/32.
    close(r.alpha_if_dropped[0], 27.0 / 32.0);
    close(r.alpha_if_dropped[1], 0.957_446_808_510_638_2);
    close(r.alpha_if_dropped[2], 0.895_833_333_333_333_3);
    // Item-rest: Pearson correlation of each item with the sum of the others.
    close(r.item_rest[0], 0.964_763_821_237_732_2);
    close(r.item_rest[1], 0.797_309_955_752_650_6);
    close(r.item_rest[2], 0.904_534_033_733_291);
}

#[test]
fn alpha_leaves_out_incomplete_rows_and_refuses_constant_items() {
    let items = ContinuousData::new(
        2,
        vec![1.0, 2.0, f64::NAN, 3.0, 2.0, 2.0, 3.0, 4.0, 4.0, 4.0],
    )
    .unwrap();
    assert_eq!(scale_reliability(&items).unwrap().rows_used, 4);
    let constant = ContinuousData::new(2, vec![1.0, 2.0, 1.0, 3.0, 1.0, 4.0]).unwrap();
    assert_eq!(
        scale_reliability(&constant),
        Err(EstimateError::NoVariance { column: 0 })
    );
}

#[test]
fn icc_matches_shrout_and_fleiss() {
    // Shrout and Fleiss (1979), Table 2: six targets rated by four judges;
    // they report ICC(2,1) = 0.29. From their mean squares (BMS 11.24,
    // JMS 32.49, EMS 1.02) the exact value is 0.28976.
    let ratings = ContinuousData::new(
        4,
        vec![
            9.0, 2.0, 5.0, 8.0, 6.0, 1.0, 3.0, 2.0, 8.0, 4.0, 6.0, 8.0, 7.0, 1.0, 2.0, 6.0, 10.0,
            5.0, 6.0, 9.0, 6.0, 2.0, 4.0, 7.0,
        ],
    )
    .unwrap();
    let icc = icc_2_1(&ratings).unwrap();
    assert!((icc - 0.29).abs() < 0.005, "{icc}");
    assert!((icc - 0.289_764_1).abs() < 1e-6, "{icc}");
}

#[test]
fn kappa_matches_the_textbook_example() {
    // 50 pairs: yes/yes 20, yes/no 5, no/yes 10, no/no 15: observed
    // agreement 0.7, chance agreement 0.5, kappa 0.4.
    let mut first = Vec::new();
    let mut second = Vec::new();
    for (a, b, n) in [(0, 0, 20), (0, 1, 5), (1, 0, 10), (1, 1, 15)] {
        for _ in 0..n {
            first.push(Some(a));
            second.push(Some(b));
        }
    }
    first.push(None);
    second.push(Some(1));
    close(cohen_kappa(&first, &second, 2).unwrap(), 0.4);
    assert!(cohen_kappa(&[Some(2)], &[Some(0)], 2).is_err());
}
