package io.hazeljms.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Nullable strings and byte arrays on plain {@link DataOutput}/{@link DataInput}: one encoding for Hazelcast
 * serialization and for the records the durable store writes, so a message has one format everywhere.
 */
public final class Fields {

    private Fields() {
    }

    public static void writeString(DataOutput out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    public static String readString(DataInput in) throws IOException {
        byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** Length (-1 for null) then the bytes. */
    public static void writeBytes(DataOutput out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
