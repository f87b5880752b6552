/**
 * Sample data and the demo: the real public drillhole sets under {@code samples/data} (origin and licence of each
 * file in {@code samples/data/SOURCES.md}), packaged as classpath resources; the demo loader; and a deterministic
 * synthetic drillhole generator for benchmarks.
 */
package org.geoassure.samples;
