package org.geoassure.geodb.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Workspace metadata: one mine, one horizontal CRS, one vertical datum, SI units.
 *
 * @param name display name of the workspace
 * @param crs horizontal CRS as {@code EPSG:nnnn}, validated by {@link org.geoassure.geodb.crs.Crs#forCode}
 * @param verticalDatum name of the vertical datum of z (elevation, up), e.g. "Yellow Sea 1985"
 * @param lengthUnit length unit of coordinates and depths inside the store; always "m"
 * @param createdAt creation instant (UTC)
 */
public record WorkspaceInfo(String name, String crs, String verticalDatum, String lengthUnit, Instant createdAt) {
    public WorkspaceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(verticalDatum, "verticalDatum");
        Objects.requireNonNull(lengthUnit, "lengthUnit");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new workspace description in metres, created now. */
    public static WorkspaceInfo of(String name, String crs, String verticalDatum) {
        return new WorkspaceInfo(name, crs, verticalDatum, "m", Instant.now());
    }
}
