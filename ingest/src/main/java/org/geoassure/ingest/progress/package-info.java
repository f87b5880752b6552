/**
 * Mining progress and other dated features from CSV: one row per feature state (a face line on the day it was
 * surveyed, a goaf outline from the day it was closed), read into {@link org.geoassure.geodb.store.FeatureStore}
 * writes. See {@link org.geoassure.ingest.progress.ProgressCsvReader}.
 */
package org.geoassure.ingest.progress;
