package org.geoassure.ingest.shapefile.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;

/**
 * A dBASE III/IV table (.dbf) read record by record. Field types C, N, F, L, D and I are read; other fields (memo M,
 * binary B, G, @, O, +) are skipped and named in {@link #skipped()}. Errors give the byte offset and record number.
 */
public final class Dbf implements Closeable {
    /** One field descriptor. */
    public record Field(String name, char type, int length, int decimals, int offset) {
    }

    private final String source;
    private final InputStream in;
    private final Charset charset;
    private final int records;
    private final int headerLength;
    private final int recordLength;
    private final int languageId;
    private final List<Field> fields = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final byte[] record;
    private int read;

    /** Opens a table; {@code charset} null means: from the language byte, else ISO-8859-1. */
    public Dbf(Path file, Charset charset) throws IOException {
        this.source = file.toString();
        long size = Files.size(file);
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        boolean ok = false;
        try {
            byte[] h = in.readNBytes(32);
            if (h.length < 32) {
                throw bad(0, "file of " + size + " bytes is shorter than the 32-byte dBASE header");
            }
            ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
            int version = h[0] & 0xFF;
            if ((version & 0x07) != 3 && version != 0x30 && version != 0x31) {
                throw bad(0, "version byte 0x" + Integer.toHexString(version) + " is not dBASE III/IV");
            }
            records = b.getInt(4);
            headerLength = b.getShort(8) & 0xFFFF;
            recordLength = b.getShort(10) & 0xFFFF;
            languageId = h[29] & 0xFF;
            if (records < 0 || headerLength < 33 || recordLength < 1
                    || (long) headerLength + (long) records * recordLength > size) {
                throw bad(4, records + " records of " + recordLength + " bytes after a header of " + headerLength
                        + " bytes do not fit in the file's " + size + " bytes");
            }
            byte[] desc = in.readNBytes(headerLength - 32);
            if (desc.length < headerLength - 32) {
                throw bad(32, "field descriptors end before the header length " + headerLength);
            }
            int off = 1;
            for (int p = 0; p + 32 <= desc.length && desc[p] != 0x0D; p += 32) {
                int n = 0;
                while (n < 11 && desc[p + n] != 0) {
                    n++;
                }
                String name = new String(desc, p, n, StandardCharsets.ISO_8859_1).strip();
                char type = (char) (desc[p + 11] & 0xFF);
                int len = desc[p + 16] & 0xFF;
                int dec = desc[p + 17] & 0xFF;
                if (type == 'C') {
                    len += dec << 8; // Clipper / FoxPro long character fields
                    dec = 0;
                }
                if (type == 'I' && len != 4) {
                    throw bad(32 + p + 16, "field " + name + ": an integer (type I) field is 4 bytes long, not " + len);
                }
                fields.add(new Field(name, type, len, dec, off));
                off += len;
            }
            if (off != recordLength) {
                throw bad(10, "record length " + recordLength + " is not 1 + the field lengths (" + off + ")");
            }
            this.charset = charset != null ? charset : languageCharset(languageId);
            for (Field f : fields) {
                if ("CNFLDI".indexOf(f.type()) < 0) {
                    skipped.add(f.name() + " (type " + f.type() + ")");
                }
            }
            record = new byte[recordLength];
            ok = true;
        } finally {
            if (!ok) {
                in.close();
            }
        }
    }

    /**
     * The charset of a dBASE language driver id (byte 29), for the common ids; null when unknown or 0.
     * Codes from the ESRI / dBASE language driver table, as GDAL maps them.
     */
    public static Charset languageCharset(int ldid) {
        String cs = switch (ldid) {
            case 0x01 -> "IBM437";
            case 0x02 -> "IBM850";
            case 0x03, 0x57, 0x58, 0x59 -> "windows-1252";
            case 0x64 -> "IBM852";
            case 0x65 -> "IBM866";
            case 0x66 -> "IBM865";
            case 0x4D, 0x7A -> "GBK";
            case 0x4E, 0x79 -> "x-windows-949";
            case 0x4F, 0x78 -> "x-windows-950";
            case 0x7B, 0x13 -> "windows-31j";
            case 0x7C -> "x-windows-874";
            case 0xC8 -> "windows-1250";
            case 0xC9 -> "windows-1251";
            case 0xCA -> "windows-1254";
            case 0xCB -> "windows-1253";
            default -> null;
        };
        return cs == null || !Charset.isSupported(cs) ? null : Charset.forName(cs);
    }

