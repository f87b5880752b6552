package org.geoassure.geodb.hazard;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * Parameters of the water-inrush coefficient analysis, each with its source for the {@link Explanation}.
 *
 * @param criticalDisturbed critical T (MPa/m) in structurally disturbed ground; default 0.06
 * @param criticalNormal critical T (MPa/m) in normal ground; default 0.10
 * @param criticalSource where the critical values come from
 * @param floorDamageDepth depth (m) of the floor damaged by mining, taken off the aquiclude thickness; default 0
 * @param floorDamageSource where the damage depth comes from
 * @param idwPower power p of inverse distance weighting (weights 1/d^p); default 2
 */
public record WaterInrushParams(double criticalDisturbed, double criticalNormal, String criticalSource,
        double floorDamageDepth, String floorDamageSource, double idwPower) {
    /** Source of the default critical values (see docs/hazards.md). */
    public static final String DEFAULT_CRITICAL_SOURCE = "Coal Mine Water Prevention Rules (煤矿防治水细则, 2018), "
            + "critical water-inrush coefficients 0.06 MPa/m (structurally disturbed) and 0.10 MPa/m (normal), from "
            + "the 1964 Jiaozuo campaign; clause number unverified";

    public WaterInrushParams {
        Objects.requireNonNull(criticalSource, "criticalSource");
        Objects.requireNonNull(floorDamageSource, "floorDamageSource");
        if (!(criticalDisturbed > 0) || !Double.isFinite(criticalDisturbed)) {
            throw new InvalidContentException("criticalDisturbed: must be positive (MPa/m), got " + criticalDisturbed);
        }
        if (!(criticalNormal > 0) || !Double.isFinite(criticalNormal)) {
            throw new InvalidContentException("criticalNormal: must be positive (MPa/m), got " + criticalNormal);
        }
        if (!(floorDamageDepth >= 0) || !Double.isFinite(floorDamageDepth)) {
            throw new InvalidContentException("floorDamageDepth: must be >= 0 (m), got " + floorDamageDepth);
        }
        if (!(idwPower > 0) || idwPower > 16) {
            throw new InvalidContentException("idwPower: must be in (0, 16], got " + idwPower);
        }
    }

    /** 0.06 / 0.10 MPa/m, no floor damage, IDW power 2. */
    public static WaterInrushParams defaults() {
        return new WaterInrushParams(0.06, 0.10, DEFAULT_CRITICAL_SOURCE, 0, "not given (0)", 2);
    }

    /** These parameters with other critical values (e.g. a site's 0.04 / 0.07) and their source. */
    public WaterInrushParams withCritical(double disturbed, double normal, String source) {
        return new WaterInrushParams(disturbed, normal, source, floorDamageDepth, floorDamageSource, idwPower);
    }

    /** These parameters with a floor damage depth (m) and its source. */
    public WaterInrushParams withFloorDamage(double depth, String source) {
        return new WaterInrushParams(criticalDisturbed, criticalNormal, criticalSource, depth, source, idwPower);
    }

    /** These parameters with another IDW power. */
    public WaterInrushParams withIdwPower(double power) {
        return new WaterInrushParams(criticalDisturbed, criticalNormal, criticalSource, floorDamageDepth,
                floorDamageSource, power);
    }
}
