/**
 * Monitoring warnings: rules over station readings that raise blue / yellow / orange / red alerts, the GB 39496
 * roll-up, and the alert log. The full definitions, with a worked example, are in {@code docs/warnings.md}.
 *
 * <h2>Concepts</h2>
 * <ul>
 *   <li>{@link org.geoassure.geodb.hazard.warning.WarningLevel}: BLUE (蓝) &lt; YELLOW (黄) &lt; ORANGE (橙) &lt;
 *       RED (红).</li>
 *   <li>{@link org.geoassure.geodb.hazard.warning.Rule}s, each with an id, one station and a monitored item:
 *       {@link org.geoassure.geodb.hazard.warning.ThresholdRule} (the value past per-level raise limits, left at
 *       per-level clear limits), {@link org.geoassure.geodb.hazard.warning.RateRule} (last minus first reading in a
 *       trailing window), {@link org.geoassure.geodb.hazard.warning.NoDataRule} (last reading older than a limit) and
 *       {@link org.geoassure.geodb.hazard.warning.CombinationRule} (all-of = lowest level of the parts, any-of =
 *       highest), gathered in a {@link org.geoassure.geodb.hazard.warning.RuleSet}.</li>
 *   <li>{@link org.geoassure.geodb.hazard.warning.Evaluator}: incremental,
 *       {@code evaluate(state, newReadingsOfOneStation, now) -> (new state, alert events)}; the state
 *       ({@link org.geoassure.geodb.hazard.warning.WarningState}) and the events
 *       ({@link org.geoassure.geodb.hazard.warning.AlertEvent}) are plain immutable records, easy to persist.</li>
 *   <li>{@link org.geoassure.geodb.hazard.warning.AlertLog}: the current alerts are a pure function of the event log
 *       (raised, escalated, de-escalated, acknowledged with who and why, cleared); an escalated alert needs a new
 *       acknowledgement.</li>
 *   <li>{@link org.geoassure.geodb.hazard.warning.WorkspaceAlerts}: the alerts of a workspace, recomputed from its
 *       stored readings ({@link org.geoassure.geodb.store.SeriesStore}) and acknowledgements
 *       ({@link org.geoassure.geodb.store.WarningStore}) on every call, with no stored engine state; alert ids
 *       ({@code ruleId@raise-time}) are the same in every replay.</li>
 *   <li>{@link org.geoassure.geodb.hazard.warning.RollUp}: at one item, 4 active blue alerts make yellow, 3 yellow
 *       make orange, 2 orange make red (configurable); the same counts roll items up to the facility.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Times are UTC microseconds since 1970 ({@code long}); values are SI, NaN for a missing value; durations are
 * microseconds. Bad rules throw {@link org.geoassure.geodb.InvalidContentException} whose message starts with the
 * field ({@code levels.red.clear: ...}; {@code rules[2].levels.red.clear: ...} from a {@code RuleSet}). The rules file
 * (JSON) is read by {@code org.geoassure.ingest.rules.RulesJson} in the ingest module, so that geodb needs no JSON
 * library. Sources: GB 39496 and GB 51108 as summarised in public sources, confidence medium.
 */
package org.geoassure.geodb.hazard.warning;
