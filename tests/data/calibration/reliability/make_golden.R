# Golden values for tests/unit/calibration/reliability_test.cpp.
#
# Run from this folder:  Rscript make_golden.R
# Produced with R 4.2.2 and psych 2.2.9. Writes:
#   data_<name>.csv          score matrices (rows = targets, columns = raters), no header
#   psych_icc.csv            psych::ICC output for each matrix, confidence and lmer setting
#   psych_anova.csv          the mean squares psych::ICC works from (lmer = FALSE)
#   krippendorff_alpha.csv   alpha, Do, De from a textbook coincidence-matrix implementation
#                            (below) on Krippendorff's (2011) examples
#
# psych::ICC estimates the mean squares with lme4 (REML) unless lmer = FALSE. On a complete
# design both give the ANOVA mean squares, the lme4 ones only to the optimiser's tolerance
# (about 1e-6 relative), so the lmer = FALSE rows are the exact reference and the lmer = TRUE
# rows a loose cross-check of psych's default.
suppressPackageStartupMessages(library(psych))

fmt <- function(x) sprintf("%.17g", x)

datasets <- list()
# Shrout & Fleiss (1979), Table 2: 6 targets x 4 judges.
datasets$shrout_fleiss <- matrix(c(9, 2, 5, 8,
                                   6, 1, 3, 2,
                                   8, 4, 6, 8,
                                   7, 1, 2, 6,
                                   10, 5, 6, 9,
                                   6, 2, 4, 7), ncol = 4, byrow = TRUE)
# Synthetic ratings on a 1..5 scale: 30 pegawai x 5 Penilai with rater leniency.
set.seed(20240611)
truth <- rnorm(30, 3, 0.8)
leniency <- c(-0.4, 0, 0.2, 0.5, -0.1)
ratings <- outer(truth, leniency, "+") + matrix(rnorm(150, 0, 0.6), 30)
ratings <- round(ratings)
ratings[ratings < 1] <- 1
ratings[ratings > 5] <- 5
datasets$ratings <- ratings
# Synthetic continuous scores: 200 targets x 3 raters.
truth <- rnorm(200, 80, 6)
datasets$continuous <- round(outer(truth, c(0, 1.5, -0.7), "+") + matrix(rnorm(600, 0, 4), 200), 2)

icc_rows <- list()
anova_rows <- list()
for (name in names(datasets)) {
  x <- datasets[[name]]
  write.table(matrix(fmt(x), nrow(x)), paste0("data_", name, ".csv"), sep = ",", quote = FALSE,
              row.names = FALSE, col.names = FALSE)
  for (lmer in c(FALSE, TRUE)) {
    for (confidence in c(0.95, 0.90)) {
      if (lmer && confidence != 0.95) next
      r <- ICC(x, alpha = 1 - confidence, lmer = lmer)$results
      icc_rows[[length(icc_rows) + 1]] <- data.frame(
        dataset = name, lmer = lmer, confidence = fmt(confidence), type = r$type, icc = fmt(r$ICC),
        f = fmt(r$F), df1 = fmt(r$df1), df2 = fmt(r$df2), p = fmt(r$p), lower = fmt(r[["lower bound"]]),
        upper = fmt(r[["upper bound"]]))
    }
  }
  s <- ICC(x, lmer = FALSE)
  anova_rows[[length(anova_rows) + 1]] <- data.frame(
    dataset = name, ms_rows = fmt(s$stats["MS", "subjects"]), ms_columns = fmt(s$stats["MS", "Judges"]),
    ms_error = fmt(s$stats["MS", "Residual"]), ms_within = fmt(s$MSW))
}
write.csv(do.call(rbind, icc_rows), "psych_icc.csv", quote = FALSE, row.names = FALSE)
write.csv(do.call(rbind, anova_rows), "psych_anova.csv", quote = FALSE, row.names = FALSE)

# Krippendorff's alpha straight from the definitions: the coincidence matrix o_ck (each ordered
# pair of values within a unit of m_u values adds 1/(m_u - 1)), the marginals n_c, and
# alpha = 1 - Do/De with Do = sum(o * delta2)/n and De = sum(n_c n_k delta2)/(n (n - 1)).
# data: units x coders, NA = missing.
kripp_alpha <- function(data, level) {
  units <- lapply(seq_len(nrow(data)), function(i) data[i, !is.na(data[i, ])])
  units <- units[vapply(units, length, 1L) >= 2]
  values <- sort(unique(unlist(units)))
  o <- matrix(0, length(values), length(values))
  for (u in units) {
    idx <- match(u, values)
    for (i in seq_along(idx)) for (j in seq_along(idx)) {
      if (i != j) o[idx[i], idx[j]] <- o[idx[i], idx[j]] + 1 / (length(u) - 1)
    }
  }
  nc <- rowSums(o)
  n <- sum(nc)
  delta2 <- function(a, b) {
    c <- values[a]
    k <- values[b]
    switch(level,
           nominal = as.numeric(a != b),
           ordinal = (sum(nc[min(a, b):max(a, b)]) - (nc[a] + nc[b]) / 2)^2,
           interval = (c - k)^2,
           ratio = if (c + k == 0) 0 else ((c - k) / (c + k))^2)
  }
  d <- outer(seq_along(values), seq_along(values), Vectorize(delta2))
  do <- sum(o * d) / n
  de <- sum(outer(nc, nc) * d) / (n * (n - 1))
  data.frame(level = level, alpha = fmt(1 - do / de), observed = fmt(do), expected = fmt(de),
             pairable_values = n, pairable_units = length(units))
}

# "Computing Krippendorff's Alpha-Reliability" (2011), section D: 4 observers x 12 units,
# written here as units x observers. Published: nominal .743, ordinal .815, interval .849,
# ratio .797.
reliability <- rbind(A = c(1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA),
                     B = c(1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3),
                     C = c(NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA),
                     D = c(1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA))
# Section A: binary data, 2 observers x 10 units. Published: alpha = .095.
binary <- rbind(c(0, 1, 0, 0, 0, 0, 0, 0, 1, 0),
                c(1, 1, 1, 0, 0, 1, 0, 0, 0, 0))
alpha_rows <- list()
for (level in c("nominal", "ordinal", "interval", "ratio")) {
  alpha_rows[[length(alpha_rows) + 1]] <- cbind(example = "krippendorff_2011_d", kripp_alpha(t(reliability), level))
}
alpha_rows[[length(alpha_rows) + 1]] <- cbind(example = "krippendorff_2011_a", kripp_alpha(t(binary), "nominal"))
write.csv(do.call(rbind, alpha_rows), "krippendorff_alpha.csv", quote = FALSE, row.names = FALSE)
