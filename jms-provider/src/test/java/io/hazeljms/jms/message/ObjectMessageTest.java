package io.hazeljms.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectMessageTest {

    /** An application class: its package (io.hazeljms.) is not allowed by default. */
    public static final class Payload implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;

        public Payload(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Payload p && Objects.equals(p.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    private static final String PAYLOAD = Payload.class.getName();

    private static ObjectMessage receive(Serializable body, DeserializationPolicy policy) throws JMSException {
        return (ObjectMessage) Received.copy(new ObjectMessageImpl(body), policy);
    }

    @Test
    void jdkTypesPassTheDefaultPolicy() throws JMSException {
        Map<String, Object> map = new HashMap<>();
        map.put("when", Instant.ofEpochSecond(5));
        map.put("amount", new BigDecimal("1.50"));
        map.put("ints", new int[] {1, 2});
        ArrayList<Object> list = new ArrayList<>(List.of("a", 1, 2L, map));
        ObjectMessage m = receive(list, DeserializationPolicy.defaults());
        @SuppressWarnings("unchecked")
        List<Object> copy = (List<Object>) m.getObject();
        assertEquals(List.of("a", 1, 2L), copy.subList(0, 3));
        @SuppressWarnings("unchecked")
        Map<String, Object> mapCopy = (Map<String, Object>) copy.get(3);
        assertEquals(Instant.ofEpochSecond(5), mapCopy.get("when"));
        assertEquals(new BigDecimal("1.50"), mapCopy.get("amount"));
    }

    @Test
    void applicationClassIsRefusedByDefaultNamingClassAndSetting() throws JMSException {
        ObjectMessage m = receive(new Payload("p"), DeserializationPolicy.defaults());
        MessageFormatException e = assertThrows(MessageFormatException.class, m::getObject);
        assertTrue(e.getMessage().contains(PAYLOAD), e.getMessage());
        assertTrue(e.getMessage().contains("objectMessageAllowList"), e.getMessage());
        assertNotNull(e.getLinkedException(), "the cause is linked");
    }

    @Test
    void refusedClassNestedInAnAllowedOneIsNamed() throws JMSException {
        ObjectMessage inList = receive(new ArrayList<>(List.of(new Payload("p"))), DeserializationPolicy.defaults());
        MessageFormatException e = assertThrows(MessageFormatException.class, inList::getObject);
        assertTrue(e.getMessage().contains(PAYLOAD), e.getMessage());

        ObjectMessage inArray = receive(new Payload[] {new Payload("p")}, DeserializationPolicy.defaults());
        e = assertThrows(MessageFormatException.class, inArray::getObject);
        assertTrue(e.getMessage().contains(PAYLOAD), e.getMessage());
    }

    @Test
    void applicationClassIsAllowedByItsPackagePrefix() throws JMSException {
        ObjectMessage m = receive(new Payload("p"), DeserializationPolicy.allowing("io.hazeljms."));
        assertEquals(new Payload("p"), m.getObject());
        ObjectMessage array = receive(new Payload[] {new Payload("q")},
                DeserializationPolicy.parse("com.example., io.hazeljms.jms.message"));
        assertEquals(new Payload("q"), ((Payload[]) array.getObject())[0]);
    }

    @Test
    void applicationClassIsAllowedByItsName() throws JMSException {
        assertEquals(new Payload("p"), receive(new Payload("p"), DeserializationPolicy.parse(PAYLOAD)).getObject());
        assertEquals(new Payload("p"), receive(new Payload("p"), DeserializationPolicy.parse("*")).getObject());
    }

    @Test
    void messageTheApplicationCreatedItselfIsTrusted() throws JMSException {
        ObjectMessageImpl m = new ObjectMessageImpl(new Payload("own"));
        assertEquals(new Payload("own"), m.getObject());
    }

    @Test
    void getObjectReturnsAFreshCopyEachTime() throws JMSException {
        ArrayList<String> original = new ArrayList<>(List.of("a"));
        ObjectMessageImpl m = new ObjectMessageImpl(original);
        original.add("changed after set");
        Object first = m.getObject();
        Object second = m.getObject();
        assertEquals(List.of("a"), first, "the object was copied when set");
        assertNotSame(first, second);
        @SuppressWarnings("unchecked")
        List<String> firstList = (List<String>) first;
        firstList.add("x");
        assertEquals(List.of("a"), m.getObject());

        ObjectMessage received = Received.copy(m);
        assertNotSame(received.getObject(), received.getObject());
        assertEquals(received.getObject(), received.getObject());
    }

    @Test
    void nonSerializableContentIsRefusedWhenSet() {
        ArrayList<Object> list = new ArrayList<>(List.of(new Object()));
        MessageFormatException e = assertThrows(MessageFormatException.class, () -> new ObjectMessageImpl(list));
        assertTrue(e.getMessage().contains("java.util.ArrayList"), e.getMessage());
    }

    @Test
    void nullObjectIsNoBody() throws JMSException {
        ObjectMessageImpl m = new ObjectMessageImpl(new Payload("x"));
        m.setObject(null);
        assertNull(m.getObject());
        assertNull(Received.copy(m).getObject());
    }

    @Test
    void receivedBodyIsReadOnlyUntilClearBody() throws JMSException {
        ObjectMessageImpl m = Received.copy(new ObjectMessageImpl("s"));
        assertThrows(MessageNotWriteableException.class, () -> m.setObject("t"));
        assertEquals("s", m.getObject());
        m.clearBody();
        assertNull(m.getObject());
        m.setObject(new Payload("mine"));
        assertEquals(new Payload("mine"), m.getObject(), "set here, so trusted");
    }

    @Test
    void corruptBodyIsMessageFormatException() throws JMSException {
        var stored = new ObjectMessageImpl("s").toStored("q").body(new byte[] {1, 2, 3});
        ObjectMessage m = (ObjectMessage) MessageImpl.fromStored(stored, null, DeserializationPolicy.defaults());
        assertThrows(MessageFormatException.class, m::getObject);
    }

    /** Classes resolve through the thread context class loader first: there the application's classes live. */
    @Test
    void deserializationUsesTheThreadContextClassLoader() throws Exception {
        ObjectMessage m = receive(new Payload("p"), DeserializationPolicy.allowing("io.hazeljms."));
        ClassLoader app = new PayloadLoader(getClass().getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(app);
        try {
            Object o = m.getObject();
            assertEquals(PAYLOAD, o.getClass().getName());
            assertSame(app, o.getClass().getClassLoader());
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertSame(Payload.class, m.getObject().getClass(), "without it, the provider's loader");
    }

    /** Defines its own copy of {@link Payload}, as an application class loader would. */
    private static final class PayloadLoader extends ClassLoader {
        PayloadLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(PAYLOAD)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }
}
