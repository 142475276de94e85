//! Where in a JSON document a byte is, as a path (`venues[3].name`), so that a syntax error
//! can name the item it broke. The bytes are followed as the parser reads them, a little
//! behind it (the parser looks ahead), and caught up to the error's line and column when
//! one comes.

use std::collections::VecDeque;

/// How far behind the parser the path is followed, in bytes: more than the parser ever
/// looks ahead.
const LAG: usize = 64;

/// One open object or list.
#[derive(Debug)]
enum Frame {
    /// An object, with the key of the member being read (`None` between members).
    Object { key: Option<String>, in_key: bool },
    /// A list, with the index of the item being read.
    List { index: usize },
}

/// Follows a JSON document byte by byte, keeping the path of the value being read.
#[derive(Debug, Default)]
pub struct JsonPlace {
    stack: Vec<Frame>,
    /// Inside a string; and after a backslash in it.
    in_string: bool,
    escaped: bool,
    /// The string being read, when it is an object's key.
    text: Vec<u8>,
    /// The line (1-based) and the column (bytes, 1-based) of the last byte taken.
    line: usize,
    column: usize,
    /// Bytes read by the parser but not yet taken.
    pending: VecDeque<u8>,
}

impl JsonPlace {
    /// A place at the start of a document.
    pub fn new() -> JsonPlace {
        JsonPlace {
            line: 1,
            ..JsonPlace::default()
        }
    }

    /// Bytes the parser has read.
    pub fn read(&mut self, bytes: &[u8]) {
        self.pending.extend(bytes);
        while self.pending.len() > LAG {
            if let Some(b) = self.pending.pop_front() {
                self.take(b);
            }
        }
    }

    /// The path of the value at `line` and `column` (as `serde_json` counts them): what
    /// was open just before that byte.
    pub fn path_at(&mut self, line: usize, column: usize) -> String {
        while let Some(&b) = self.pending.front() {
            let (next_line, next_column) = if b == b'\n' {
                (self.line + 1, 0)
            } else {
                (self.line, self.column + 1)
            };
            if (next_line, next_column) >= (line, column) {
                break;
            }
            self.pending.pop_front();
            self.take(b);
        }
        self.path()
    }

    /// The path of what is open now.
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Object { key: Some(k), .. } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Frame::Object { key: None, .. } => {}
                Frame::List { index } => path.push_str(&format!("[{index}]")),
            }
        }
        path
    }

    fn take(&mut self, b: u8) {
        if b == b'\n' {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += 1;
        }
        if self.in_string {
            self.string_byte(b);
            return;
        }
        match b {
            b'"' => {
                self.in_string = true;
                self.text.clear();
            }
            b'{' => self.stack.push(Frame::Object {
                key: None,
                in_key: true,
            }),
            b'[' => self.stack.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                self.stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_key, .. }) = self.stack.last_mut() {
                    *in_key = false;
                }
            }
            b',' => match self.stack.last_mut() {
                Some(Frame::Object { key, in_key }) => {
                    *key = None;
                    *in_key = true;
                }
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
    }

    fn string_byte(&mut self, b: u8) {
        if self.escaped {
            self.escaped = false;
            self.text.push(b);
            return;
        }
        match b {
            b'\\' => self.escaped = true,
            b'"' => {
                self.in_string = false;
                if let Some(Frame::Object { key, in_key: true }) = self.stack.last_mut() {
                    *key = Some(String::from_utf8_lossy(&self.text).into_owned());
                }
            }
            _ => self.text.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::JsonPlace;

    /// The path at the first byte of `marker` in `doc` (which it then leaves out).
    fn path_before(doc: &str, marker: char) -> String {
        let at = doc.find(marker).unwrap_or(doc.len());
        let before = &doc[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
        let mut place = JsonPlace::new();
        place.read(doc.replace(marker, " ").as_bytes());
        place.path_at(line, column)
    }

    #[test]
    fn names_the_item_a_byte_is_in() {
        let doc = "{\"venues\": [{\"id\": \"a\"}, {\"id\": \"b\", \"name\": {\"zh-CN\": #}}]}";
        assert_eq!(path_before(doc, '#'), "venues[1].name.zh-CN");
        let doc = "{\"venues\": [{\"id\": \"a\",# }]}";
        assert_eq!(path_before(doc, '#'), "venues[0]");
        let doc = "{\"a\": [1,\n 2,\n 3 #]}";
        assert_eq!(path_before(doc, '#'), "a[2]");
        let doc = "{\"a\": \"x\\\"y\", \"b\": #}";
        assert_eq!(path_before(doc, '#'), "b");
    }
}
