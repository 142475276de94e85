//! Writing to standard output and standard error without ever panicking: a closed pipe
//! (`learning-kiosk queue | head -1`) or a lost terminal is not worth dying for, least of all
//! inside the panic hook. `println!` panics on either; these say nothing instead.

/// Writes a line to standard output; does nothing if it cannot.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stdout().lock(), $($arg)*);
    }};
}

/// Writes a line to standard error; does nothing if it cannot.
#[macro_export]
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stderr().lock(), $($arg)*);
    }};
}
