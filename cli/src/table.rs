//! The data table that `fit`, `reliability` and `--start-values` read: a CSV
//! file with a header line, comma-separated cells, double quotes as in
//! RFC 4180 (read by the `csv` crate), and `NA` or an empty cell for a
//! missing value. Cells and column names are trimmed; blank lines are
//! skipped. Every error names the file and the line, and where it can the
//! column.

use std::fs;

use csv::{ReaderBuilder, StringRecord, Trim};
use naastenmeter_core::instrument::ResponseScale;
use naastenmeter_core::Questionnaire;
use naastenmeter_estimate::{CategoricalData, ContinuousData, MISSING_CATEGORY};

/// A CSV file: a header and rows of cells.
///
/// Only the file's text is kept; the rows are parsed again, in order, by
/// each pass over them ([`Table::each_row`]). Numbers in a CSV file take
/// fewer bytes than any parsed copy of their cells would (on 100,000 rows x
/// 20 items an index of the cells took four times the file's size), and the
/// fitting data are built row by row in order, so a pass is all they need.
pub(crate) struct Table {
    /// The file's path, for messages.
    path: String,
    /// Column names.
    pub header: Vec<String>,
    text: String,
    /// Number of data rows (blank lines not counted).
    rows: usize,
}

/// One data row of a [`Table`], handed to the closure of [`Table::each_row`].
pub(crate) struct Row {
    /// The file's line on which the row begins, counted from 1.
    pub line: u64,
    record: StringRecord,
}

impl Row {
    /// The cell in column `j`, trimmed; `None` when empty or `NA`.
    pub(crate) fn cell(&self, j: usize) -> Option<&str> {
        self.record
            .get(j)
            .filter(|cell| !matches!(*cell, "" | "NA"))
    }
}

/// A reader of CSV text: rows may differ in width (checked with a better
/// message than the crate's), cells and names are trimmed.
fn reader(text: &str) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .flexible(true)
        .trim(Trim::All)
        .from_reader(text.as_bytes())
}

/// Where the next record of `text` begins, as a byte offset and a line, when
/// a reader stands at `position`: past the empty lines that the reader skips.
fn next_start(text: &str, position: &csv::Position) -> (usize, u64) {
    let from = usize::try_from(position.byte()).unwrap_or(text.len());
    let skipped = text.as_bytes().get(from..).unwrap_or_default();
    let blank = skipped
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    let breaks = skipped[..blank].iter().filter(|b| **b == b'\n').count();
    (from + blank, position.line() + breaks as u64)
}

/// An error of the `csv` crate, after the file's path and the line.
fn csv_error(path: &str, error: &csv::Error) -> String {
    match error.position() {
        Some(position) => format!("{path}, line {}: {error}", position.line()),
        None => format!("{path}: {error}"),
    }
}

/// Whether a record is a line of spaces, which is skipped like an empty one.
fn blank(record: &StringRecord) -> bool {
    record.len() == 1 && record[0].is_empty()
}

