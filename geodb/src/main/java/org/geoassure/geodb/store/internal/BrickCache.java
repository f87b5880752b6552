package org.geoassure.geodb.store.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.geoassure.geodb.store.BlockModelStore;

/**
 * Decoded block-model data of one store, kept in memory up to a byte bound: brick columns ({@code float[]},
 * {@code double[]}, {@code int[]}), presence masks and brick headers, keyed by what they were read from (model row id,
 * attribute, brick). Stored versions never change, so an entry never goes stale while the store is open.
 *
 * <p>Eviction is least-recently-used over the whole store. An entry is accounted at its array bytes plus a fixed
 * {@link #ENTRY_OVERHEAD}; after every insertion the least recently used entries are dropped until the accounted bytes
 * are at most the bound, so {@link #bytes()} never exceeds {@link #bound()} between calls. A value larger than the
 * bound is returned without being kept. A scan over more bricks than fit streams them through (every read a miss,
 * under LRU) and still answers; arrays handed out stay valid after their entry is evicted (they are never reused).
 *
 * <p>Thread-safe: lookups and accounting are under one lock; a miss is loaded outside it, so two threads may load the
 * same entry, and the second insertion replaces the first with equal content. Internal.
 */
public final class BrickCache {
    /** The system property giving the bound in bytes ({@code k}, {@code m}, {@code g} suffixes allowed). */
    public static final String BOUND_PROPERTY = "geoassure.brickcache";
    /** Bytes accounted per entry beside its arrays (key, map node, array headers). */
    public static final long ENTRY_OVERHEAD = 128;

    /** Key of an entry: model row id, kind (0 header list, 1 mask, 2 column), attribute, brick Morton code. */
    private record Key(long model, int kind, int attribute, long brick) {
    }

    private record Entry(Object value, long bytes) {
    }

    private final long bound;
    private final LinkedHashMap<Key, Entry> map = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private long peak;
    private long hits;
    private long misses;
    private long evictions;

    /**
     * A cache holding at most {@code bound} accounted bytes.
     *
     * @throws IllegalArgumentException if the bound is negative
     */
    public BrickCache(long bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("brick cache bound must be at least 0 bytes, got " + bound);
        }
        this.bound = bound;
    }

    /**
     * A cache with the bound of system property {@value #BOUND_PROPERTY} if set, else 40 % of the maximum heap.
     *
     * @throws IllegalArgumentException if the property is not a byte count
     */
    public static BrickCache fromSystemProperty() {
        String p = System.getProperty(BOUND_PROPERTY);
        return new BrickCache(p == null || p.isBlank() ? Runtime.getRuntime().maxMemory() / 5 * 2 : parseBytes(p));
    }

    /** {@code 123}, {@code 512k}, {@code 64m}, {@code 2g} (binary multiples, any case) as bytes. */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!t.isEmpty() && "kmg".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << 10 * ("kmg".indexOf(t.charAt(t.length() - 1)) + 1);
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t);
            if (v < 0 || v > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return v * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(BOUND_PROPERTY + ": '" + text + "' is not a byte count such as 2g, 512m "
                    + "or 1048576");
        }
    }

    /** A column of model {@code model}, attribute {@code attribute}, brick {@code brick}, loaded on a miss. */
    public Object column(long model, int attribute, long brick, Supplier<Object> load) {
        return get(new Key(model, 2, attribute, brick), load);
    }

    /** The presence mask of a brick, loaded on a miss. */
    public long[] mask(long model, long brick, Supplier<long[]> load) {
        return (long[]) get(new Key(model, 1, 0, brick), load::get);
    }

    /** The brick headers of a model, loaded on a miss (accounted by {@code bytes}). */
    public <T> T headers(long model, Supplier<T> load, ToLongFunction<T> bytes) {
        Key k = new Key(model, 0, 0, 0);
        synchronized (this) {
            Entry e = map.get(k);
            if (e != null) {
                hits++;
                @SuppressWarnings("unchecked")
                T t = (T) e.value;
                return t;
            }
            misses++;
        }
        T value = load.get();
        insert(k, value, bytes.applyAsLong(value) + ENTRY_OVERHEAD);
        return value;
    }

    private Object get(Key k, Supplier<Object> load) {
        synchronized (this) {
            Entry e = map.get(k);
            if (e != null) {
                hits++;
                return e.value;
            }
            misses++;
        }
        Object value = load.get();
        insert(k, value, arrayBytes(value) + ENTRY_OVERHEAD);
        return value;
    }

    private synchronized void insert(Key k, Object value, long size) {
        if (size > bound) {
            return;
        }
        Entry old = map.put(k, new Entry(value, size));
        if (old != null) {
            bytes -= old.bytes;
        }
        bytes += size;
        Iterator<Entry> it = map.values().iterator();
        while (bytes > bound) {
            Entry e = it.next();
            it.remove();
            bytes -= e.bytes;
            evictions++;
        }
        peak = Math.max(peak, bytes);
    }

    /** Bytes of a primitive array's elements. */
    static long arrayBytes(Object a) {
        if (a instanceof float[] f) {
            return 4L * f.length;
        }
        if (a instanceof double[] d) {
            return 8L * d.length;
        }
        if (a instanceof int[] i) {
            return 4L * i.length;
        }
        if (a instanceof long[] l) {
            return 8L * l.length;
        }
        throw new IllegalArgumentException("not a primitive array: " + a.getClass());
    }

    /** Drops every entry (the counters stay). */
    public synchronized void clear() {
        map.clear();
        bytes = 0;
    }

    /** The bound in bytes. */
    public long bound() {
        return bound;
    }

    /** Accounted bytes held now. */
    public synchronized long bytes() {
        return bytes;
    }

    /** The use so far. */
    public synchronized BlockModelStore.CacheUse use() {
        return new BlockModelStore.CacheUse(bound, bytes, peak, map.size(), hits, misses, evictions);
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "BrickCache[%d of %d bytes, %d entries]", bytes, bound, map.size());
    }

    /** For tests: whether every entry's accounting adds up to {@link #bytes()}. */
    synchronized boolean consistent() {
        long sum = 0;
        for (Map.Entry<Key, Entry> e : map.entrySet()) {
            sum += e.getValue().bytes;
        }
        return sum == bytes && bytes <= bound;
    }
}
