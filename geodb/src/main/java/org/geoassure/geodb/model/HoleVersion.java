package org.geoassure.geodb.model;

import java.util.List;
import org.geoassure.geodb.analysis.DesurveyMethod;

/**
 * One bitemporal version of a borehole: collar, survey set and the trace method, with its valid and record periods.
 *
 * @param versionId store-wide version id
 * @param collar the collar as of this version
 * @param survey the raw survey set of this version (store convention: dip negative down)
 * @param method desurvey method used for the trace
 * @param valid when this version is true in the ground
 * @param recorded when the store knew it (recorded-at to superseded-at)
 * @param ingestId the ingest that recorded it
 */
public record HoleVersion(long versionId, Collar collar, List<SurveyStation> survey, DesurveyMethod method,
        Period valid, Period recorded, long ingestId) {
    public HoleVersion {
        survey = List.copyOf(survey);
    }

    public String holeId() {
        return collar.holeId();
    }
}
