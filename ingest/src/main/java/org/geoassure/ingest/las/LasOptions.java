package org.geoassure.ingest.las;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a LAS file. Immutable; start from {@link #defaults()} and change with the {@code with} methods.
 *
 * <ul>
 *   <li>encoding: none by default, meaning: a UTF-8 byte-order mark selects UTF-8, a UTF-16 LE / BE one UTF-16;
 *       otherwise UTF-8, and when the bytes are not valid UTF-8 the file is read again as windows-1252 (which
 *       decodes any byte, its 5 unassigned ones as U+FFFD, so such a file always decodes). A file that is not valid
 *       in the charset of its byte-order mark, or in the charset given here, is rejected.</li>
 *   <li>null policy: {@link NullPolicy#strict()} (the file's NULL value).</li>
 *   <li>non-numeric values: {@link NonNumeric#TEXT_CURVE}.</li>
 *   <li>header-only files (no data section): rejected.</li>
 *   <li>malformed header lines: rejected.</li>
 * </ul>
 */
public final class LasOptions {
    /** What to do with a data value that is not a number and not a null token, in a curve not declared text. */
    public enum NonNumeric {
        /** The whole curve becomes a text curve (as lasio does), e.g. times {@code 00:00:01} or codes {@code ERR}. */
        TEXT_CURVE,
        /** The value is read as a null (NaN); the first such value is named in a warning. */
        NULL,
        /** The read fails with {@code file:line: value "x" of curve MNEM is not a number}. */
        FAIL
    }

    private static final LasOptions DEFAULTS = new LasOptions(null, NullPolicy.strict(), NonNumeric.TEXT_CURVE, false,
            false);

    private final Charset encoding;
    private final NullPolicy nullPolicy;
    private final NonNumeric nonNumeric;
    private final boolean headerOnly;
    private final boolean lenientHeader;

    private LasOptions(Charset encoding, NullPolicy nullPolicy, NonNumeric nonNumeric, boolean headerOnly,
            boolean lenientHeader) {
        this.encoding = encoding;
        this.nullPolicy = Objects.requireNonNull(nullPolicy);
        this.nonNumeric = Objects.requireNonNull(nonNumeric);
        this.headerOnly = headerOnly;
        this.lenientHeader = lenientHeader;
    }

    public static LasOptions defaults() {
        return DEFAULTS;
    }

    /** Decode with this charset (a byte-order mark is still skipped when it matches). */
    public LasOptions withEncoding(Charset charset) {
        return new LasOptions(Objects.requireNonNull(charset), nullPolicy, nonNumeric, headerOnly, lenientHeader);
    }

    public LasOptions withNullPolicy(NullPolicy policy) {
        return new LasOptions(encoding, policy, nonNumeric, headerOnly, lenientHeader);
    }

    public LasOptions withNonNumeric(NonNumeric mode) {
        return new LasOptions(encoding, nullPolicy, mode, headerOnly, lenientHeader);
    }

    /** Accept a file without any data section (a header-only file gives no tables). */
    public LasOptions withHeaderOnlyAllowed(boolean allowed) {
        return new LasOptions(encoding, nullPolicy, nonNumeric, allowed, lenientHeader);
    }

    /** Skip header lines that are not {@code MNEM.UNIT VALUE : DESCRIPTION}, with a warning, instead of failing. */
    public LasOptions withLenientHeader(boolean lenient) {
        return new LasOptions(encoding, nullPolicy, nonNumeric, headerOnly, lenient);
    }

    public Optional<Charset> encoding() {
        return Optional.ofNullable(encoding);
    }

    public NullPolicy nullPolicy() {
        return nullPolicy;
    }

    public NonNumeric nonNumeric() {
        return nonNumeric;
    }

    public boolean headerOnlyAllowed() {
        return headerOnly;
    }

    public boolean lenientHeader() {
        return lenientHeader;
    }
}
