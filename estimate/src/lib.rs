//! Estimation of prototype models (latent profile and latent class analysis).
