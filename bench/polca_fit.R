# Times R poLCA on a CSV coded 1..K and prints one RESULT line for
# bench/run.sh. MODE "full" calls poLCA() itself (calc.se = FALSE); MODE
# "em" runs poLCA's own EM loop (its C routines postClass, probHat, ylik, as
# in poLCA.R for models without covariates) without the post-fit statistics,
# which take very long on data with many distinct answer patterns.
# In MODE "em" all random starts are drawn first, exactly as poLCA draws
# them (runif per item and class, normalised), outside the timing; with
# STARTS_OUT set they are also written there in the format of
# `naastenmeter fit --start-values`, so both tools can start alike.
#
# Usage: [SEED=1] [STARTS_OUT=starts.csv] Rscript bench/polca_fit.R NAME DATA.csv CLASSES STARTS MAXITER TOL MODE
suppressMessages(library(poLCA))
a <- commandArgs(trailingOnly = TRUE)
name <- a[1]; d <- read.csv(a[2]); R <- as.integer(a[3]); nrep <- as.integer(a[4])
maxiter <- as.integer(a[5]); tol <- as.numeric(a[6]); mode <- a[7]
# The seed of the random starts: SEED from bench/run.sh (default 1).
set.seed(as.integer(Sys.getenv("SEED", "1")))
f <- as.formula(paste0("cbind(", paste(names(d), collapse = ","), ") ~ 1"))
if (mode == "full") {
  t <- system.time(m <- poLCA(f, d, nclass = R, maxiter = maxiter, tol = tol, nrep = nrep,
                              na.rm = FALSE, verbose = FALSE, calc.se = FALSE))[["elapsed"]]
  ll <- m$llik; npar <- m$npar; bic <- m$bic
} else {
  y <- as.matrix(d); y[is.na(y)] <- 0; N <- nrow(y); J <- ncol(y); K.j <- apply(y, 2, max)
  draw <- function() lapply(1:J, function(j) { p <- matrix(runif(R * K.j[j]), R); p / rowSums(p) })
  starts <- lapply(1:nrep, function(s) draw())
  out <- Sys.getenv("STARTS_OUT", "")
  if (nzchar(out)) {
    rows <- do.call(rbind, lapply(1:nrep, function(s) do.call(rbind, lapply(1:J, function(j) {
      g <- expand.grid(class = 1:R, category = 1:K.j[j])
      data.frame(start = s, class = g$class, item = j, category = g$category,
                 probability = sprintf("%.17g", starts[[s]][[j]][cbind(g$class, g$category)]))
    }))))
    write.csv(rows, out, row.names = FALSE, quote = FALSE)
  }
  em <- function(probs) {
    vp <- poLCA:::poLCA.vectorize(probs)
    prior <- matrix(1 / R, nrow = N, ncol = R)
    llik <- -Inf; dll <- Inf; iter <- 1
    while ((iter <= maxiter) & (dll > tol)) {
      iter <- iter + 1
      rgivy <- poLCA:::poLCA.postClass.C(prior, vp, y)
      vp$vecprobs <- poLCA:::poLCA.probHat.C(rgivy, y, vp)
      prior <- matrix(colMeans(rgivy), nrow = N, ncol = R, byrow = TRUE)
      new <- sum(log(rowSums(prior * poLCA:::poLCA.ylik.C(vp, y))) - log(.Machine$double.xmax))
      dll <- new - llik; llik <- new
    }
    c(llik, iter - 1)
  }
  t <- system.time(runs <- sapply(starts, em))[["elapsed"]]
  lls <- runs[1, ]
  cat(sprintf("ITERATIONS tool=poLCA-R set=%s per_start=%s total=%d\n", name,
              paste(runs[2, ], collapse = ","), sum(runs[2, ])))
  ll <- max(lls); npar <- R * sum(K.j - 1) + R - 1; bic <- -2 * ll + npar * log(N)
}
cat(sprintf("RESULT tool=poLCA-R set=%s secs=%.3f ll=%.4f npar=%d bic=%.4f\n", name, t, ll, npar, bic))
