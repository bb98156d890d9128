//! The data table that `fit`, `reliability` and `--start-values` read: a CSV
//! file with a header line, comma-separated cells, double quotes as in
//! RFC 4180 (parsed by `csv-core`, the `csv` crate's parser), and `NA` or an
//! empty cell for a missing value. Cells and column names are trimmed; blank
//! lines are skipped. Every error names the file and the line, and where it
//! can the column.
//!
//! The file is streamed, record by record, and never held in memory: the
//! fitting data are built straight from each row into their compact form
//! (one byte per answer), so reading a large file takes little more memory
//! than the data themselves.

use std::fs::File;
use std::io::{BufRead, BufReader};

use csv::{ByteRecord, StringRecord};
use csv_core::ReadRecordResult;
use naastenmeter_core::instrument::ResponseScale;
use naastenmeter_core::Questionnaire;
use naastenmeter_estimate::{CategoricalData, ContinuousData, MISSING_CATEGORY};

/// A CSV file: its header, read when the table is opened; the rows are read
/// from the file again, in order, by each pass over them
/// ([`Table::each_row`]).
pub(crate) struct Table {
    /// The file's path, for messages and for each pass.
    path: String,
    /// Column names.
    pub header: Vec<String>,
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

/// The records of a CSV file, one at a time, each with the line it begins
/// on. `csv-core` parses; this feeds it the file and counts lines itself,
/// because the `csv` crate's reader reports the line before the blank lines
/// it skips, and its buffer hides where a record really begins.
struct Records {
    path: String,
    input: BufReader<File>,
    parser: csv_core::Reader,
    /// The line of the next byte of the file, counted from 1.
    line: u64,
    /// The parser's output: the cells' bytes one after the other, and where
    /// each cell ends.
    bytes: Vec<u8>,
    ends: Vec<usize>,
    /// The raw text of the last record read: only the file's last record
    /// can end inside quotes, since an open quote takes in the rest.
    raw: Vec<u8>,
    /// The raw text of the record being read (`raw` once it is complete).
    reading: Vec<u8>,
}

/// Number of line breaks in `bytes`.
fn line_breaks(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| **b == b'\n').count() as u64
}

impl Records {
    fn open(path: &str) -> Result<Self, String> {
        let file = File::open(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
        Ok(Self {
            path: path.to_string(),
            input: BufReader::with_capacity(1 << 16, file),
            parser: csv_core::Reader::new(),
            line: 1,
            bytes: vec![0; 256],
            ends: vec![0; 32],
            raw: Vec::new(),
            reading: Vec::new(),
        })
    }

    /// Reads the next record into `record` (cells trimmed) and returns the
    /// line it begins on, or `None` at the end of the file.
    fn next(&mut self, record: &mut StringRecord) -> Result<Option<u64>, String> {
        // Blank lines before the record: skipped here (the parser would skip
        // them too), so that the record's first line is known.
        let path = &self.path;
        let io_error = |e: std::io::Error| format!("cannot read `{path}`: {e}");
        loop {
            let buffer = self.input.fill_buf().map_err(io_error)?;
            let blank = buffer
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let (all, breaks) = (blank == buffer.len(), line_breaks(&buffer[..blank]));
            self.input.consume(blank);
            self.line += breaks;
            if blank == 0 || !all {
                break;
            }
        }
        let line = self.line;
        self.reading.clear();
        let (mut written, mut ended) = (0, 0);
        loop {
            let buffer = self.input.fill_buf().map_err(io_error)?;
            let (result, read, out, ends) = self.parser.read_record(
                buffer,
                &mut self.bytes[written..],
                &mut self.ends[ended..],
            );
            self.reading.extend_from_slice(&buffer[..read]);
            self.line += line_breaks(&buffer[..read]);
            self.input.consume(read);
            written += out;
            ended += ends;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.bytes.resize(self.bytes.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    std::mem::swap(&mut self.raw, &mut self.reading);
                    break;
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
        // The cells, trimmed, into `record`, reusing its allocation; the
        // `csv` crate checks that they are UTF-8.
        let mut cells = ByteRecord::from(std::mem::take(record));
        cells.clear();
        let mut from = 0;
        for &end in &self.ends[..ended] {
            cells.push_field(self.bytes[from..end].trim_ascii());
            from = end;
        }
        *record = StringRecord::from_byte_record(cells)
            .map_err(|e| format!("{path}, line {line}: {e}"))?;
        Ok(Some(line))
    }

    /// Refuses a file whose last record ends inside a quoted cell, once all
    /// records are read.
    fn check_quotes(&self) -> Result<(), String> {
        if ends_inside_quotes(&self.raw) {
            return Err(format!(
                "{}, line {}: a quoted cell is not closed",
                self.path,
                self.line - line_breaks(&self.raw)
            ));
        }
        Ok(())
    }
}

/// Whether a record is a line of spaces, which is skipped like an empty one.
fn blank(record: &StringRecord) -> bool {
    record.len() == 1 && record[0].is_empty()
}

impl Table {
    /// Opens a CSV file and reads its header. The rows are checked (every
    /// row as wide as the header, at least one row, every quoted cell
    /// closed) by each pass over them.
    pub(crate) fn read(path: &str) -> Result<Self, String> {
        let mut records = Records::open(path)?;
        let mut names = StringRecord::new();
        if records.next(&mut names)?.is_none() {
            return Err(format!("{path}: the file is empty; expected a header line"));
        }
        Ok(Self {
            path: path.to_string(),
            header: names.iter().map(String::from).collect(),
        })
    }

    /// Calls `f` with every data row in order, reading the file anew,
    /// stopping at its first error or the first row that does not fit the
    /// header. Returns the number of rows.
    pub(crate) fn each_row(
        &self,
        mut f: impl FnMut(&Row) -> Result<(), String>,
    ) -> Result<usize, String> {
        let mut records = Records::open(&self.path)?;
        let mut row = Row {
            line: 0,
            record: StringRecord::new(),
        };
        // The header, read by `read`.
        records.next(&mut row.record)?;
        let mut rows = 0;
        while let Some(line) = records.next(&mut row.record)? {
            row.line = line;
            if blank(&row.record) {
                continue;
            }
            if row.record.len() != self.header.len() {
                return Err(format!(
                    "{}, line {line}: {} cells, but the header has {} columns",
                    self.path,
                    row.record.len(),
                    self.header.len()
                ));
            }
            f(&row)?;
            rows += 1;
        }
        records.check_quotes()?;
        if rows == 0 {
            return Err(format!("{}: the file has a header but no rows", self.path));
        }
        Ok(rows)
    }

    /// Number of rows (without the header), in a pass over the file.
    pub(crate) fn rows(&self) -> Result<usize, String> {
        self.each_row(|_| Ok(()))
    }

    /// The cells of column `j`, in row order; `None` when empty or `NA`.
    pub(crate) fn column(&self, j: usize) -> Result<Vec<Option<String>>, String> {
        let mut cells = Vec::new();
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
        let mut values = Vec::new();
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
        // Grown as the rows come (a large vector grows in place, without a
        // copy), one byte per answer.
        let mut codes = Vec::new();
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
        codes.shrink_to_fit();
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
        // The rows are checked by a pass over them.
        let table = Table::read(&path.to_string_lossy())?;
        table.rows()?;
        Ok(table)
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
        assert_eq!(t.rows(), Ok(3));
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
        assert_eq!(closed.and_then(|t| t.rows()), Ok(3));
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
