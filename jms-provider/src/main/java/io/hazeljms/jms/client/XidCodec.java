package io.hazeljms.jms.client;

import javax.transaction.xa.Xid;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HexFormat;

/** Xids as stable strings (the key of a prepared branch in the cluster), and back. */
final class XidCodec {

    private static final HexFormat HEX = HexFormat.of();

    private XidCodec() {
    }

    static String encode(Xid xid) {
        return xid.getFormatId() + ":" + HEX.formatHex(xid.getGlobalTransactionId()) + ":"
                + HEX.formatHex(xid.getBranchQualifier());
    }

    static Xid decode(String encoded) {
        String[] parts = encoded.split(":", -1);
        return new StoredXid(Integer.parseInt(parts[0]), HEX.parseHex(parts[1]), HEX.parseHex(parts[2]));
    }

    /** A recovered Xid, equal to any Xid with the same parts. */
    record StoredXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid, Serializable {
        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid.clone();
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Xid x && x.getFormatId() == formatId
                    && Arrays.equals(x.getGlobalTransactionId(), gtrid) && Arrays.equals(x.getBranchQualifier(), bqual);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * formatId + Arrays.hashCode(gtrid)) + Arrays.hashCode(bqual);
        }

        @Override
        public String toString() {
            return encode(this);
        }
    }
}
