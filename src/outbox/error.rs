//! How the outbox fails.

use rusqlite::ErrorCode;

use crate::file_fault::FileFault;

/// Why the outbox failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OutboxError {
    /// The disk is full: nothing was saved.
    #[error("the disk is full")]
    DiskFull,
    /// The file or its folder cannot be written.
    #[error("the outbox cannot be written: {0}")]
    ReadOnly(String),
    /// The file is damaged, and another program (the kiosk, most likely) has it open, so it
    /// cannot be repaired now.
    #[error(
        "the outbox is damaged and another program is using it; stop the kiosk, then try again"
    )]
    InUse,
    /// Anything else SQLite or the file system reported.
    #[error("the outbox failed: {0}")]
    Other(String),
}

impl From<rusqlite::Error> for OutboxError {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => OutboxError::DiskFull,
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                OutboxError::ReadOnly(err.to_string())
            }
            _ => OutboxError::Other(err.to_string()),
        }
    }
}

impl OutboxError {
    /// What went wrong, as staff are told it.
    pub fn fault(&self) -> FileFault {
        match self {
            OutboxError::DiskFull => FileFault::DiskFull,
            OutboxError::ReadOnly(_) => FileFault::PermissionDenied,
            OutboxError::InUse => FileFault::InUse,
            OutboxError::Other(_) => FileFault::Other,
        }
    }
}

/// What a SQLite error means for its file, as staff are told it.
pub fn sqlite_fault(err: &rusqlite::Error) -> FileFault {
    match err.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => FileFault::DiskFull,
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => FileFault::PermissionDenied,
        Some(ErrorCode::CannotOpen) => FileFault::NotFound,
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => FileFault::Damaged,
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => FileFault::InUse,
        _ => FileFault::Other,
    }
}

/// True for errors that mean the file itself is damaged.
pub(super) fn is_corruption(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}
