package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options for parquet-hadoop that do not load Hadoop classes: {@code ParquetReadOptions.builder()} does (through
 * its default codec factory), so this calls the package-private constructor directly. GeoAssure's OMF reader
 * ({@code org.geoassure.ingest.omf}) uses it; it lives in this package only for that access. The constructor's
 * signature is the one of parquet-hadoop 1.18.1, the version pinned in ingest/pom.xml: a version change must be
 * checked here.
 */
public final class NoHadoopReadOptions {
    private NoHadoopReadOptions() {
    }

    /**
     * Options with no record, statistics, dictionary, column-index or bloom filtering, page checksums verified, and
     * the given codec factory; buffers on the heap.
     *
     * @param codecs the decompressors (GeoAssure's own: uncompressed and GZIP through java.util.zip)
     */
    public static ParquetReadOptions create(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(false, false, false, false, false, true, false, false, false,
                FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
                8 << 20, new HashMap<>(), null, null, new PlainParquetConfiguration());
    }
}
