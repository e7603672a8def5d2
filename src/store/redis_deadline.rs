//! A deadline on each take, so that a reveal answered 503 consumed nothing.
//! (And on each wrong proof of a zero-knowledge secret, which counts towards
//! destroying it, and on each change to the API keys, a bootstrap above all,
//! which happens once ever and whose key only its answer holds.)
//!
//! hushlink waits for Redis at most the store's timeout, then answers 503
//! ("nothing was consumed: try again"). But a command it stopped waiting for
//! is not withdrawn: it may sit in the client's queue while a cluster client
//! repairs its connections after a failover, in a socket buffer, or in a
//! Redis that is paused (`CLIENT PAUSE`, a slow fork, a long script), and run
//! later. A take that ran then would have consumed a view whose reader had
//! already been told to retry, and the retry found nothing. So each take
//! carries a deadline, and its script refuses to run past it.
//!
//! The deadline is on Redis's clock (the script reads `TIME`):
//! `sent + offset + budget`, where `sent` is this host's clock when the take is sent,
//! `offset` what this host believes Redis's clock is ahead of its own, and
//! `budget` the store's timeout less a margin for the answer's way back
//! (a quarter of the timeout, at most 500 ms). A take that Redis ran before
//! its deadline is answered, as a rule, before hushlink gives up; one it ran
//! later is refused, consuming nothing, whether or not hushlink still waits.
//! The one case left: an answer that needed longer than the margin to come
//! back after the script ran.
//!
//! The offset is learnt from the takes themselves: every take's answer says
//! Redis's clock when it ran, which proves that the offset lies between that
//! time less the answer's arrival and that time less the sending (see
//! [`ClockOffset::observe`]). An estimate outside those bounds is replaced by
//! their lower end, which puts deadlines early by at most one round trip,
//! never late. So two clocks that disagree by seconds are learnt from the
//! first take: a Redis clock behind this host's (which would let late takes
//! through) is corrected by the first answer, and one ahead by more than the
//! budget (which would refuse every take) makes the first take refused at
//! once, which consumed nothing, then corrected and sent again, once. One
//! estimate serves every node of a cluster: nodes whose clocks disagree by
//! more than the margin move it back and forth, and the guarantee holds
//! only for the node it last learnt (a warning says so, once a minute).

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The script's guard, run before anything else: `clock` is Redis's time in
/// milliseconds, and `late` says whether it is past `deadline` (a local the
/// script sets from its ARGV first). The script follows it with its refusal,
/// `{-4, …, clock}` (`LATE`), before any write. `TIME` before writes needs
/// `replicate_commands` before Redis 5 (a no-op since).
pub(super) const GUARD: &str = r"
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local clock = t[1] * 1000 + math.floor(t[2] / 1000)
local late = clock > deadline
";

/// What a take's script answers, in its first element, for a take that
/// Redis ran past its deadline (see [`GUARD`]).
pub(super) const LATE: i64 = -4;

/// The refusals, right after [`GUARD`], in the shape of each script's
/// answer: the take's (`{left, ttl, clock}`), the verified take's
/// (`{…, value, clock}`), the wrong proof's (`{left, ttl, bytes, clock}`),
/// the API keys' commit's (`{applied, clock}`).
pub(super) const REFUSE_LATE_TAKE: &str = "if late then return {-4, 0, clock} end\n";
pub(super) const REFUSE_LATE_VERIFIED_TAKE: &str = "if late then return {-4, 0, '', clock} end\n";
pub(super) const REFUSE_LATE_ATTEMPT: &str = "if late then return {-4, 0, 0, clock} end\n";
pub(super) const REFUSE_LATE_COMMIT: &str = "if late then return {-4, clock} end\n";

/// Estimates that stay within this much of what an answer proves are kept:
/// an estimate is rewritten only when it is clearly off, not on every take
/// (every write of the shared value is a cache line that moves between
/// cores).
const TOLERANCE_MS: i64 = 10;

/// How far ahead of this host's clock Redis's is believed to be, and how
/// long a take may take on Redis's clock.
pub(super) struct ClockOffset {
    offset_ms: AtomicI64,
    budget_ms: i64,
    /// When (this host's unix milliseconds) a large correction was last
    /// logged: at most one line per `WARN_EVERY_MS`, as the nodes of a
    /// cluster whose clocks disagree would otherwise correct, and log, on
    /// every other take.
    warned_ms: AtomicI64,
}

