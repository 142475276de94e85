//! The link to the district hub, as the kiosk last knew it.

use crate::domain::time::Moment;

/// How the link to the hub stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkStatus {
    /// True when this kiosk has a hub at all.
    pub hub: bool,
    /// True after the last sync finished.
    pub online: bool,
    /// When the link was first found down, in the outage going on now.
    pub offline_since: Option<Moment>,
    /// When the last sync finished.
    pub last_sync: Option<Moment>,
    /// What went wrong last, for staff.
    pub last_error: Option<LinkProblem>,
    /// The hourly byte allowance is spent; syncing waits for it.
    pub waiting_for_allowance: bool,
}

/// What went wrong with the link, for the staff page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkProblem {
    /// What kind of problem, said in the staff's language.
    pub kind: LinkProblemKind,
    /// The technical detail, as the system said it (for a token file: the file).
    pub detail: String,
    /// How a file failed (the token file, the kiosk's own files), said in the staff's
    /// language; the system's words then stay off the page unless they add something.
    pub fault: Option<crate::file_fault::FileFault>,
}

/// The kinds of link problem staff can act on differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblemKind {
    /// The hub cannot be reached, or the link broke.
    Offline,
    /// The hub asked the kiosk to wait.
    Busy,
    /// The hub refused this kiosk's token.
    Unauthorized,
    /// The hub answered something the kiosk cannot use.
    Hub,
    /// The kiosk's own files failed.
    Storage,
    /// The token file cannot be read.
    Token,
    /// Items from the hub failed the catalogue's checks and were left out (detail: how many).
    Catalogue,
}

impl LinkProblemKind {
    /// Every kind, for tests.
    pub const ALL: [LinkProblemKind; 7] = [
        LinkProblemKind::Offline,
        LinkProblemKind::Busy,
        LinkProblemKind::Unauthorized,
        LinkProblemKind::Hub,
        LinkProblemKind::Storage,
        LinkProblemKind::Token,
        LinkProblemKind::Catalogue,
    ];

    /// The name used in message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkProblemKind::Offline => "offline",
            LinkProblemKind::Busy => "busy",
            LinkProblemKind::Unauthorized => "unauthorized",
            LinkProblemKind::Hub => "hub",
            LinkProblemKind::Storage => "storage",
            LinkProblemKind::Token => "token",
            LinkProblemKind::Catalogue => "catalogue",
        }
    }
}
