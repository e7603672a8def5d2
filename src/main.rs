//! The `hushlink` binary: parses the command line and wires the library.

use clap::{Parser, Subcommand};
use hushlink::cli::{self, ApiKeyCommand, BootstrapCommand};
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
    /// Manage API keys (works whether or not a server is running).
    ApiKey(ApiKeyCommand),
    /// Make the first admin key on this host (once per store).
    Bootstrap(BootstrapCommand),
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
        Command::ApiKey(cmd) => {
            telemetry::init_for_commands(cmd.config.log_format);
            report(cli::api_key(cmd).await)
        }
        Command::Bootstrap(cmd) => {
            telemetry::init_for_commands(cmd.config.log_format);
            report(cli::bootstrap(cmd).await)
        }
    }
}

fn report(result: anyhow::Result<std::process::ExitCode>) -> std::process::ExitCode {
    result.unwrap_or_else(|e| {
        eprintln!("hushlink: {e:#}");
        std::process::ExitCode::FAILURE
    })
}
