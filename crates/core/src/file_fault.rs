//! Why a file could not be read or written, in the words of the person reading the message
//! (an operating system's own text, such as `(os error 2)`, is English and means nothing to
//! most staff).

use std::io::ErrorKind;

use crate::domain::lang::Lang;
use crate::i18n::t;

/// What went wrong with a file, as a person would say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFault {
    /// There is no such file (or folder on its way).
    NotFound,
    /// The kiosk's user may not read or write it.
    PermissionDenied,
    /// The disk is full.
    DiskFull,
    /// A folder where a file was expected, or the other way round.
    WrongKind,
    /// The file is not text (UTF-8).
    NotText,
    /// The file is there but holds nothing.
    Empty,
    /// The file is damaged (a database that no longer reads).
    Damaged,
    /// Another program holds the file.
    InUse,
    /// The disk or the file system failed.
    Other,
}

impl FileFault {
    /// The fault behind an I/O error.
    pub fn of(err: &std::io::Error) -> FileFault {
        match err.kind() {
            ErrorKind::NotFound => FileFault::NotFound,
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                FileFault::PermissionDenied
            }
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
                FileFault::DiskFull
            }
            ErrorKind::IsADirectory | ErrorKind::NotADirectory => FileFault::WrongKind,
            ErrorKind::InvalidData => FileFault::NotText,
            _ => FileFault::Other,
        }
    }

    /// The fault in a few words: "it does not exist".
    pub fn words(self, lang: Lang) -> String {
        t(lang, self.id())
    }

    fn id(self) -> &'static str {
        match self {
            FileFault::NotFound => "file-fault-not-found",
            FileFault::PermissionDenied => "file-fault-permission-denied",
            FileFault::DiskFull => "file-fault-disk-full",
            FileFault::WrongKind => "file-fault-wrong-kind",
            FileFault::NotText => "file-fault-not-text",
            FileFault::Empty => "file-fault-empty",
            FileFault::Damaged => "file-fault-damaged",
            FileFault::InUse => "file-fault-in-use",
            FileFault::Other => "file-fault-other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FileFault;
    use crate::domain::lang::Lang;

    #[test]
    fn a_missing_file_is_said_in_both_languages_without_the_systems_words() {
        let err = std::fs::read("/nonexistent/surely/not/here").unwrap_err();
        let fault = FileFault::of(&err);
        assert_eq!(fault, FileFault::NotFound);
        assert_eq!(fault.words(Lang::En), "it does not exist");
        assert_eq!(fault.words(Lang::Zh), "文件不存在");
    }
}
