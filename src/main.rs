//! The `learning-kiosk` binary: the kiosk itself and its staff commands.

fn main() -> std::process::ExitCode {
    learning_kiosk::cli::main()
}