    private InvalidContentException bad(long offset, String reason) {
        return new InvalidContentException(source, -1, "byte offset " + offset + ": " + reason);
    }

    public int records() {
        return records;
    }

    public int languageId() {
        return languageId;
    }

    /** Charset used for text: the one given, else from the language byte; null means ISO-8859-1 by default. */
    public Charset charset() {
        return charset;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> skipped() {
        return skipped;
    }

    /**
     * Reads the next record's values into {@code out} (cleared first).
     *
     * @return false when the record is marked deleted (its values are not read)
     */
    public boolean next(Map<String, Object> out) throws IOException {
        long offset = headerLength + (long) read * recordLength;
        int recNo = ++read;
        if (recNo > records) {
            throw new IllegalStateException("no more records");
        }
        if (in.readNBytes(record, 0, recordLength) < recordLength) {
            throw bad(offset, "record " + recNo + ": file ends inside the record");
        }
        out.clear();
        if (record[0] == '*') {
            return false;
        }
        if (record[0] != ' ') {
            throw bad(offset, "record " + recNo + ": deletion flag 0x" + Integer.toHexString(record[0] & 0xFF)
                    + " is neither ' ' nor '*'");
        }
        Charset cs = charset != null ? charset : StandardCharsets.ISO_8859_1;
        for (Field f : fields) {
            if ("CNFLDI".indexOf(f.type()) < 0) {
                continue;
            }
            String raw = f.type() == 'I' ? null : new String(record, f.offset(), f.length(),
                    f.type() == 'C' ? cs : StandardCharsets.ISO_8859_1);
            Object v;
            switch (f.type()) {
                case 'C' -> {
                    String s = stripBlanks(raw);
                    v = s.isEmpty() ? null : s;
                }
                case 'N', 'F' -> v = number(raw.strip(), f, offset, recNo);
                case 'L' -> {
                    String s = raw.strip();
                    v = s.isEmpty() || s.equals("?") ? null
                            : "TtYy".contains(s) ? Boolean.TRUE
                            : "FfNn".contains(s) ? Boolean.FALSE : badValue(f, s, offset, recNo, "not a logical");
                }
                case 'D' -> v = date(raw.strip(), f, offset, recNo);
                case 'I' -> v = (long) ByteBuffer.wrap(record, f.offset(), 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                default -> throw new IllegalStateException();
            }
            out.put(f.name(), v);
        }
        return true;
    }

    /** Blanks and NULs cut at both ends, as GDAL reads C fields. */
    private static String stripBlanks(String s) {
        int b = 0;
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\0')) {
            e--;
        }
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        return s.substring(b, e);
    }

    private Object badValue(Field f, String s, long offset, int recNo, String what) {
        throw bad(offset + f.offset(), "record " + recNo + ", field " + f.name() + ": \"" + s + "\" is " + what);
    }

    private Object number(String s, Field f, long offset, int recNo) {
        if (s.isEmpty() || s.chars().allMatch(c -> c == '*') || s.chars().allMatch(c -> c == '\0')) {
            return null;
        }
        try {
            if (f.type() == 'N' && f.decimals() == 0 && f.length() < 19 && s.indexOf('.') < 0 && s.indexOf('e') < 0
                    && s.indexOf('E') < 0) {
                return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            }
            double d = Double.parseDouble(s.replace(',', '.'));
            if (!Double.isFinite(d)) {
                return badValue(f, s, offset, recNo, "not a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            return badValue(f, s, offset, recNo, "not a number");
        }
    }

    private Object date(String s, Field f, long offset, int recNo) {
        if (s.isEmpty() || s.equals("00000000")) {
            return null;
        }
        if (s.length() != 8 || !s.chars().allMatch(Character::isDigit)) {
            return badValue(f, s, offset, recNo, "not a date YYYYMMDD");
        }
        try {
            return java.time.LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6))).toString();
        } catch (java.time.DateTimeException e) {
            return badValue(f, s, offset, recNo, "not a valid date");
        }
    }

    /** A map for one record's values, in field order. */
    public static Map<String, Object> row() {
        return new LinkedHashMap<>();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
