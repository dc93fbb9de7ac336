package io.hazeljms.store;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Symmetric encoding of message lists inside processors and results. */
public final class MessageLists {

    private MessageLists() {
    }

    public static void write(ObjectDataOutput out, List<StoredMessage> messages) throws IOException {
        out.writeInt(messages.size());
        for (StoredMessage m : messages) {
            m.writeData(out);
        }
    }

    public static List<StoredMessage> read(ObjectDataInput in) throws IOException {
        int n = in.readInt();
        List<StoredMessage> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StoredMessage m = new StoredMessage();
            m.readData(in);
            messages.add(m);
        }
        return messages;
    }
}
