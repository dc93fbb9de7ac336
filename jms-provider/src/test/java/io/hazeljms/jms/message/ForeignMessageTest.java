package io.hazeljms.jms.message;

import io.hazeljms.jms.destination.HazelcastQueue;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** copyOf with messages of another provider, made as dynamic proxies answering only the public API. */
class ForeignMessageTest {

    /** A foreign message's state: headers by getter name, properties, and a body per type. */
    private static final class Foreign implements InvocationHandler {
        final Map<String, Object> headers = new LinkedHashMap<>();
        final Map<String, Object> properties = new LinkedHashMap<>();
        final Map<String, Object> map = new LinkedHashMap<>();
        final List<Object> stream = new ArrayList<>();
        byte[] bytes = new byte[0];
        Object body; // text or object
        int position;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "getPropertyNames": return Collections.enumeration(new ArrayList<>(properties.keySet()));
                case "getObjectProperty": return properties.get((String) args[0]);
                case "getText", "getObject":
                    return args == null ? body : map.get((String) args[0]);
                case "getMapNames": return Collections.enumeration(new ArrayList<>(map.keySet()));
                case "reset": position = 0; return null;
                case "getBodyLength": return (long) bytes.length;
                case "readBytes": return readBytes((byte[]) args[0]);
                case "readObject":
                    if (position >= stream.size()) {
                        throw new MessageEOFException("end");
                    }
                    return stream.get(position++);
                default:
                    if (headers.containsKey(name)) {
                        return headers.get(name);
                    }
                    return defaultValue(method.getReturnType());
            }
        }

        private int readBytes(byte[] buf) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(buf.length, bytes.length - position);
            System.arraycopy(bytes, position, buf, 0, n);
            position += n;
            return n;
        }

        private static Object defaultValue(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type == int.class) {
                return 0;
            }
            if (type == long.class) {
                return 0L;
            }
            return null;
        }

        <T extends Message> T as(Class<T> type) {
            return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, this));
        }
    }

    private static Foreign withHeadersAndProperties() {
        Queue foreignQueue = (Queue) Proxy.newProxyInstance(ForeignMessageTest.class.getClassLoader(),
                new Class<?>[] {Queue.class}, (p, m, a) -> m.getName().equals("getQueueName") ? "reply" : null);
        Foreign f = new Foreign();
        f.headers.put("getJMSMessageID", "ID:foreign");
        f.headers.put("getJMSTimestamp", 10L);
        f.headers.put("getJMSCorrelationID", "c");
        f.headers.put("getJMSReplyTo", foreignQueue);
        f.headers.put("getJMSDeliveryMode", DeliveryMode.NON_PERSISTENT);
        f.headers.put("getJMSType", "t");
        f.headers.put("getJMSExpiration", 20L);
        f.headers.put("getJMSDeliveryTime", 30L);
        f.headers.put("getJMSPriority", 8);
        f.headers.put("getJMSRedelivered", true);
        f.properties.put("s", "v");
        f.properties.put("i", 5);
        f.properties.put("JMSXGroupID", "g");
        f.properties.put("JMSXDeliveryCount", 4);
        return f;
    }

    private static void assertCopied(MessageImpl copy) throws JMSException {
        assertEquals("ID:foreign", copy.getJMSMessageID());
        assertEquals(10L, copy.getJMSTimestamp());
        assertEquals("c", copy.getJMSCorrelationID());
        assertEquals(DeliveryMode.NON_PERSISTENT, copy.getJMSDeliveryMode());
        assertEquals("t", copy.getJMSType());
        assertEquals(20L, copy.getJMSExpiration());
        assertEquals(30L, copy.getJMSDeliveryTime());
        assertEquals(8, copy.getJMSPriority());
        assertEquals("v", copy.getStringProperty("s"));
        assertEquals(5, copy.getIntProperty("i"));
        assertEquals("g", copy.getStringProperty("JMSXGroupID"));
        assertFalse(copy.propertyExists("JMSXDeliveryCount"), "the foreign delivery count is not carried over");
        assertEquals("queue:reply", copy.toStored("q").replyTo());
        copy.setIntProperty("writable", 1); // a message to send: properties and body are writable
    }

    @Test
    void plainMessage() throws JMSException {
        MessageImpl copy = MessageImpl.copyOf(withHeadersAndProperties().as(Message.class));
        assertEquals(MessageImpl.class, copy.getClass());
        assertCopied(copy);
    }

    @Test
    void textMessage() throws JMSException {
        Foreign f = withHeadersAndProperties();
        f.body = "hello";
        TextMessageImpl copy = assertInstanceOf(TextMessageImpl.class, MessageImpl.copyOf(f.as(TextMessage.class)));
        assertCopied(copy);
        assertEquals("hello", copy.getText());
        copy.setText("changed");
        assertEquals("hello", f.body);
        TextMessage received = Received.copy(copy);
        assertEquals("changed", received.getText());
        assertEquals("v", received.getStringProperty("s"));
    }

    @Test
    void mapMessage() throws JMSException {
        Foreign f = withHeadersAndProperties();
        f.map.put("i", 1);
        f.map.put("c", 'x');
        f.map.put("b", new byte[] {1, 2});
        f.map.put("n", null);
        MapMessageImpl copy = assertInstanceOf(MapMessageImpl.class, MessageImpl.copyOf(f.as(MapMessage.class)));
        assertCopied(copy);
        assertEquals(List.of("i", "c", "b", "n"), Collections.list(copy.getMapNames()));
        assertEquals(1, copy.getInt("i"));
        assertEquals('x', copy.getChar("c"));
        assertArrayEquals(new byte[] {1, 2}, copy.getBytes("b"));
        assertTrue(copy.itemExists("n"));
    }

    @Test
    void bytesMessage() throws JMSException {
        Foreign f = withHeadersAndProperties();
        f.bytes = new byte[20_000];
        for (int i = 0; i < f.bytes.length; i++) {
            f.bytes[i] = (byte) i;
        }
        f.position = 7; // the application had read some of it
        BytesMessageImpl copy = assertInstanceOf(BytesMessageImpl.class,
                MessageImpl.copyOf(f.as(BytesMessage.class)));
        assertCopied(copy);
        assertArrayEquals(f.bytes, copy.getBody(byte[].class));
        assertEquals(0, f.position, "the foreign message is left reset");
    }

    @Test
    void streamMessage() throws JMSException {
        Foreign f = withHeadersAndProperties();
        f.stream.addAll(List.of(1, "two", 'c', new byte[] {3}));
        f.stream.add(null);
        StreamMessageImpl copy = assertInstanceOf(StreamMessageImpl.class,
                MessageImpl.copyOf(f.as(StreamMessage.class)));
        assertCopied(copy);
        copy.reset();
        assertEquals(1, copy.readInt());
        assertEquals("two", copy.readString());
        assertEquals('c', copy.readChar());
        assertArrayEquals(new byte[] {3}, (byte[]) copy.readObject());
        assertNull(copy.readObject());
        assertEquals(0, f.position);
    }

    @Test
    @SuppressWarnings("unchecked")
    void objectMessage() throws JMSException {
        Foreign f = withHeadersAndProperties();
        f.body = new ArrayList<>(List.of("a"));
        ObjectMessageImpl copy = assertInstanceOf(ObjectMessageImpl.class,
                MessageImpl.copyOf(f.as(ObjectMessage.class)));
        assertCopied(copy);
        assertEquals(List.of("a"), copy.getObject());
        ((List<Object>) f.body).add("later");
        assertEquals(List.of("a"), copy.getObject(), "serialized when copied");
    }

    @Test
    void ourOwnMessageCanBeCopiedToo() throws JMSException {
        TextMessageImpl ours = new TextMessageImpl("x");
        ours.setJMSReplyTo(new HazelcastQueue("r"));
        MessageImpl copy = MessageImpl.copyOf(ours);
        assertEquals("x", ((TextMessage) copy).getText());
        assertEquals(new HazelcastQueue("r"), copy.getJMSReplyTo());
    }
}
