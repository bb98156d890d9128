//! SQUAREM (Varadhan and Roland 2008, scheme SqS3) for the EM loop of a
//! start: where a start is in its cycle, the step length, the jump, and the
//! largest step allowed, which grows after jumps that held and shrinks after
//! ones that failed. The loop itself, and when a jump is kept, live in
//! `start.rs`; described in `docs/estimation.md`, "Acceleration".

use alloc::vec::Vec;

use crate::engine::Engine;

/// Where a start is in its SQUAREM cycle, that is, what the parameters
/// about to go through the next EM step are.
pub(super) enum Phase<P> {
    /// `θ0`, the first of a cycle (plain EM stays here).
    First,
    /// `θ1 = F(θ0)`, the second of a cycle.
    Second,
    /// The jump `θ'` extrapolated from `θ0`, `θ1` and `θ2 = F(θ1)`; holds
    /// `θ2`, where the start goes on if the jump fails, and whether the
    /// step length was held at the largest allowed.
    Jumped(P, bool),
}

/// Factor by which SQUAREM's largest step length grows after a successful
/// jump at that length, and shrinks after a failed one (the `mstep` of
/// Varadhan and Roland's SQUAREM package).
const STEP_FACTOR: f64 = 4.0;

/// How often a jump to invalid parameters is retried with the step length
/// halved towards 1 (`α ← (α - 1) / 2`) before the cycle ends without one.
/// Retrying costs no pass over the data; on the synthetic benchmark set it
/// more than halved the EM steps of slow starts against giving up at once.
const HALVINGS: usize = 8;

/// SQUAREM's memory across the cycles of one start: the parameters of the
/// cycle as flat vectors and the largest step length now allowed.
pub(super) struct Squarem {
    /// The cap on `|α|`: starts at 1 (no extrapolation beyond `θ2`).
    max_step: f64,
    /// `θ0`, `θ1` and `θ2` as [`Engine::to_vector`] vectors, kept across
    /// cycles so that no cycle allocates them anew.
    v0: Vec<f64>,
    v1: Vec<f64>,
    v2: Vec<f64>,
}

impl Squarem {
    /// The state of a start that has not jumped yet.
    pub(super) fn new() -> Self {
        Self {
            max_step: 1.0,
            v0: Vec::new(),
            v1: Vec::new(),
            v2: Vec::new(),
        }
    }

    /// Notes `θ0` (`second` false) or `θ1` (`second` true) before its EM
    /// step.
    pub(super) fn remember<E: Engine>(&mut self, engine: &E, params: &E::Params, second: bool) {
        engine.to_vector(params, if second { &mut self.v1 } else { &mut self.v0 });
    }

    /// After the cycle's second EM step (`params` is `θ2`): jumps when the
    /// step length calls for it, replacing `params` by the jump and
    /// returning [`Phase::Jumped`] with `θ2` to fall back on; otherwise
    /// leaves `params` at `θ2` and starts the next cycle. A jump to invalid
    /// parameters is retried with `α` halved towards -1 ([`HALVINGS`]
    /// times), which costs no pass over the data.
    pub(super) fn extrapolate<E: Engine>(
        &mut self,
        engine: &E,
        params: &mut E::Params,
    ) -> Phase<E::Params> {
        engine.to_vector(params, &mut self.v2);
        let Some(length) = step_length(&self.v0, &self.v1, &self.v2) else {
            return Phase::First;
        };
        let mut capped = length >= self.max_step;
        let mut alpha = -f64::min(length, self.max_step);
        if alpha >= -1.0 {
            if capped {
                // The cap (1) held the step at θ2: allow longer.
                self.max_step *= STEP_FACTOR;
            }
            return Phase::First;
        }
        for _ in 0..HALVINGS {
            if let Some(jumped) = jump(engine, &self.v0, &self.v1, &self.v2, alpha, params) {
                let fallback = core::mem::replace(params, jumped);
                return Phase::Jumped(fallback, capped);
            }
            alpha = (alpha - 1.0) / 2.0;
            capped = false;
        }
        Phase::First
    }

    /// After the EM step from a jump: a kept jump taken at the cap lets the
    /// next be longer, a dropped one makes it shorter (never below 1).
    pub(super) fn judged(&mut self, kept: bool, capped: bool) {
        if !capped {
            return;
        }
        self.max_step = if kept {
            self.max_step * STEP_FACTOR
        } else {
            f64::max(1.0, self.max_step / STEP_FACTOR)
        };
    }
}

/// SQUAREM's step length `|r| / |v|` from `θ0`, `θ1`, `θ2` (as
/// [`Engine::to_vector`] vectors), or `None` when the steps did not move.
fn step_length(v0: &[f64], v1: &[f64], v2: &[f64]) -> Option<f64> {
    let (mut rr, mut vv) = (0.0, 0.0);
    for ((a, b), c) in v0.iter().zip(v1).zip(v2) {
        let r = b - a;
        let v = c - 2.0 * b + a;
        rr += r * r;
        vv += v * v;
    }
    let length = libm::sqrt(rr / vv);
    (vv > 0.0 && length.is_finite()).then_some(length)
}

/// The SQUAREM jump `θ0 - 2α r + α² v`, mapped back to parameters, or
/// `None` when they would be invalid.
fn jump<E: Engine>(
    engine: &E,
    v0: &[f64],
    v1: &[f64],
    v2: &[f64],
    alpha: f64,
    like: &E::Params,
) -> Option<E::Params> {
    let vector: Vec<f64> = v0
        .iter()
        .zip(v1)
        .zip(v2)
        .map(|((a, b), c)| a - 2.0 * alpha * (b - a) + alpha * alpha * (c - 2.0 * b + a))
        .collect();
    engine.params_from_vector(&vector, like)
}
