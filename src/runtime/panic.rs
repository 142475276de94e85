//! A crash restores the terminal, is logged, and exits non-zero so the supervisor restarts
//! the kiosk.

/// Installs the panic hook; crashes are recorded in `data_dir` (see `runtime::crashes`).
pub fn install(data_dir: std::path::PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        crate::runtime::terminal::restore();
        let trace = std::backtrace::Backtrace::force_capture();
        tracing::error!(%info, %trace, "the kiosk crashed");
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| info.to_string());
        crate::runtime::crashes::record(&data_dir, crate::domain::time::now_beijing(), &what);
        crate::say_err!(
            "学习亭程序出错，即将重新启动。 / The kiosk program failed and will restart.\n{info}"
        );
        // Exit from the hook: a panic on a worker thread must end the process too.
        std::process::exit(i32::from(crate::exit_code::CRASH));
    }));
}
