package org.geoassure.ingest.las;

/** The LAS versions read, by the {@code VERS} item of {@code ~V}: 1.x, 2.x and 3.x map to these three. */
public enum LasVersion {
    /** LAS 1.2 (also 1.0, 1.20): in {@code ~W} the information sits after the colon. */
    V1_2,
    /** LAS 2.0 (also 2.1); the version assumed when {@code VERS} is missing. */
    V2_0,
    /** LAS 3.0: {@code DLM}, {@code _Parameter / _Definition / _Data} section sets, text and array channels. */
    V3_0
}
