package org.geoassure.geodb.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.geoassure.geodb.hazard.warning.Acknowledgement;
import org.geoassure.geodb.model.Provenance;

/**
 * Monitoring rules and alert acknowledgements of a workspace, an engine capability beside {@link WorkspaceStore}
 * and {@link SeriesStore} (test with {@code instanceof}). Only the embedded engine has it for now; PostGIS comes
 * with its series storage.
 *
 * <p>The store keeps what people decided, not what the warning engine derived: the rule set as a versioned JSON
 * document (the text as the user gave it; parsing it is the caller's business, this module has no JSON reader) and
 * the acknowledgements by alert id. Alerts themselves are not stored: they are recomputed from the readings by
 * {@link org.geoassure.geodb.hazard.warning.WorkspaceAlerts}, and alert ids ({@code ruleId@raise-time}) are stable
 * between runs, so a stored acknowledgement keeps applying.
 *
 * <h2>Writes</h2>
 * Each write is one transaction and one entry in the ingest log (kinds {@code rules} and {@code acknowledgement}),
 * all or nothing: bad content ({@link org.geoassure.geodb.InvalidContentException} naming the field) leaves the store
 * as it was. This interface does not check that an acknowledged alert exists; {@code WorkspaceAlerts.acknowledge}
 * does, before it writes.
 *
 * <h2>Queries</h2>
 * Queries take {@code recordedAsOf}: what the store knew then ({@code null}: now).
 */
public interface WarningStore {

    /**
     * Records a new version of the rule set (ingest kind {@code rules}); versions are numbered 1, 2, ...
     *
     * @param json the rules document as given, not blank
     * @param comment why this version (may be empty)
     */
    RulesVersion writeRules(String json, String comment, Provenance provenance);

    /** The rule set version current at {@code recordedAsOf}, if rules were set by then. */
    Optional<RulesVersion> rules(Instant recordedAsOf);

    /** Every version of the rule set, oldest first. */
    List<RulesVersion> rulesVersions();

    /** Records an acknowledgement of an alert (ingest kind {@code acknowledgement}). */
    StoredAcknowledgement writeAcknowledgement(String alertId, Acknowledgement acknowledgement, Provenance provenance);

    /** The acknowledgements recorded by {@code recordedAsOf}, in order of their time, then of recording. */
    List<StoredAcknowledgement> acknowledgements(Instant recordedAsOf);

    /**
     * One version of the rule set.
     *
     * @param version 1 for the first, then consecutive
     * @param recordedAt when it was recorded (its ingest's record time)
     * @param user who set it
     * @param comment why (may be empty)
     * @param json the rules document as given
     */
    record RulesVersion(int version, Instant recordedAt, String user, String comment, String json) {
    }

    /**
     * An acknowledgement as stored.
     *
     * @param alertId the alert acknowledged ({@code ruleId@raise-time})
     * @param acknowledgement who, why and when (valid time)
     * @param recordedAt when it was recorded
     */
    record StoredAcknowledgement(String alertId, Acknowledgement acknowledgement, Instant recordedAt) {
    }
}
