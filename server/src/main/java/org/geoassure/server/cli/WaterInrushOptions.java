package org.geoassure.server.cli;

import picocli.CommandLine.Option;

/** The options of {@code hazard WS water-inrush}. */
final class WaterInrushOptions {
    @Option(names = "--table", defaultValue = "lithology", paramLabel = "T", description = "water-inrush: interval "
            + "table with the hydrogeological units (default ${DEFAULT-VALUE})")
    String table;

    @Option(names = "--unit-column", defaultValue = "HYDRO", paramLabel = "C", description = "water-inrush: its column "
            + "naming the unit (default ${DEFAULT-VALUE})")
    String unitColumn;

    @Option(names = "--aquiclude", defaultValue = "aquiclude", paramLabel = "V", description = "water-inrush: the "
            + "aquiclude's value in that column (default ${DEFAULT-VALUE})")
    String aquiclude;

    @Option(names = "--cell", defaultValue = "10", paramLabel = "M", description = "water-inrush: analysis cell size "
            + "in metres (default ${DEFAULT-VALUE})")
    double cell;

    @Option(names = "--fault-zone", defaultValue = "50", paramLabel = "M", description = "water-inrush: half-width of "
            + "the structurally disturbed zone around fault features, where the lower critical value applies (m, "
            + "default ${DEFAULT-VALUE}; 0: none)")
    double faultZone;

    @Option(names = "--pressure", defaultValue = "planar-trend", description = "water-inrush: how piezometer "
            + "pressures are spread: planar-trend (default) or idw")
    String pressure;

    @Option(names = "--thickness", defaultValue = "idw", description = "water-inrush: how thickness picks are spread: "
            + "idw (default) or planar-trend")
    String thickness;

    @Option(names = "--critical-disturbed", defaultValue = "0.06", paramLabel = "T", description = "water-inrush: "
            + "critical T in disturbed ground (MPa/m, default ${DEFAULT-VALUE})")
    double criticalDisturbed;

    @Option(names = "--critical-normal", defaultValue = "0.10", paramLabel = "T", description = "water-inrush: critical "
            + "T in normal ground (MPa/m, default ${DEFAULT-VALUE})")
    double criticalNormal;

    @Option(names = "--floor-damage", defaultValue = "0", paramLabel = "M", description = "water-inrush: floor damage "
            + "depth subtracted from the aquiclude thickness (m, default ${DEFAULT-VALUE})")
    double floorDamage;

    @Option(names = "--overburden", paramLabel = "CLASS", description = "fracture-zones: overburden strength class: "
            + "hard, medium-hard, soft, very-soft (required)")
    String overburden;

    @Option(names = "--seam-column", defaultValue = "LITH", paramLabel = "C", description = "fracture-zones: interval "
            + "column naming the seam (default ${DEFAULT-VALUE})")
    String seamColumn;

    @Option(names = "--seam", defaultValue = "coal", paramLabel = "V", description = "fracture-zones: the seam's value in "
            + "that column (default ${DEFAULT-VALUE})")
    String seam;

    @Option(names = "--aquifer", defaultValue = "aquifer", paramLabel = "V", description = "fracture-zones: the value "
            + "of an aquifer in --unit-column (default ${DEFAULT-VALUE})")
    String aquifer;
}
