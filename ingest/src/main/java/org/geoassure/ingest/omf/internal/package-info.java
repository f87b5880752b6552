/**
 * Implementation of the OMF reader; not for use outside {@code org.geoassure.ingest.omf}. {@code ZipMembers} reads
 * the zip container, {@code ParquetTable} one Parquet member into primitive columns, {@code Omf2Reader} and
 * {@code Omf1Reader} decode the two versions into {@code Attr}s and geometry arrays, and {@code Mapper} turns those
 * into features and block models with the warnings.
 */
package org.geoassure.ingest.omf.internal;
