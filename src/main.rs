//! The `hushlink` binary: parses the command line and wires the library.

use clap::{Parser, Subcommand};
use hushlink::config::Config;
use hushlink::{Application, shutdown_signal, telemetry};

#[derive(Parser)]
#[command(
    name = "hushlink",
    version,
    about = "Share a secret through a link that works once."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (a drop-in replacement for SnapPass).
    Serve(Box<Config>),
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(config) => {
            telemetry::init(config.log_format, config.debug);
            let result = async {
                let app = Application::build(&config).await?;
                app.run_until(shutdown_signal()).await
            }
            .await;
            match result {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!("{e:#}");
                    eprintln!("hushlink: {e:#}");
                    std::process::ExitCode::FAILURE
                }
            }
        }
    }
}
