//! The `hushlink` binary: parses the command line and wires the library.

use std::path::PathBuf;

// glibc's malloc (and the locks of its arenas) took about a sixth of the
// CPU under load, measured with perf; mimalloc gave the Redis Cluster path
// 18% more throughput (docs/SCALING.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{CommandFactory, Parser, Subcommand};
use hushlink::cli::{self, ApiKeyCommand, BootstrapCommand};
use hushlink::client::receipt::{BurnCommand, StatusCommand};
use hushlink::client::{self, CheckCommand, GetCommand, HealthcheckCommand, SendCommand};
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
    /// Store a secret on a server and print its link (reads stdin).
    Send(SendCommand),
    /// Reveal the secret behind a link (uses up one view).
    Get(GetCommand),
    /// Tell whether a link's secret is still there (uses up nothing).
    Check(CheckCommand),
    /// Print what happened to a secret, from its receipt (uses up nothing).
    Status(StatusCommand),
    /// Destroy a secret now, through its receipt.
    Burn(BurnCommand),
    /// Exit 0 when a server answers its health route (for container health checks).
    Healthcheck(HealthcheckCommand),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page, or write one page per command into a directory.
    Man {
        /// Write hushlink.1, hushlink-send.1, ... here instead of printing.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    hushlink::allocator::tune();
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(config) => {
            // Held to the end: dropping it writes the buffered access lines.
            let _log = telemetry::init(config.log_format, config.debug);
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
            let _log = telemetry::init_for_commands(cmd.config.log_format);
            report(cli::api_key(cmd).await)
        }
        Command::Bootstrap(cmd) => {
            let _log = telemetry::init_for_commands(cmd.config.log_format);
            report(cli::bootstrap(cmd).await)
        }
        Command::Send(cmd) => client::report(client::send(cmd).await),
        Command::Get(cmd) => client::report(client::get(cmd).await),
        Command::Check(cmd) => client::report(client::check(cmd).await),
        Command::Status(cmd) => client::report(client::receipt::status(cmd).await),
        Command::Burn(cmd) => client::report(client::receipt::burn(cmd).await),
        Command::Healthcheck(cmd) => client::report(client::healthcheck(cmd).await),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "hushlink",
                &mut std::io::stdout(),
            );
            std::process::ExitCode::SUCCESS
        }
        Command::Man { out_dir } => report(man_pages(out_dir)),
    }
}

/// The man page of the whole command on stdout, or one page per command
/// (`hushlink.1`, `hushlink-send.1`, ...) in `out_dir`.
fn man_pages(out_dir: Option<PathBuf>) -> anyhow::Result<std::process::ExitCode> {
    let command = Cli::command();
    match out_dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir)?;
            clap_mangen::generate_to(command, &dir)?;
        }
        None => clap_mangen::Man::new(command).render(&mut std::io::stdout())?,
    }
    Ok(std::process::ExitCode::SUCCESS)
}

fn report(result: anyhow::Result<std::process::ExitCode>) -> std::process::ExitCode {
    result.unwrap_or_else(|e| {
        eprintln!("hushlink: {e:#}");
        std::process::ExitCode::FAILURE
    })
}