/// How often a large correction may be logged.
const WARN_EVERY_MS: i64 = 60_000;

/// When a take was sent, and the deadline it carries.
#[derive(Debug, Clone, Copy)]
pub(super) struct Deadline {
    /// This host's clock when the take was sent, in unix milliseconds.
    pub sent_ms: i64,
    /// The last moment the script may run, on Redis's clock.
    pub redis_ms: i64,
}

impl ClockOffset {
    /// For a store whose commands are bounded by `timeout`: the budget is
    /// the timeout less a margin of a quarter of it, at most 500 ms.
    pub fn new(timeout: Duration) -> Self {
        let timeout_ms = i64::try_from(timeout.as_millis()).unwrap_or(i64::MAX / 4);
        let margin_ms = (timeout_ms / 4).min(500);
        ClockOffset {
            offset_ms: AtomicI64::new(0),
            budget_ms: timeout_ms - margin_ms,
            warned_ms: AtomicI64::new(i64::MIN / 2),
        }
    }

    /// The deadline of a take sent now.
    pub fn deadline(&self) -> Deadline {
        self.deadline_at(now_ms())
    }

    fn deadline_at(&self, sent_ms: i64) -> Deadline {
        Deadline {
            sent_ms,
            redis_ms: sent_ms + self.offset_ms.load(Ordering::Relaxed) + self.budget_ms,
        }
    }

    /// Learns from an answer: the script ran at `redis_ms` on Redis's
    /// clock, after the take was sent (`deadline.sent_ms`) and before its
    /// answer arrived (now). Returns whether the estimate changed.
    pub fn observe(&self, deadline: Deadline, redis_ms: i64) -> bool {
        self.observe_at(deadline, redis_ms, now_ms())
    }

    /// The offset is at least `redis_ms - received_ms` (the script ran
    /// before the answer arrived) and at most `redis_ms - sent_ms` (after
    /// the take was sent). An estimate outside those bounds (and the
    /// tolerance) becomes the lower bound: a deadline computed with it is
    /// early by at most the answer's round trip, never late.
    fn observe_at(&self, deadline: Deadline, redis_ms: i64, received_ms: i64) -> bool {
        let (low, high) = (redis_ms - received_ms, redis_ms - deadline.sent_ms);
        let known = self.offset_ms.load(Ordering::Relaxed);
        if (low - TOLERANCE_MS..=high + TOLERANCE_MS).contains(&known) {
            return false;
        }
        self.offset_ms.store(low, Ordering::Relaxed);
        if (low - known).abs() >= 1000 && self.may_warn(received_ms) {
            tracing::warn!(
                offset_ms = low,
                "Redis's clock (or one cluster node's) differs from this host's or the others' by \
                 a second or more; hushlink corrects its deadlines as it learns, but a reveal \
                 answered 503 is only sure to have consumed nothing while the clocks agree within \
                 the margin: check that every host keeps time (NTP)"
            );
        }
        true
    }

