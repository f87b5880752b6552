/**
 * The monitoring rules file (JSON) read into a {@link org.geoassure.geodb.hazard.warning.RuleSet} by
 * {@link org.geoassure.ingest.rules.RulesJson}; the format is described in docs/warnings.md. Errors name the file,
 * line and JSON field ({@code rules-water.json:14: rules[2].levels.red.above: not a number}).
 */
package org.geoassure.ingest.rules;
