package org.geoassure.geodb.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.internal.IdwWorker;
import org.geoassure.geodb.analysis.internal.Kernel;
import org.geoassure.geodb.analysis.internal.KrigingWorker;
import org.geoassure.geodb.analysis.internal.Worker;
import org.geoassure.geodb.grid.BlockModel;

/**
 * Runs an {@link Estimator}: at one point with all samples (global neighbourhood), at one point with a
 * {@link Neighbourhood}, or onto every cell centroid of a {@link BlockModel} grid in parallel.
 */
public final class Estimation {
    private Estimation() {
    }

    /** Estimate at (x, y, z) from all samples (a global neighbourhood). */
    public static PointEstimate global(Estimator estimator, Samples samples, double x, double y, double z) {
        int n = samples.size();
        if (n == 0) {
            throw new InvalidContentException("samples: no samples");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] out = new double[2];
        worker(estimator, samples).estimate(idx, n, x, y, z, out);
        return new PointEstimate(out[0], out[1], n);
    }

    /** Estimate at (x, y, z) from the samples the neighbourhood selects (NaN when fewer than its minimum). */
    public static PointEstimate at(Estimator estimator, Samples samples, Neighbourhood hood, double x, double y,
            double z) {
        NeighbourSearch.Query q = new NeighbourSearch(samples, hood).query();
        int[] idx = new int[hood.maxSamples()];
        int n = q.find(x, y, z, idx);
        if (n < hood.minSamples()) {
            return new PointEstimate(Double.NaN, Double.NaN, n);
        }
        double[] out = new double[2];
        worker(estimator, samples).estimate(idx, n, x, y, z, out);
        return new PointEstimate(out[0], out[1], n);
    }

    /**
     * Estimates every cell centroid of the grid (block kriging when the estimator has a block discretisation:
     * build it with {@link BlockDiscretisation#ofCell}). Rows of cells along i are shared among {@code threads}
     * threads; the result does not depend on the number of threads.
     *
     * @param threads worker threads, ≥ 1
     */
    public static GridEstimate grid(Estimator estimator, Samples samples, Neighbourhood hood, BlockModel grid,
            int threads) {
        Objects.requireNonNull(grid, "grid");
        if (threads < 1) {
            throw new InvalidContentException("threads: " + threads + " must be at least 1");
        }
        long cells = grid.gridCells();
        if (cells > Integer.MAX_VALUE - 8) {
            throw new InvalidContentException("grid: " + cells + " cells are more than one array holds");
        }
        double[] values = new double[(int) cells];
        double[] variances = new double[(int) cells];
        NeighbourSearch search = new NeighbourSearch(samples, hood);
        int nx = grid.nx();
        int rows = grid.ny() * grid.nz();
        AtomicInteger next = new AtomicInteger();
        AtomicLong estimated = new AtomicLong();
        Runnable task = () -> {
            Worker w = worker(estimator, samples);
            NeighbourSearch.Query q = search.query();
            int[] idx = new int[hood.maxSamples()];
            double[] c = new double[3];
            double[] end = new double[3];
            double[] out = new double[2];
            long done = 0;
            for (int row = next.getAndIncrement(); row < rows; row = next.getAndIncrement()) {
                int j = row % grid.ny();
                int k = row / grid.ny();
                int base = row * nx;
                grid.centroid(0, j, k, c);
                grid.centroid(nx - 1, j, k, end);
                q.beginRow(c, end, nx);
                for (int i = 0; i < nx; i++) {
                    grid.centroid(i, j, k, c);
                    int n = q.findInRow(i, c[0], c[1], c[2], idx);
                    if (n < hood.minSamples()) {
                        values[base + i] = Double.NaN;
                        variances[base + i] = Double.NaN;
                        continue;
                    }
                    w.estimate(idx, n, c[0], c[1], c[2], out);
                    values[base + i] = out[0];
                    variances[base + i] = out[1];
                    if (!Double.isNaN(out[0])) {
                        done++;
                    }
                }
            }
            estimated.addAndGet(done);
        };
        if (threads == 1) {
            task.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "estimation");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    fs.add(pool.submit(task));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("estimation interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new GridEstimate(values, variances, estimated.get());
    }

    /**
     * Estimates the listed cells of the grid (indexes i + nx·(j + ny·k)) exactly as {@link #grid} estimates them
     * (same centroids, same neighbour search, same solves), into arrays parallel to {@code cells}; for re-estimating
     * part of a model.
     */
    public static GridEstimate cells(Estimator estimator, Samples samples, Neighbourhood hood, BlockModel grid,
            int[] cells) {
        Objects.requireNonNull(grid, "grid");
        double[] values = new double[cells.length];
        double[] variances = new double[cells.length];
        NeighbourSearch.Query q = new NeighbourSearch(samples, hood).query();
        Worker w = worker(estimator, samples);
        int[] idx = new int[hood.maxSamples()];
        double[] c = new double[3];
        double[] out = new double[2];
        long done = 0;
        int nx = grid.nx();
        int ny = grid.ny();
        for (int n = 0; n < cells.length; n++) {
            int cell = cells[n];
            grid.centroid(cell % nx, (cell / nx) % ny, cell / (nx * ny), c);
            int found = q.find(c[0], c[1], c[2], idx);
            if (found < hood.minSamples()) {
                values[n] = Double.NaN;
                variances[n] = Double.NaN;
                continue;
            }
            w.estimate(idx, found, c[0], c[1], c[2], out);
            values[n] = out[0];
            variances[n] = out[1];
            if (!Double.isNaN(out[0])) {
                done++;
            }
        }
        return new GridEstimate(values, variances, done);
    }

    private static Worker worker(Estimator estimator, Samples s) {
        double[] x = s.x();
        double[] y = s.y();
        double[] z = s.z();
        double[] v = s.v();
        if (estimator instanceof InverseDistance idw) {
            return new IdwWorker(x, y, z, v, idw.anisotropy().scaledRotation(), idw.power());
        }
        Kriging k = (Kriging) estimator;
        int kind = switch (k.kind()) {
            case SIMPLE -> KrigingWorker.SIMPLE;
            case ORDINARY -> KrigingWorker.ORDINARY;
            case UNIVERSAL -> KrigingWorker.UNIVERSAL;
        };
        return new KrigingWorker(x, y, z, v, new Kernel(k.model()), kind, k.mean(),
                new boolean[] {k.driftX(), k.driftY(), k.driftZ()},
                k.block().map(BlockDiscretisation::offsetsAndWeights).orElse(null));
    }
}