    /// Whether a warning may be logged at `now_ms` (one per `WARN_EVERY_MS`).
    fn may_warn(&self, now_ms: i64) -> bool {
        let last = self.warned_ms.load(Ordering::Relaxed);
        now_ms - last >= WARN_EVERY_MS
            && self
                .warned_ms
                .compare_exchange(last, now_ms, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a script that ran at `ran` (this host's clock) on a Redis whose
    /// clock is `skew` ahead stands against `deadline`.
    fn refused(deadline: Deadline, ran: i64, skew: i64) -> bool {
        ran + skew > deadline.redis_ms
    }

    #[test]
    fn the_budget_leaves_a_quarter_of_the_timeout_at_most_half_a_second() {
        assert_eq!(
            ClockOffset::new(Duration::from_millis(2000)).budget_ms,
            1500
        );
        assert_eq!(ClockOffset::new(Duration::from_millis(300)).budget_ms, 225);
        assert_eq!(ClockOffset::new(Duration::from_secs(10)).budget_ms, 9500);
    }

    #[test]
    fn a_take_run_after_the_budget_is_refused_and_one_before_is_not() {
        let clock = ClockOffset::new(Duration::from_millis(2000));
        let d = clock.deadline_at(1_000_000);
        assert!(!refused(d, 1_000_000 + 1, 0));
        assert!(!refused(d, 1_000_000 + 1500, 0));
        assert!(refused(d, 1_000_000 + 1501, 0));
    }

    #[test]
    fn a_redis_clock_far_ahead_refuses_the_first_take_then_is_learnt() {
        let clock = ClockOffset::new(Duration::from_millis(2000));
        let skew = 10_000;
        let sent = 5_000_000;
        let d = clock.deadline_at(sent);
        // Run 1 ms after sending, answered 1 ms later: refused at once.
        assert!(refused(d, sent + 1, skew));
        assert!(clock.observe_at(d, sent + 1 + skew, sent + 2));
        // Sent again: the new deadline lets a prompt take through, and
        // still refuses one run past the budget.
        let again = clock.deadline_at(sent + 3);
        assert!(!refused(again, sent + 4, skew));
        assert!(refused(again, sent + 3 + 1502, skew));
    }

    #[test]
    fn a_redis_clock_behind_is_learnt_so_late_takes_stay_refused() {
        let clock = ClockOffset::new(Duration::from_millis(2000));
        let skew = -3_000;
        let sent = 5_000_000;
        // Before learning, a take run 2.5 s late would pass: the deadline
        // is 3 s too late on Redis's clock.
        let d = clock.deadline_at(sent);
        assert!(!refused(d, sent + 2_500, skew));
        // The first answer corrects it.
        assert!(clock.observe_at(d, sent + 1 + skew, sent + 2));
        let d = clock.deadline_at(sent + 10);
        assert!(refused(d, sent + 10 + 2_500, skew));
        assert!(!refused(d, sent + 11, skew));
    }

    #[test]
    fn nodes_that_disagree_are_followed_but_logged_once_a_minute() {
        // Two cluster nodes 1.5 s apart, answering in turn: the estimate
        // follows each (every answer after the first corrects it), and one
        // line is logged, not one per take.
        let clock = ClockOffset::new(Duration::from_millis(2000));
        let mut corrections = 0;
        let mut lines = 0;
        for i in 0..100 {
            let sent = 1_000_000 + i * 10;
            let skew = if i % 2 == 0 { 0 } else { 1_500 };
            let logged_before = clock.warned_ms.load(Ordering::Relaxed);
            corrections +=
                i32::from(clock.observe_at(clock.deadline_at(sent), sent + 1 + skew, sent + 2));
            lines += i32::from(clock.warned_ms.load(Ordering::Relaxed) != logged_before);
        }
        assert_eq!((corrections, lines), (99, 1));
        // A minute on, one more line.
        let sent = 1_000_000 + WARN_EVERY_MS + 1_000;
        assert!(clock.observe_at(clock.deadline_at(sent), sent + 1, sent + 2));
        assert_eq!(clock.warned_ms.load(Ordering::Relaxed), sent + 2);
    }

    #[test]
    fn every_refusal_answers_late() {
        for refusal in [
            REFUSE_LATE_TAKE,
            REFUSE_LATE_VERIFIED_TAKE,
            REFUSE_LATE_ATTEMPT,
            REFUSE_LATE_COMMIT,
        ] {
            assert!(refusal.contains(&format!("return {{{LATE}, ")), "{refusal}");
            assert!(refusal.trim_end().ends_with("clock} end"), "{refusal}");
        }
    }

    #[test]
    fn answers_consistent_with_the_estimate_leave_it_alone() {
        let clock = ClockOffset::new(Duration::from_millis(2000));
        let d = clock.deadline_at(1_000);
        // Redis in step with this host, answers within a few ms.
        assert!(!clock.observe_at(d, 1_003, 1_005));
        // A slow answer proves only a wide interval, which holds 0.
        assert!(!clock.observe_at(d, 1_900, 2_400));
        assert_eq!(clock.offset_ms.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn a_corrected_estimate_is_never_above_the_true_offset() {
        // The lower bound of what an answer proves: with it, deadlines are
        // early by at most a round trip, never late.
        let clock = ClockOffset::new(Duration::from_millis(2000));
        let skew = 700;
        let d = clock.deadline_at(10_000);
        let ran = 10_040;
        assert!(clock.observe_at(d, ran + skew, 10_090));
        let learnt = clock.offset_ms.load(Ordering::Relaxed);
        assert!(learnt <= skew, "{learnt}");
        assert!(learnt >= skew - 90, "{learnt}");
    }
}
