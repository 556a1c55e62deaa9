# Reference estimates for kinerja's rater-effect models (tests/unit/calibration/rater_effects_test.cpp).
#
# For every design CSV written by make_designs.py this writes
#   <design>_lmer.csv  lme4::lmer(score ~ 1 [+ aspect] + (1 | ratee) + (1 | rater)), REML, with
#                      sum-to-zero aspect contrasts and a tight optimiser tolerance;
#   <design>_lm.csv    the fixed-effects model score ~ ratee + rater [+ aspect] by lm() with
#                      sum-to-zero contrasts, fitted per connected component with the residual
#                      variance pooled over the components.
# Rows are quantity,level,value; `level` is the ratee, rater or aspect id (0-based, as in the
# design) or the component number, empty for scalars.
#
# Run from this folder:  Rscript make_golden.R   (needs lme4)
suppressPackageStartupMessages(library(lme4))
options(digits = 17)

designs <- c("balanced", "unbalanced", "aspects", "disconnected", "boundary", "many_raters", "teams")

tight <- lmerControl(optimizer = "nloptwrap",
                     optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-15, xtol_rel = 0, ftol_rel = 0,
                                    maxeval = 100000),
                     calc.derivs = FALSE)

out_rows <- function(quantity, level, value) {
  data.frame(quantity = quantity, level = level, value = sprintf("%.15g", value))
}

# Effects of every level of a sum-to-zero coded factor with their standard errors.
sum_to_zero <- function(coefs, vc, prefix, nlev) {
  if (nlev == 1) return(list(est = 0, se = 0))
  idx <- match(paste0(prefix, seq_len(nlev - 1)), names(coefs))
  C <- contr.sum(nlev)
  est <- drop(C %*% coefs[idx])
  V <- C %*% vc[idx, idx, drop = FALSE] %*% t(C)
  list(est = est, se = sqrt(pmax(diag(V), 0)))
}

components <- function(d) {
  # Connected components of the bipartite ratee-rater graph, numbered by smallest ratee id.
  ratees <- sort(unique(d$ratee))
  comp <- setNames(seq_along(ratees), ratees)
  repeat {
    rater_comp <- tapply(comp[as.character(d$ratee)], d$rater, min)
    new <- tapply(rater_comp[as.character(d$rater)], d$ratee, min)
    new <- pmin(comp, new[names(comp)])
    if (all(new == comp)) break
    comp <- new
  }
  ids <- sort(unique(comp))
  list(ratee = setNames(match(comp, ids) - 1, names(comp)),
       rater = setNames(match(rater_comp, ids) - 1, names(rater_comp)))
}

