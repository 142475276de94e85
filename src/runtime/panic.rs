//! A crash restores the terminal, is logged, and exits non-zero so the supervisor restarts
//! the kiosk.

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        crate::runtime::terminal::restore();
        let trace = std::backtrace::Backtrace::force_capture();
        tracing::error!(%info, %trace, "the kiosk crashed");
        crate::say_err!(
            "学习亭程序出错，即将重新启动。 / The kiosk program failed and will restart.\n{info}"
        );
        // Exit from the hook: a panic on a worker thread must end the process too.
        std::process::exit(i32::from(crate::exit_code::CRASH));
    }));
}
