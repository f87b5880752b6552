package org.geoassure.geodb.hazard.warning.internal;

import java.util.Map;
import org.geoassure.geodb.hazard.warning.Bound;
import org.geoassure.geodb.hazard.warning.Limit;
import org.geoassure.geodb.hazard.warning.WarningLevel;

/**
 * The raise/clear ladder of threshold and rate rules on primitive arrays. Levels are ordinals 0..3, -1 for none.
 */
public final class Ladder {
    private final int sign;
    private final boolean[] defined = new boolean[4];
    private final double[] raise = new double[4];
    private final double[] clear = new double[4];

    public Ladder(Bound bound, Map<WarningLevel, Limit> limits) {
        this.sign = bound.sign();
        for (Map.Entry<WarningLevel, Limit> e : limits.entrySet()) {
            int l = e.getKey().ordinal();
            defined[l] = true;
            raise[l] = sign * e.getValue().raise();
            clear[l] = sign * e.getValue().clear();
        }
    }

    /**
     * The next level: the highest defined level L with {@code s·x > s·raise[L]}, or with {@code L ≤ current} and
     * {@code s·x > s·clear[L]} (s = +1 above, -1 below); -1 when there is none. NaN gives -1 for no level, so
     * callers skip missing values before.
     */
    public int next(int current, double x) {
        double y = sign * x;
        for (int l = 3; l >= 0; l--) {
            if (defined[l] && (y > raise[l] || (l <= current && y > clear[l]))) {
                return l;
            }
        }
        return -1;
    }
}
