//! `gen-catalogue`: writes the benchmarks' synthetic `learning-catalogue/1` catalogue (the
//! generator in `benches/common/mod.rs`, deterministic from a seed) to a file, for load runs
//! against a hub larger than the demo one.
//!
//! ```text
//! gen-catalogue --venues 2000 --activities 20000 --seed 7 --out big-catalogue.json
//! ```

#[path = "../../../../benches/common/mod.rs"]
mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Writes a large synthetic catalogue for load runs.
#[derive(Parser)]
#[command(name = "gen-catalogue", version, about)]
struct Cli {
    /// Venues.
    #[arg(long, default_value_t = 2000)]
    venues: usize,
    /// Activities.
    #[arg(long, default_value_t = 20000)]
    activities: usize,
    /// The generator's seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Where to write the catalogue.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.venues == 0 && cli.activities > 0 {
        let _ = writeln!(
            std::io::stderr().lock(),
            "gen-catalogue: activities need at least one venue"
        );
        return ExitCode::FAILURE;
    }
    let json = common::catalogue_json(cli.venues, cli.activities, cli.seed);
    match std::fs::write(&cli.out, json) {
        Ok(()) => {
            let _ = writeln!(
                std::io::stdout().lock(),
                "wrote {} venues and {} activities to {}",
                cli.venues,
                cli.activities,
                cli.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "gen-catalogue: cannot write {}: {e}",
                cli.out.display()
            );
            ExitCode::FAILURE
        }
    }
}
