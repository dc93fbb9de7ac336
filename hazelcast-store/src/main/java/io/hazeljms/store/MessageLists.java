package io.hazeljms.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Symmetric encoding of message lists inside processors and results. */
public final class MessageLists {

    private MessageLists() {
    }

    public static void write(DataOutput out, List<StoredMessage> messages) throws IOException {
        out.writeInt(messages.size());
        for (StoredMessage m : messages) {
            m.writeTo(out);
        }
    }

    public static List<StoredMessage> read(DataInput in) throws IOException {
        int n = in.readInt();
        List<StoredMessage> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StoredMessage m = new StoredMessage();
            m.readFrom(in);
            messages.add(m);
        }
        return messages;
    }
}
