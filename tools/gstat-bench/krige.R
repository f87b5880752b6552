# Same ordinary-kriging problem as `geoassure bench --only krige`, in gstat, for docs/benchmarks.md.
# Usage: Rscript tools/gstat-bench/krige.R DIR [LAYERS]
#   DIR    the directory given to `geoassure bench --only krige --dir DIR` (samples.csv, grid.csv, ok.csv)
#   LAYERS optional: only the first LAYERS grid layers (k), to time a part of the grid
# Prints gstat's time and the largest differences from GeoAssure's ok.csv on the same cells.
suppressPackageStartupMessages(library(gstat))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
s <- read.csv(file.path(dir, "samples.csv"))
p <- read.csv(file.path(dir, "grid.csv"))
g <- setNames(p$value, p$key)
nz <- if (length(args) > 1) as.integer(args[2]) else g[["nz"]]
# cell (i, j, k) centroid, i fastest: the order of ok.csv
cells <- expand.grid(x = g[["x0"]] + (seq_len(g[["nx"]]) - 0.5) * g[["dx"]],
                     y = g[["y0"]] + (seq_len(g[["ny"]]) - 0.5) * g[["dy"]],
                     z = g[["z0"]] + (seq_len(nz) - 0.5) * g[["dz"]])
m <- vgm(psill = g[["psill"]], model = "Sph", range = g[["range"]], nugget = g[["nugget"]])
cat(sprintf("gstat %s, R %s: ordinary kriging of %d samples onto %d cells, nmax %d, maxdist %g\n",
            packageVersion("gstat"), getRversion(), nrow(s), nrow(cells), g[["nmax"]], g[["maxdist"]]))
t <- system.time(k <- krige(v ~ 1, locations = ~x + y + z, data = s, newdata = cells, model = m,
                            nmax = g[["nmax"]], maxdist = g[["maxdist"]], debug.level = 0))
cat(sprintf("gstat krige: elapsed %.2f s, user %.2f s (%.1f us/cell)\n", t[["elapsed"]], t[["user.self"]],
            1e6 * t[["elapsed"]] / nrow(cells)))
ok <- file.path(dir, "ok.csv")
if (file.exists(ok)) {
  ours <- read.csv(ok)[seq_len(nrow(cells)), ]
  dv <- abs(ours$value - k$var1.pred)
  dvar <- abs(ours$variance - k$var1.var)
  cat(sprintf("vs GeoAssure ok.csv: max |estimate diff| %.3g, max |variance diff| %.3g over %d cells\n",
              max(dv, na.rm = TRUE), max(dvar, na.rm = TRUE), nrow(cells)))
  far <- which(dv > 1e-9)
  cat(sprintf("cells differing by more than 1e-9: %d\n", length(far)))
  if (length(far) > 0) {
    show <- head(far, 10)
    print(data.frame(cell = show - 1, cells[show, ], ours = ours$value[show], gstat = k$var1.pred[show]))
  }
}
