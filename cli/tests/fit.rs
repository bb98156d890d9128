//! The `fit` and `reliability` commands as a researcher runs them.

mod common;

use common::{data, run, stderr, stdout, temp_file};

#[test]
fn fit_classes_prints_the_table_and_writes_the_chosen_model() {
    let out = temp_file("carcinoma-model.json", "");
    let output = run(&[
        "fit",
        "--kind",
        "classes",
        "--classes",
        "1..3",
        "--starts",
        "10",
        "--choose",
        "2",
        "--out",
        &out,
        &data("carcinoma.csv"),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("-524.4648") && stdout.contains("-317.2568"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("fitting 3 classes"));
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let classes = &model["latent"]["classes"];
    assert_eq!(classes["items"][0], "A");
    assert_eq!(classes["classes"].as_array().unwrap().len(), 2);
    // The typicality rule comes with the model: all seven items needed, and
    // the threshold keeps at least the target share of the data.
    let typicality = &model["typicality"];
    assert_eq!(typicality["min_inputs"], 7);
    assert_eq!(typicality["target_share"], 0.975);
    assert!(typicality["typical_share"].as_f64().unwrap() >= 0.975);
    assert!(typicality["threshold"].as_f64().unwrap() < 0.0);
    assert!(stdout.contains("typical"), "{stdout}");
}

#[test]
fn fit_profiles_merges_into_an_instrument_and_keeps_it_valid() {
    let instrument = data("test-instrument.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&instrument).unwrap()).unwrap();
    let scales: Vec<String> = json["scales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    let classes = json["prototypes"].as_array().unwrap().len();
    // Simulated scale scores, two groups, one missing cell.
    let mut csv = scales.join(",") + "\n";
    for i in 0..120 {
        let shift = if i % 2 == 0 { 1.0 } else { 3.0 };
        let row: Vec<String> = (0..scales.len())
            .map(|j| {
                if i == 5 && j == 0 {
                    "NA".to_string()
                } else {
                    format!("{:.3}", shift + ((i * 7 + j * 13) % 11) as f64 / 20.0)
                }
            })
            .collect();
        csv += &(row.join(",") + "\n");
    }
    let input = temp_file("scores.csv", &csv);
    let out = temp_file("merged.json", "");
    let k = classes.to_string();
    let output = run(&[
        "fit",
        "--kind",
        "profiles",
        "--classes",
        &k,
        "--starts",
        "5",
        "--instrument",
        &instrument,
        "--out",
        &out,
        &input,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let check = run(&["validate", &out]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // The merged instrument carries the typicality rule of this fit.
    let merged: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let typicality = &merged["model"]["typicality"];
    assert_eq!(typicality["min_inputs"], scales.len());
    assert_ne!(typicality, &json["model"]["typicality"]);
}

#[test]
fn fit_renames_columns_and_checks_the_typicality_options() {
    let out = temp_file("renamed.json", "");
    let output = run(&[
        "fit",
        "--kind",
        "profiles",
        "--classes",
        "2",
        "--starts",
        "5",
        "--columns",
        "burdened=burden,trapped=entrapment",
        "--min-inputs",
        "1",
        "--typical-share",
        "0.9",
        "--out",
        &out,
        &data("zegwaard_carecompass.csv"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(model["latent"]["profiles"]["scales"][0], "burden");
    assert_eq!(model["latent"]["profiles"]["scales"][1], "entrapment");
    assert_eq!(model["typicality"]["min_inputs"], 1);
    assert_eq!(model["typicality"]["target_share"], 0.9);

    // --min-inputs depends on the columns fitted: an input problem (1);
    // --typical-share out of range is a wrong command line (2).
    for (option, value, code, message) in [
        (
            "--min-inputs",
            "3",
            1,
            "--min-inputs 3 is more than the 2 columns fitted",
        ),
        (
            "--typical-share",
            "0",
            2,
            "'--typical-share <0.975>': must be above 0 and at most 1, not 0",
        ),
        (
            "--typical-share",
            "1.5",
            2,
            "'--typical-share <0.975>': must be above 0 and at most 1, not 1.5",
        ),
    ] {
        let output = run(&[
            "fit",
            "--kind",
            "profiles",
            "--classes",
            "2",
            "--columns",
            "burdened,trapped",
            option,
            value,
            &data("zegwaard_carecompass.csv"),
        ]);
        assert_eq!(output.status.code(), Some(code), "{option} {value}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{stderr}");
    }
}

#[test]
fn unusable_data_are_refused_naming_line_and_column() {
    let bad = temp_file("bad.csv", "a,b\n1,2\n2,x\n");
    let output = run(&["fit", "--kind", "profiles", "--classes", "1", &bad]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 3, column `b`: `x` is not a number"),
        "{stderr}"
    );

    let ragged = temp_file("ragged.csv", "a,b\n1,2\n\n2\n");
    let output = run(&["fit", "--kind", "profiles", "--classes", "1", &ragged]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 4: 1 cells, but the header has 2 columns"),
        "{stderr}"
    );

    let out_of_range = temp_file("range.csv", "a,b\n1,2\n2,5\n1,1\n");
    let output = run(&[
        "fit",
        "--kind",
        "classes",
        "--categories",
        "2",
        "--classes",
        "1",
        &out_of_range,
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 3, column `b`: category 5 is outside 1..2"),
        "{stderr}"
    );

    let constant = temp_file("constant.csv", "a,b\n1,2\n1,3\n1,4\n");
    let output = run(&["fit", "--kind", "profiles", "--classes", "1", &constant]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("column `a`: the values do not vary"),
        "{stderr}"
    );

    let few = temp_file("few.csv", "a,b\n1,2\n2,3\n3,1\n4,4\n");
    let output = run(&["fit", "--kind", "profiles", "--classes", "2", &few]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("4 rows are too few for the model's 7 free parameters"),
        "{stderr}"
    );
}

#[test]
fn reliability_reports_alpha_icc_and_kappa() {
    let items = temp_file(
        "items.csv",
        "i1,i2,i3\n1,2,2\n2,3,3\n3,3,4\n4,5,4\n2,2,3\n5,4,5\n",
    );
    let output = run(&["reliability", "--scale", "s=i1,i2,i3", &items]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("alpha = 0.9350"), "{stdout}");
    // --scale repeats; a malformed one is a wrong command line.
    let output = run(&[
        "reliability",
        "--scale",
        "s=i1,i2,i3",
        "--scale",
        "t=i2,i3",
        &items,
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("scale s: alpha = 0.9350"), "{stdout}");
    assert!(stdout.contains("scale t: alpha"), "{stdout}");
    let output = run(&["reliability", "--scale", "s", &items]);
    assert_eq!(output.status.code(), Some(2));

    let first = temp_file("t1.csv", "burden,proto\n1,a\n2,b\n3,a\n4,b\n5,a\n");
    let second = temp_file("t2.csv", "burden,proto\n1.5,a\n2,b\n3.5,b\n4,b\n4.5,a\n");
    let output = run(&[
        "reliability",
        "--retest",
        "--columns",
        "burden",
        "--prototype",
        "proto",
        &first,
        &second,
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("burden: ICC(2,1) = 0.9"), "{stdout}");
    // Agreement 4 of 5; chance (3*2 + 2*3) / 25 = 0.48; kappa = 0.32/0.52.
    assert!(stdout.contains("Cohen's kappa = 0.6154"), "{stdout}");
}

#[test]
fn help_lists_every_option_and_exits_cleanly() {
    for (command, options) in [
        (
            "fit",
            &[
                "--kind",
                "--classes",
                "--columns",
                "--starts",
                "--seed",
                "--variances",
                "--categories",
                "--smoothing",
                "--tolerance",
                "--max-iterations",
                "--accelerate",
                "--start-values",
                "--order",
                "--choose",
                "--min-inputs",
                "--typical-share",
                "--prototypes",
                "--instrument",
                "--out",
                "--blrt",
                "--threads",
                "--help",
            ][..],
        ),
        (
            "reliability",
            &["--scale", "--retest", "--columns", "--prototype", "--help"][..],
        ),
    ] {
        for help in ["--help", "-h"] {
            let output = run(&[command, help]);
            assert_eq!(output.status.code(), Some(0), "{command} {help}");
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert!(
                stdout.contains(&format!("Usage: naastenmeter {command} ")),
                "{stdout}"
            );
            // One line per option: `--name <value>  what it does`.
            let options_lines: Vec<&str> = stdout
                .lines()
                .map(|l| l.trim_start().trim_start_matches("-h, "))
                .filter(|l| l.starts_with("--"))
                .collect();
            for option in options {
                let lines = options_lines
                    .iter()
                    .filter(|l| l.starts_with(&format!("{option} ")))
                    .count();
                assert_eq!(lines, 1, "{command}: {option} in\n{stdout}");
            }
            assert_eq!(
                options_lines.len(),
                options.len(),
                "{command}: an option this test does not know in\n{stdout}"
            );
        }
    }
}

#[test]
fn long_fits_show_progress_iterations_and_the_few_starts_warning() {
    let output = run(&[
        "fit",
        "--kind",
        "classes",
        "--classes",
        "3",
        "--starts",
        "1",
        "--threads",
        "1",
        "--out",
        &temp_file("progress-model.json", ""),
        &data("carcinoma.csv"),
    ]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("3 classes: 1/1 starts done"), "{stderr}");
    assert!(
        stderr.contains("3 classes: 1 of 1 starts converged"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: 3 classes: only 1 of 1 starts reached the best log-likelihood"),
        "{stderr}"
    );
}

#[test]
fn thread_count_does_not_change_the_fit() {
    let fit = |threads: &str| {
        let output = run(&[
            "fit",
            "--kind",
            "classes",
            "--classes",
            "2",
            "--starts",
            "8",
            "--threads",
            threads,
            &data("values.csv"),
        ]);
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let one = fit("1");
    assert!(one.contains("-504.4677"), "{one}");
    assert_eq!(one, fit("2"));
}

#[test]
fn plain_em_is_one_flag_away_and_reaches_the_same_table() {
    let fit = |accelerate: &str| {
        run(&[
            "fit",
            "--kind",
            "classes",
            "--classes",
            "2..3",
            "--starts",
            "10",
            "--accelerate",
            accelerate,
            &data("carcinoma.csv"),
        ])
    };
    let (plain, squarem) = (fit("none"), fit("squarem"));
    assert!(plain.status.success() && squarem.status.success());
    let table = |o: &std::process::Output| String::from_utf8_lossy(&o.stdout).into_owned();
    for ll in ["-317.2568", "-293.7050"] {
        assert!(table(&plain).contains(ll), "{}", table(&plain));
        assert!(table(&squarem).contains(ll), "{}", table(&squarem));
    }
    // A value that is not one of the option's is a wrong command line.
    let bad = fit("fast");
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("invalid value 'fast' for '--accelerate")
            && stderr.contains("[possible values: squarem, none]"),
        "{stderr}"
    );
}

/// A starting-values file for 2 classes over carcinoma's 7 binary items:
/// `lines` gives, per start, class 1's probability of category 1 (class 2
/// gets the mirror image).
fn carcinoma_starts(lines: &[f64]) -> String {
    let items = ["A", "B", "C", "D", "E", "F", "G"];
    let mut csv = String::from("start,class,item,category,probability\n");
    for (s, p) in lines.iter().enumerate() {
        for (class, p1) in [(1, *p), (2, 1.0 - p)] {
            for item in items {
                csv.push_str(&format!("{},{class},{item},1,{p1}\n", s + 1));
                csv.push_str(&format!("{},{class},{item},2,{}\n", s + 1, 1.0 - p1));
            }
        }
    }
    csv
}

#[test]
fn given_starting_values_are_used_and_checked() {
    let fit = |file: &str, extra: &[&str]| {
        let mut args = vec!["fit", "--kind", "classes", "--start-values", file];
        args.extend_from_slice(extra);
        args.push("--out");
        args.push("/dev/null");
        let data = data("carcinoma.csv");
        args.push(&data);
        let output = run(&args);
        (output.status.code(), stdout(&output), stderr(&output))
    };
    let good = temp_file("starts-good.csv", &carcinoma_starts(&[0.7, 0.2]));
    let (code, out, err) = fit(&good, &["--classes", "2"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("-317.2568"), "{out}");
    assert!(err.contains("2 of 2 starts converged"), "{err}");
    assert!(err.contains("EM iterations per start: "), "{err}");
    // Item positions work as well as names.
    let by_position = carcinoma_starts(&[0.7])
        .lines()
        .enumerate()
        .map(|(i, line)| match i {
            0 => line.to_string(),
            _ => {
                let cells: Vec<&str> = line.split(',').collect();
                let position = "ABCDEFG".find(cells[2]).unwrap() + 1;
                format!(
                    "{},{},{position},{},{}",
                    cells[0], cells[1], cells[3], cells[4]
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let by_position = temp_file("starts-position.csv", &by_position);
    let (code, out, err) = fit(&by_position, &["--classes", "2"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("-317.2568"), "{out}");

    let refused = |name: &str, contents: &str, extra: &[&str], message: &str| {
        let file = temp_file(name, contents);
        let (code, _, err) = fit(&file, extra);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(
            err.contains(message),
            "{name}: expected `{message}` in: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    };
    let good_text = carcinoma_starts(&[0.7, 0.2]);
    let two = ["--classes", "2"];
    refused(
        "starts-sum.csv",
        &good_text.replacen("1,1,A,1,0.7", "1,1,A,1,0.9", 1),
        &two,
        "start 1: class 1, item 1: the probabilities add up to",
    );
    let without_last: Vec<&str> = good_text.lines().collect();
    refused(
        "starts-missing.csv",
        &without_last[..without_last.len() - 1].join("\n"),
        &two,
        "start 2, class 2, item G, category 2 is missing",
    );
    refused(
        "starts-class.csv",
        &format!("{good_text}1,3,A,1,0.5\n"),
        &two,
        "line 58: `class` is `3`; expected a whole number from 1 to 2",
    );
    refused(
        "starts-twice.csv",
        &format!("{good_text}1,1,A,1,0.7\n"),
        &two,
        "line 58: start 1, class 1, item A, category 1 is given twice",
    );
    refused(
        "starts-item.csv",
        &format!("{good_text}1,1,Z,1,0.7\n"),
        &two,
        "item `Z` is neither a fitted column",
    );
    refused(
        "starts-number.csv",
        &good_text.replacen("1,1,A,1,0.7", "1,1,A,1,seventy", 1),
        &two,
        "line 2: probability `seventy` is not a number from 0 to 1",
    );
    refused(
        "starts-header.csv",
        "start,class,item,probability\n1,1,A,0.5\n",
        &two,
        "a starting-values file needs the columns start, class, item, category, probability",
    );
    // One class count is a matter of the command line (exit code 2).
    let range = temp_file("starts-range.csv", &good_text);
    let (code, _, err) = fit(&range, &["--classes", "2..3"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("give --classes K"), "{err}");
    refused(
        "starts-count.csv",
        &good_text,
        &["--classes", "2", "--starts", "5"],
        "--starts 5 but",
    );
}
