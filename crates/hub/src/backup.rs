//! `learning-hub backup FILE`: a consistent copy of the live database, taken with SQLite's
//! online backup while the hub goes on serving and writing. The copy is written beside FILE
//! under a temporary name, checked, synced and only then renamed over FILE, so FILE is always
//! either the last whole copy or the new one.

use std::fs::File;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

/// How long the copy waits on a database that stays busy (recovering its log, say).
const BUSY_FOR_AT_MOST: Duration = Duration::from_secs(60);

/// What went wrong, with the file it went wrong with.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The live database could not be opened or read.
    #[error("cannot read the hub's database {}: {problem}", .file.display())]
    Source {
        /// The live database.
        file: PathBuf,
        /// What the system said.
        problem: String,
    },
    /// The copy could not be written, checked or put in place.
    #[error("cannot write the backup {}: {problem}", .file.display())]
    Target {
        /// The file being written (the temporary copy or FILE).
        file: PathBuf,
        /// What the system said.
        problem: String,
    },
    /// FILE names the live database itself (or one of its own files).
    #[error(
        "will not back up over the hub's live database {}: choose another file",
        .file.display()
    )]
    OverLive {
        /// The live database.
        file: PathBuf,
    },
}

impl BackupError {
    /// The file the backup went wrong with.
    pub fn file(&self) -> &Path {
        match self {
            BackupError::Source { file, .. }
            | BackupError::Target { file, .. }
            | BackupError::OverLive { file } => file,
        }
    }
}

/// What a finished backup holds.
#[derive(Debug)]
pub struct Copied {
    /// Pages copied (of the database's page size).
    pub pages: i32,
    /// Bytes in the copy.
    pub bytes: u64,
}

/// Copies the live database `db` to `to`, consistently, while the hub may be writing it.
pub fn backup(db: &Path, to: &Path) -> Result<Copied, BackupError> {
    let source_err = |problem: &dyn std::fmt::Display| BackupError::Source {
        file: db.to_path_buf(),
        problem: problem.to_string(),
    };
    if !db.is_file() {
        return Err(source_err(&"there is no such file"));
    }
    refuse_live(db, to)?;
    let tmp = temp_beside(to)?;
    let target_err = |file: &Path, problem: &dyn std::fmt::Display| BackupError::Target {
        file: file.to_path_buf(),
        problem: problem.to_string(),
    };
    // Open without the create flag: a wrong --db must not leave an empty database behind.
    let source = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| source_err(&e))?;
    source
        .busy_timeout(Duration::from_secs(10))
        .map_err(|e| source_err(&e))?;
    let copied = (|| {
        let pages = copy_all(&source, &tmp).map_err(|e| match e {
            Side::Source(p) => source_err(&p),
            Side::Target(p) => target_err(&tmp, &p),
        })?;
        check(&tmp).map_err(|p| target_err(&tmp, &p))?;
        let file = File::open(&tmp).map_err(|e| target_err(&tmp, &e))?;
        file.sync_all().map_err(|e| target_err(&tmp, &e))?;
        let bytes = file.metadata().map_err(|e| target_err(&tmp, &e))?.len();
        std::fs::rename(&tmp, to).map_err(|e| target_err(to, &e))?;
        // The rename itself is durable only once the folder is synced.
        let folder = File::open(folder_of(to)).map_err(|e| target_err(to, &e))?;
        folder.sync_all().map_err(|e| target_err(to, &e))?;
        Ok(Copied { pages, bytes })
    })();
    if copied.is_err() {
        // A half-written copy is no use to anyone; FILE itself was never touched.
        let _ = std::fs::remove_file(&tmp);
    }
    copied
}

/// Which side of the copy failed.
enum Side {
    Source(rusqlite::Error),
    Target(String),
}

/// Copies every page in one step: one read transaction, so the copy is the database at one
/// instant. (Copying in slices would restart after every write the hub commits meanwhile,
/// and a busy hub could keep it from ever finishing.) In WAL mode the hub's writers are not
/// held up by the reader.
fn copy_all(source: &Connection, tmp: &Path) -> Result<i32, Side> {
    let mut target = Connection::open(tmp).map_err(|e| Side::Target(e.to_string()))?;
    let backup = Backup::new(source, &mut target).map_err(Side::Source)?;
    let started = Instant::now();
    loop {
        match backup.step(-1).map_err(Side::Source)? {
            StepResult::Done => break,
            // A step of -1 only returns before the end when it could not take its locks.
            _ if started.elapsed() < BUSY_FOR_AT_MOST => {
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {
                return Err(Side::Source(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("the database stayed busy for a minute".into()),
                )));
            }
        }
    }
    let pages = backup.progress().pagecount;
    drop(backup);
    // Closing the copy's connection leaves it one self-contained file (no -wal beside it).
    target
        .close()
        .map_err(|(_, e)| Side::Target(e.to_string()))?;
    Ok(pages)
}

/// The copy reads back whole (`PRAGMA integrity_check`) before it replaces the last one.
fn check(tmp: &Path) -> Result<(), String> {
    let conn = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| e.to_string())?;
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    conn.close().map_err(|(_, e)| e.to_string())?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(format!(
            "the copy does not pass SQLite's integrity check ({verdict})"
        ))
    }
}

/// Refuses a FILE that is the live database, or its `-wal`, `-shm` or `-journal`, by name
/// or by being the same file on disk (a link).
fn refuse_live(db: &Path, to: &Path) -> Result<(), BackupError> {
    let over = || BackupError::OverLive {
        file: db.to_path_buf(),
    };
    let live = std::fs::canonicalize(db).map_err(|e| BackupError::Source {
        file: db.to_path_buf(),
        problem: e.to_string(),
    })?;
    let target = match (std::fs::canonicalize(folder_of(to)), to.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        (Err(e), _) => {
            return Err(BackupError::Target {
                file: to.to_path_buf(),
                problem: format!("its folder cannot be used ({e})"),
            });
        }
        (_, None) => {
            return Err(BackupError::Target {
                file: to.to_path_buf(),
                problem: "it names a folder, not a file".into(),
            });
        }
    };
    let mut live_names = vec![live.clone()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = live.clone().into_os_string();
        name.push(suffix);
        live_names.push(PathBuf::from(name));
    }
    if live_names.contains(&target) {
        return Err(over());
    }
    if let (Ok(a), Ok(b)) = (std::fs::metadata(&live), std::fs::metadata(&target))
        && a.dev() == b.dev()
        && a.ino() == b.ino()
    {
        return Err(over());
    }
    if std::fs::metadata(&target).is_ok_and(|m| m.is_dir()) {
        return Err(BackupError::Target {
            file: to.to_path_buf(),
            problem: "it is a folder".into(),
        });
    }
    Ok(())
}

/// The temporary name beside `to` (same folder, so the rename is atomic). A leftover from
/// a backup that was killed is removed first: its name says it was never finished.
fn temp_beside(to: &Path) -> Result<PathBuf, BackupError> {
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name else {
        return Err(BackupError::Target {
            file: to.to_path_buf(),
            problem: "it names a folder, not a file".into(),
        });
    };
    let tmp = folder_of(to).join(format!(".{name}.partial"));
    for leftover in [tmp.clone(), journal_of(&tmp)] {
        match std::fs::remove_file(&leftover) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(BackupError::Target {
                    file: leftover,
                    problem: e.to_string(),
                });
            }
        }
    }
    Ok(tmp)
}

/// The rollback journal SQLite keeps beside a file while writing it.
fn journal_of(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
