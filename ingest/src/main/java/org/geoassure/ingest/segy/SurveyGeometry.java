package org.geoassure.ingest.segy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The layout of the traces, found by scanning every trace header once (see {@link SegyReader} for the rules).
 *
 * <p>For {@link Kind#POST_STACK_3D} and {@link Kind#PRE_STACK_3D} the traces form a full, regular
 * inline x crossline grid with {@code offsets().size()} traces (one gather) per grid node, in the order given by
 * {@link #sorting()}; {@link #traceIndex} finds a trace. Otherwise the kind is {@link Kind#UNSTRUCTURED}, the grid
 * fields are 0, and traces are only addressed by index (shot gathers, 2-D lines without line numbers, irregular
 * or incomplete grids).
 *
 * @param kind the layout
 * @param sorting which number varies slowest; {@link Sorting#UNKNOWN} for unstructured files
 * @param inlineMin smallest inline number
 * @param inlineMax largest inline number
 * @param inlineStep step between neighbouring inline numbers (1 when there is one inline)
 * @param crosslineMin smallest crossline number
 * @param crosslineMax largest crossline number
 * @param crosslineStep step between neighbouring crossline numbers (1 when there is one crossline)
 * @param offsets the offsets of one gather, in file order (one element for post-stack data); for unstructured
 *     files, the distinct offsets in order of first appearance
 * @param coordinates the grid's position, from the CDP X/Y of the traces, when it has at least 2 inlines and 2
 *     crosslines and the coordinates are not all zero
 */
public record SurveyGeometry(Kind kind, Sorting sorting, int inlineMin, int inlineMax, int inlineStep,
        int crosslineMin, int crosslineMax, int crosslineStep, List<Integer> offsets,
        Optional<GridCoordinates> coordinates) {

    /** Trace layouts. */
    public enum Kind {
        /** One trace per inline/crossline node. */
        POST_STACK_3D,
        /** A gather of several offsets per inline/crossline node (same offsets at every node). */
        PRE_STACK_3D,
        /** No regular inline/crossline grid: traces addressed by index only. */
        UNSTRUCTURED
    }

    /** Trace order of a grid. */
    public enum Sorting {
        /** Inline number varies slowest: each inline's crosslines follow each other. */
        INLINE,
        /** Crossline number varies slowest. */
        CROSSLINE,
        UNKNOWN
    }

    /**
     * The grid's position in the CDP X/Y coordinate system, fitted by least squares to every node's CDP X/Y
     * (first trace of each gather, coordinate scalar applied): {@code X(i, j) = originX + i * inlineVector +
     * j * crosslineVector}, with {@code i}, {@code j} the inline and crossline indices (number minus minimum,
     * divided by the step).
     *
     * @param originX X of the node (inlineMin, crosslineMin)
     * @param originY Y of the node (inlineMin, crosslineMin)
     * @param inlineAzimuth degrees clockwise from the +Y axis (grid north), in [0, 360), of the direction along an
     *     inline in which crossline numbers increase
     * @param crosslineAzimuth the same for the direction along a crossline in which inline numbers increase
     * @param inlineSpacing distance between neighbouring inlines (one inline step): the bin size across inlines
     * @param crosslineSpacing distance between neighbouring crosslines (one crossline step)
     * @param corners X/Y of the four corner nodes: (inlineMin, crosslineMin), (inlineMin, crosslineMax),
     *     (inlineMax, crosslineMax), (inlineMax, crosslineMin)
     * @param maxResidual largest distance between a node's CDP X/Y and the fitted grid (0 for exact grids)
     */
    public record GridCoordinates(double originX, double originY, double inlineAzimuth, double crosslineAzimuth,
            double inlineSpacing, double crosslineSpacing, List<Corner> corners, double maxResidual) {
        public GridCoordinates {
            corners = List.copyOf(corners);
        }
    }

    /** A corner node of the grid and its fitted X/Y. */
    public record Corner(int inline, int crossline, double x, double y) {
    }

    public SurveyGeometry {
        offsets = List.copyOf(offsets);
    }

    /** Number of inlines in the grid (0 when unstructured). */
    public int inlineCount() {
        return kind == Kind.UNSTRUCTURED ? 0 : (inlineMax - inlineMin) / inlineStep + 1;
    }

    /** Number of crosslines in the grid (0 when unstructured). */
    public int crosslineCount() {
        return kind == Kind.UNSTRUCTURED ? 0 : (crosslineMax - crosslineMin) / crosslineStep + 1;
    }

    /**
     * The index of the trace at a grid node and offset index ({@code 0 .. offsets().size() - 1}), or empty when
     * there is no such trace or the file is unstructured.
     */
    public OptionalInt traceIndex(int inline, int crossline, int offsetIndex) {
        if (kind == Kind.UNSTRUCTURED || offsetIndex < 0 || offsetIndex >= offsets.size()
                || inline < inlineMin || inline > inlineMax || (inline - inlineMin) % inlineStep != 0
                || crossline < crosslineMin || crossline > crosslineMax
                || (crossline - crosslineMin) % crosslineStep != 0) {
            return OptionalInt.empty();
        }
        long i = (inline - inlineMin) / inlineStep;
        long j = (crossline - crosslineMin) / crosslineStep;
        long node = sorting == Sorting.INLINE ? i * crosslineCount() + j : j * inlineCount() + i;
        return OptionalInt.of((int) (node * offsets.size() + offsetIndex));
    }
}