fit_lmer <- function(name, d, has_aspect) {
  d$ratee <- factor(d$ratee); d$rater <- factor(d$rater)
  form <- if (has_aspect) score ~ 1 + aspect + (1 | ratee) + (1 | rater) else score ~ 1 + (1 | ratee) + (1 | rater)
  ctr <- if (has_aspect) list(aspect = "contr.sum") else NULL
  if (has_aspect) d$aspect <- factor(d$aspect)
  fit <- lmer(form, data = d, REML = TRUE, control = tight, contrasts = ctr)
  default <- lmer(form, data = d, REML = TRUE, contrasts = ctr)
  other <- lmer(form, data = d, REML = TRUE, contrasts = ctr,
                control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 100000)))
  # Two tight optimisers agree to about 1e-6 in the variances; keep the lower REML criterion.
  if (REMLcrit(other) < REMLcrit(fit)) { tmp <- fit; fit <- other; other <- tmp }
  vc <- as.data.frame(VarCorr(fit))
  th <- getME(fit, "theta")
  re <- ranef(fit, condVar = TRUE)
  rows <- rbind(
    out_rows("theta_ratee", "", th[["ratee.(Intercept)"]]),
    out_rows("theta_rater", "", th[["rater.(Intercept)"]]),
    out_rows("ratee_variance", "", vc$vcov[vc$grp == "ratee"]),
    out_rows("rater_variance", "", vc$vcov[vc$grp == "rater"]),
    out_rows("residual_variance", "", vc$vcov[vc$grp == "Residual"]),
    out_rows("reml", "", REMLcrit(fit)),
    out_rows("intercept", "", fixef(fit)[["(Intercept)"]]),
    out_rows("intercept_se", "", sqrt(vcov(fit)[1, 1])))
  if (has_aspect) {
    V <- as.matrix(vcov(fit))
    a <- sum_to_zero(fixef(fit), V, "aspect", nlevels(d$aspect))
    lv <- levels(d$aspect)
    rows <- rbind(rows, out_rows("aspect", lv, a$est), out_rows("aspect_se", lv, a$se))
  }
  for (g in c("ratee", "rater")) {
    e <- re[[g]]
    rows <- rbind(rows,
                  out_rows(paste0(g, "_blup"), rownames(e), e[, 1]),
                  out_rows(paste0(g, "_condsd"), rownames(e), sqrt(attr(e, "postVar")[1, 1, ])))
  }
  rows <- rbind(rows, out_rows("singular", "", as.numeric(isSingular(fit))))
  write.csv(rows, paste0(name, "_lmer.csv"), row.names = FALSE, quote = FALSE)
  # How far lme4's default tolerance is from the tight fit (printed for README.md).
  vd <- as.data.frame(VarCorr(default))
  vo <- as.data.frame(VarCorr(other))
  cat(sprintf("%-13s lme4 default vs tight: variances %.2e, evaluations %d (default) %d (tight); the two tight optimisers differ by %.2e (REML %.2e)\n",
              name, max(abs(vd$vcov - vc$vcov)), default@optinfo$feval, fit@optinfo$feval, max(abs(vo$vcov - vc$vcov)), REMLcrit(other) - REMLcrit(fit)))
}

fit_lm <- function(name, d, has_aspect) {
  comp <- components(d)
  d$comp <- comp$ratee[as.character(d$ratee)]
  rss <- 0; df <- 0
  parts <- list()
  for (c in sort(unique(d$comp))) {
    s <- d[d$comp == c, ]
    s$ratee <- factor(s$ratee); s$rater <- factor(s$rater)
    terms <- c(if (nlevels(s$ratee) > 1) "ratee", if (nlevels(s$rater) > 1) "rater",
               if (has_aspect) "aspect")
    if (has_aspect) s$aspect <- factor(s$aspect)
    ctr <- lapply(setNames(nm = terms), function(t) "contr.sum")
    form <- as.formula(paste("score ~", if (length(terms)) paste(terms, collapse = " + ") else "1"))
    fit <- lm(form, data = s, contrasts = if (length(ctr)) ctr else NULL)
    stopifnot(!any(is.na(coef(fit))))
    rss <- rss + sum(residuals(fit)^2); df <- df + fit$df.residual
    parts[[length(parts) + 1]] <- list(c = c, s = s, fit = fit, unscaled = summary(fit)$cov.unscaled)
  }
  if (has_aspect) stopifnot(length(parts) == 1)  # aspects are shared: one component only
  sigma2 <- rss / df
  rows <- rbind(out_rows("sigma", "", sqrt(sigma2)), out_rows("df", "", df))
  for (p in parts) {
    V <- p$unscaled * sigma2
    cf <- coef(p$fit)
    rows <- rbind(rows, out_rows("mu", p$c, cf[["(Intercept)"]]), out_rows("mu_se", p$c, sqrt(V[1, 1])))
    for (g in c("ratee", "rater", if (has_aspect) "aspect")) {
      lv <- levels(p$s[[g]])
      e <- sum_to_zero(cf, V, g, length(lv))
      rows <- rbind(rows, out_rows(g, lv, e$est), out_rows(paste0(g, "_se"), lv, e$se))
    }
  }
  write.csv(rows, paste0(name, "_lm.csv"), row.names = FALSE, quote = FALSE)
}

for (name in designs) {
  d <- read.csv(paste0(name, ".csv"))
  has_aspect <- "aspect" %in% names(d)
  fit_lmer(name, d, has_aspect)
  fit_lm(name, d, has_aspect)
}