impl Table {
    /// Reads a CSV file and checks it: a header, at least one row, every row
    /// as wide as the header, every quoted cell closed.
    pub(crate) fn read(path: &str) -> Result<Self, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
        let mut reader = reader(&text);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(path, &e))?
            .iter()
            .map(String::from)
            .collect();
        if header.is_empty() {
            return Err(format!("{path}: the file is empty; expected a header line"));
        }
        // Where the last record begins: only it can end inside quotes,
        // since an open quote takes in the rest of the file.
        let mut last = (0, 1);
        let mut rows = 0;
        let mut record = StringRecord::new();
        loop {
            let (start, line) = next_start(&text, reader.position());
            if !reader
                .read_record(&mut record)
                .map_err(|e| csv_error(path, &e))?
            {
                break;
            }
            last = (start, line);
            if blank(&record) {
                continue;
            }
            if record.len() != header.len() {
                return Err(format!(
                    "{path}, line {line}: {} cells, but the header has {} columns",
                    record.len(),
                    header.len()
                ));
            }
            rows += 1;
        }
        if ends_inside_quotes(&text.as_bytes()[last.0..]) {
            return Err(format!(
                "{path}, line {}: a quoted cell is not closed",
                last.1
            ));
        }
        if rows == 0 {
            return Err(format!("{path}: the file has a header but no rows"));
        }
        Ok(Self {
            path: path.to_string(),
            header,
            text,
            rows,
        })
    }

    /// Calls `f` with every data row in order, stopping at its first error.
    pub(crate) fn each_row(
        &self,
        mut f: impl FnMut(&Row) -> Result<(), String>,
    ) -> Result<(), String> {
        let mut reader = reader(&self.text);
        let mut row = Row {
            line: 0,
            record: StringRecord::new(),
        };
        // The header was read (and checked) by `read`.
        reader.headers().map_err(|e| csv_error(&self.path, &e))?;
        loop {
            row.line = next_start(&self.text, reader.position()).1;
            if !reader
                .read_record(&mut row.record)
                .map_err(|e| csv_error(&self.path, &e))?
            {
                return Ok(());
            }
            if !blank(&row.record) {
                f(&row)?;
            }
        }
    }

    /// Number of rows (without the header).
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    /// The column names, the file's text freed.
    pub(crate) fn into_header(self) -> Vec<String> {
        self.header
    }

    /// The cells of column `j`, in row order; `None` when empty or `NA`.
    pub(crate) fn column(&self, j: usize) -> Result<Vec<Option<String>>, String> {
        let mut cells = Vec::with_capacity(self.rows);
        self.each_row(|row| {
            cells.push(row.cell(j).map(String::from));
            Ok(())
        })?;
        Ok(cells)
    }

    /// Positions of the named columns.
    pub(crate) fn columns(&self, names: &[String]) -> Result<Vec<usize>, String> {
        names
            .iter()
            .map(|name| {
                self.header.iter().position(|h| h == name).ok_or(format!(
                    "no column `{name}` in the data (columns: {})",
                    self.header.join(", ")
                ))
            })
            .collect()
    }

    /// Where a cell is, for messages: the file, the line and the column.
    fn place(&self, row: &Row, j: usize) -> String {
        format!(
            "{}, line {}, column `{}`",
            self.path, row.line, self.header[j]
        )
    }

    /// The named columns as numbers (NaN where missing).
    pub(crate) fn continuous(&self, columns: &[usize]) -> Result<ContinuousData, String> {
        let mut values = Vec::with_capacity(self.rows * columns.len());
        self.each_row(|row| {
            for &j in columns {
                values.push(match row.cell(j) {
                    None => f64::NAN,
                    Some(cell) => match cell.parse::<f64>() {
                        Ok(v) if v.is_finite() => v,
                        _ => {
                            return Err(format!("{}: `{cell}` is not a number", self.place(row, j)))
                        }
                    },
                });
            }
            Ok(())
        })?;
        ContinuousData::new(columns.len(), values)
            .map_err(|e| self.describe(columns, &e.to_string()))
    }

    /// The named columns as answer categories: codes 1..K (K declared, or the
    /// largest code of each column), or with an instrument the option values
    /// of each item's response scale.
    pub(crate) fn categorical(
        &self,
        columns: &[usize],
        declared: Option<u8>,
        instrument: Option<&Questionnaire>,
    ) -> Result<CategoricalData, String> {
        let scales: Vec<Option<&ResponseScale>> = columns
            .iter()
            .map(|&j| {
                instrument
                    .map(|ins| {
                        let id = &self.header[j];
                        ins.response_scale_of(id)
                            .ok_or(format!("column `{id}` is not an item of the instrument"))
                    })
                    .transpose()
            })
            .collect::<Result<_, _>>()?;
        let mut codes = Vec::with_capacity(self.rows * columns.len());
        let mut largest = vec![0u8; columns.len()];
        self.each_row(|row| {
            for (position, &j) in columns.iter().enumerate() {
                let Some(cell) = row.cell(j) else {
                    codes.push(MISSING_CATEGORY);
                    continue;
                };
                let place = || self.place(row, j);
                let value: i32 = cell
                    .parse()
                    .map_err(|_| format!("{}: `{cell}` is not a whole number", place()))?;
                let code = match scales[position] {
                    Some(scale) => scale.option_index(value).ok_or(format!(
                        "{}: {value} is not an option of response scale `{}`",
                        place(),
                        scale.id
                    ))?,
                    None => {
                        let top = i32::from(declared.unwrap_or(254));
                        if !(1..=top).contains(&value) {
                            return Err(format!(
                                "{}: category {value} is outside 1..{top}",
                                place()
                            ));
                        }
                        (value - 1) as usize
                    }
                };
                let code =
                    u8::try_from(code).map_err(|_| format!("{}: too many categories", place()))?;
                largest[position] = largest[position].max(code + 1);
                codes.push(code);
            }
            Ok(())
        })?;
        let categories: Vec<u8> = scales
            .iter()
            .zip(&largest)
            .map(|(scale, largest)| match scale {
                Some(scale) => u8::try_from(scale.options.len()).unwrap_or(u8::MAX),
                None => declared.unwrap_or((*largest).max(2)),
            })
            .collect();
        CategoricalData::new(categories, codes).map_err(|e| self.describe(columns, &e.to_string()))
    }

    /// An estimation error's "column 3" turned into the column's name.
    pub(crate) fn describe(&self, columns: &[usize], message: &str) -> String {
        describe(&self.header, &self.path, columns, message)
    }
}

