//! The EM loop of one start: EM steps (with SQUAREM's jumps unless plain
//! EM is asked for) until one EM step raises the log-likelihood by less
//! than the tolerance or the iteration limit is reached, and the start's
//! outcome.

use crate::engine::{ClassStart, Degenerate, Engine};
use crate::parallel::Pool;
use crate::rng::Rng;

use super::squarem::{Phase, Squarem};
use super::{Accelerator, FitOptions};

/// How one start ended.
pub(crate) struct StartResult<P> {
    /// Its final log-likelihood, or why it was set aside.
    pub(crate) outcome: Result<f64, Degenerate>,
    /// EM steps taken (passes over the data).
    pub(super) iterations: usize,
    /// Whether it stopped by the tolerance, not the limit.
    pub(super) converged: bool,
    /// The parameters it ended with.
    pub(super) params: P,
}

/// One random start: EM (with SQUAREM unless switched off) until one EM
/// step raises the log-likelihood by less than the tolerance, or until
/// `max_iterations` evaluations of the EM map.
///
/// A SQUAREM cycle takes two EM steps, `θ1 = F(θ0)` and `θ2 = F(θ1)`, jumps
/// to `θ' = θ0 - 2α r + α² v` with `r = θ1 - θ0`, `v = θ2 - 2θ1 + θ0` and
/// `α = -|r| / |v|` (scheme SqS3; `α = -1` gives `θ2` itself, so no jump),
/// and takes one more EM step from the jump, which also gives the jump's
/// log-likelihood. The jump is kept when that log-likelihood is at least
/// `θ1`'s; otherwise the start goes on from `θ2` (the plain EM path), so
/// the log-likelihood of the accepted parameters never falls. A jump to
/// invalid parameters (a negative probability) is retried with `α` halved
/// towards -1, without a pass over the data. As in the SQUAREM package,
/// `|α|` is capped by a largest step that starts at 1, grows fourfold after
/// each successful jump at the cap and shrinks fourfold after a failed one:
/// along a curved ridge the uncapped step overshoots again and again, and
/// every failed jump costs an EM step. Convergence is judged only on plain
/// EM steps (`θ0` to `θ1`, `θ1` to `θ2`, and the step after a jump), exactly
/// poLCA's rule; the jumps only shorten the way there.
///
/// `accepted` sees the log-likelihood of every accepted parameter set, in
/// order (for tests: it never falls).
pub(crate) fn run_start<E: Engine>(
    engine: &E,
    classes: usize,
    rng: &mut Rng,
    given: Option<&ClassStart>,
    options: &FitOptions,
    pool: &Pool,
    accepted: &mut dyn FnMut(f64),
) -> StartResult<E::Params> {
    let mut params = match given.and_then(|start| engine.given_start(start)) {
        Some(params) => params,
        None => engine.random_start(classes, rng),
    };
    let mut scratch = engine.scratch(classes);
    let mut squarem = (options.accelerator == Accelerator::Squarem).then(Squarem::new);
    // Log-likelihood of the parameters that went into the latest accepted
    // step: the baseline of the convergence test and of accepting a jump.
    let mut previous = f64::NEG_INFINITY;
    let mut iterations = 0;
    let mut converged = false;
    let mut phase = Phase::First;
    while iterations < options.max_iterations {
        iterations += 1;
        match core::mem::replace(&mut phase, Phase::First) {
            Phase::Jumped(fallback, capped) => {
                let kept = match engine.step(&mut params, &mut scratch, pool) {
                    // The jump's log-likelihood is at least θ1's: keep it,
                    // and the EM step just taken from it.
                    Ok(ll) if ll >= previous => {
                        previous = ll;
                        accepted(ll);
                        true
                    }
                    // Worse, or degenerate: drop the jump, go on from θ2.
                    _ => {
                        params = fallback;
                        false
                    }
                };
                if let Some(squarem) = &mut squarem {
                    squarem.judged(kept, capped);
                }
            }
            current => {
                let second = matches!(current, Phase::Second);
                if let Some(squarem) = &mut squarem {
                    squarem.remember(engine, &params, second);
                }
                match engine.step(&mut params, &mut scratch, pool) {
                    Ok(ll) => {
                        // EM never lowers the likelihood, so a change below
                        // the tolerance (including a rounding-sized fall) is
                        // convergence.
                        if ll - previous < options.tolerance {
                            converged = true;
                            break;
                        }
                        previous = ll;
                        accepted(ll);
                    }
                    Err(reason) => {
                        return StartResult {
                            outcome: Err(reason),
                            iterations,
                            converged: false,
                            params,
                        };
                    }
                }
                if let Some(squarem) = &mut squarem {
                    phase = if second {
                        squarem.extrapolate(engine, &mut params)
                    } else {
                        Phase::Second
                    };
                }
            }
        }
    }
    // Out of iterations just after a jump: its log-likelihood is unknown,
    // so the start ends at θ2, the last plain EM result.
    if let Phase::Jumped(fallback, _) = phase {
        params = fallback;
    }
    let ll = engine.log_likelihood(&params, &mut scratch, pool);
    StartResult {
        outcome: if ll.is_finite() {
            Ok(ll)
        } else {
            Err(Degenerate::ZeroLikelihood)
        },
        iterations,
        converged,
        params,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::ClassEngine;
    use crate::fit::tests::values;

    #[test]
    fn squarem_never_lowers_the_log_likelihood_of_accepted_steps() {
        // Three classes on `values` lie on a ridge where jumps often fail:
        // the rejected ones must not show in the accepted sequence.
        let data = values();
        let engine = ClassEngine::new(&data, 0.0, 1.0);
        let options = FitOptions {
            max_iterations: 1000,
            ..FitOptions::default()
        };
        for start in 0..10 {
            let mut lls = Vec::new();
            let mut rng = Rng::stream(1, (3 << 32) | start);
            let result = run_start(
                &engine,
                3,
                &mut rng,
                None,
                &options,
                &Pool::sequential(),
                &mut |ll| lls.push(ll),
            );
            assert!(result.outcome.is_ok());
            assert!(lls.len() > 10);
            for pair in lls.windows(2) {
                assert!(
                    pair[1] >= pair[0],
                    "start {start}: {} after {}",
                    pair[1],
                    pair[0]
                );
            }
        }
    }
}
