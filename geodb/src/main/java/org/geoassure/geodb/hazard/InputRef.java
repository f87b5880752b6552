package org.geoassure.geodb.hazard;

import java.util.Objects;

/**
 * Identity of one input of an analysis, for its {@link Explanation}: what it is to the analysis and which version of
 * which object was used, as of when. Empty strings where unknown (e.g. a value typed in by hand).
 *
 * @param role what the input is to the analysis, e.g. {@code piezometer}, {@code aquiclude_top}, {@code fault_zone}
 * @param id stable id of the object in its workspace
 * @param name display name
 * @param version version (record-time) of the object used
 * @param asOf the valid time the input was taken as of, ISO-8601 UTC
 */
public record InputRef(String role, String id, String name, String version, String asOf) {
    public InputRef {
        Objects.requireNonNull(role, "role");
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        version = version == null ? "" : version;
        asOf = asOf == null ? "" : asOf;
    }

    /** An input known by role and id only. */
    public static InputRef of(String role, String id) {
        return new InputRef(role, id, id, "", "");
    }
}