/// An estimation error's "column 3" turned into the name in `header` of the
/// third of `columns`, after the file's path.
pub(crate) fn describe(header: &[String], path: &str, columns: &[usize], message: &str) -> String {
    let mut message = message.to_string();
    for (position, &j) in columns.iter().enumerate().rev() {
        message = message.replace(
            &format!("column {}", position + 1),
            &format!("column `{}`", header[j]),
        );
    }
    format!("{path}: {message}")
}

/// Whether the CSV text of a last record ends inside a quoted cell. The
/// `csv` crate takes an open quote to the end of the file without a word;
/// this follows its rules (a quote opens a quoted cell only at the cell's
/// start, and a doubled quote inside is one quote) to say so.
fn ends_inside_quotes(raw: &[u8]) -> bool {
    let mut quoted = false;
    let mut at_start = true;
    let mut bytes = raw.iter().peekable();
    while let Some(&byte) = bytes.next() {
        match (quoted, byte) {
            (true, b'"') if bytes.peek() == Some(&&b'"') => {
                bytes.next();
            }
            (true, b'"') => quoted = false,
            (true, _) => {}
            (false, b'"') if at_start => quoted = true,
            (false, b',' | b'\n') => {
                at_start = true;
                continue;
            }
            (false, _) => {}
        }
        at_start = false;
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::Table;

    fn table(name: &str, text: &str) -> Result<Table, String> {
        let dir = std::env::temp_dir().join(format!("naastenmeter-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        Table::read(&path.to_string_lossy())
    }

    fn cells(table: &Table) -> Vec<(u64, Vec<Option<String>>)> {
        let mut rows = Vec::new();
        table
            .each_row(|row| {
                let cells = (0..table.header.len())
                    .map(|j| row.cell(j).map(String::from))
                    .collect();
                rows.push((row.line, cells));
                Ok(())
            })
            .unwrap();
        rows
    }

    #[test]
    fn csv_quotes_line_breaks_and_missing_cells() {
        let t = table(
            "quotes.csv",
            "id,\"note, with comma\",x\r\n1,\"say \"\"hi\"\"\nthere\",NA\r\n\n  \n2,\"q\" ,5\n3,a\"b,\n",
        )
        .unwrap();
        assert_eq!(t.header, ["id", "note, with comma", "x"]);
        // Blank lines are skipped; a quoted cell keeps its line break.
        assert_eq!(t.rows(), 3);
        let s = |c: &str| Some(c.to_string());
        assert_eq!(
            cells(&t),
            [
                (2, vec![s("1"), s("say \"hi\"\nthere"), None]),
                (6, vec![s("2"), s("q"), s("5")]),
                // A quote inside an unquoted cell is an ordinary character.
                (7, vec![s("3"), s("a\"b"), None]),
            ]
        );
        assert_eq!(t.column(1).unwrap()[1].as_deref(), Some("q"));
    }

    #[test]
    fn csv_errors_name_the_line() {
        let ragged = table("ragged.csv", "a,b\n1,2\n3\n")
            .err()
            .unwrap_or_default();
        assert!(
            ragged.ends_with("line 3: 1 cells, but the header has 2 columns"),
            "{ragged}"
        );
        let open = table("open.csv", "a,b\n1,\"2\n").err().unwrap_or_default();
        assert!(
            open.ends_with("line 2: a quoted cell is not closed"),
            "{open}"
        );
        let closed = table("closed.csv", "a,b\n1,\"2\"\"\"\n3,\"\"\n4,x\"y\n");
        assert_eq!(closed.map(|t| t.rows()), Ok(3));
        let empty = table("empty.csv", "a,b\n\n").err().unwrap_or_default();
        assert!(
            empty.ends_with("the file has a header but no rows"),
            "{empty}"
        );
        let nothing = table("nothing.csv", "").err().unwrap_or_default();
        assert!(
            nothing.ends_with("the file is empty; expected a header line"),
            "{nothing}"
        );
    }

    #[test]
    fn cells_are_named_by_line_and_column() {
        let t = table("bad-number.csv", "a,b\n1,2\n\n\"x\ny\",3\n4,z\n").unwrap();
        let error = t.continuous(&[0, 1]).err().unwrap_or_default();
        assert!(
            error.ends_with("line 4, column `a`: `x\ny` is not a number"),
            "{error}"
        );
        let error = t.continuous(&[1]).err().unwrap_or_default();
        assert!(
            error.ends_with("line 6, column `b`: `z` is not a number"),
            "{error}"
        );
    }
}
