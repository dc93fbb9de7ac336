package io.hazeljms.jms.message;

import io.hazeljms.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapMessageTest {

    private static final String NAME = "entry";

    static Stream<Arguments> cells() {
        return ConversionTable.cells(EnumSet.allOf(Type.class))
                .flatMap(a -> Stream.of(Arguments.of(a.get()[0], a.get()[1], false),
                        Arguments.of(a.get()[0], a.get()[1], true)));
    }

    @ParameterizedTest(name = "{0} read as {1}, received={2}")
    @MethodSource("cells")
    void conversionTable(Type source, Type target, boolean received) throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setObject(NAME, ConversionTable.sample(source));
        if (received) {
            m = Received.copy(m);
        }
        if (ConversionTable.allowed(source, target)) {
            Object expected = ConversionTable.expected(source, target);
            if (target == Type.BYTES) {
                assertArrayEquals((byte[]) expected, m.getBytes(NAME));
            } else {
                assertEquals(expected, get(m, target));
            }
        } else {
            MapMessageImpl message = m;
            MessageFormatException e = assertThrows(MessageFormatException.class, () -> get(message, target));
            assertTrue(e.getMessage().contains("map entry '" + NAME + "' is a " + ConversionTable.javaName(source)
                    + ", cannot be read as " + ConversionTable.targetName(target)), e.getMessage());
        }
    }

    @Test
    void typedSettersAndGetObject() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setBoolean("bool", true);
        m.setByte("byte", (byte) 1);
        m.setShort("short", (short) 2);
        m.setChar("char", 'c');
        m.setInt("int", 3);
        m.setLong("long", 4L);
        m.setFloat("float", 5f);
        m.setDouble("double", 6d);
        m.setString("string", "s");
        m.setBytes("bytes", new byte[] {7});
        m.setBytes("range", new byte[] {0, 1, 2, 3}, 1, 2);
        for (MapMessage msg : new MapMessage[] {m, Received.copy(m)}) {
            assertEquals(true, msg.getObject("bool"));
            assertEquals((byte) 1, msg.getObject("byte"));
            assertEquals((short) 2, msg.getObject("short"));
            assertEquals('c', msg.getObject("char"));
            assertEquals(3, msg.getObject("int"));
            assertEquals(4L, msg.getObject("long"));
            assertEquals(5f, msg.getObject("float"));
            assertEquals(6d, msg.getObject("double"));
            assertEquals("s", msg.getObject("string"));
            assertArrayEquals(new byte[] {7}, (byte[]) msg.getObject("bytes"));
            assertArrayEquals(new byte[] {1, 2}, msg.getBytes("range"));
            assertEquals(List.of("bool", "byte", "short", "char", "int", "long", "float", "double", "string",
                    "bytes", "range"), Collections.list(msg.getMapNames()));
        }
    }

    @Test
    void absentNamesReadAsValueOfNull() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        assertFalse(m.getBoolean("none"));
        assertThrows(NumberFormatException.class, () -> m.getByte("none"));
        assertThrows(NumberFormatException.class, () -> m.getShort("none"));
        assertThrows(NumberFormatException.class, () -> m.getInt("none"));
        assertThrows(NumberFormatException.class, () -> m.getLong("none"));
        assertThrows(NullPointerException.class, () -> m.getFloat("none"));
        assertThrows(NullPointerException.class, () -> m.getDouble("none"));
        assertThrows(NullPointerException.class, () -> m.getChar("none"));
        assertNull(m.getString("none"));
        assertNull(m.getBytes("none"));
        assertNull(m.getObject("none"));
        assertFalse(m.itemExists("none"));
    }

    @Test
    void badStringsThrowNumberFormatException() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setString("s", "x1");
        assertThrows(NumberFormatException.class, () -> m.getInt("s"));
        assertThrows(NumberFormatException.class, () -> m.getDouble("s"));
        assertEquals("x1", m.getString("s"));
    }

    @Test
    void nullValuesAreEntries() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setString("s", null);
        m.setBytes("b", null);
        m.setObject("o", null);
        MapMessage received = Received.copy(m);
        for (MapMessage msg : new MapMessage[] {m, received}) {
            assertTrue(msg.itemExists("s"));
            assertTrue(msg.itemExists("b"));
            assertTrue(msg.itemExists("o"));
            assertNull(msg.getString("s"));
            assertNull(msg.getBytes("b"));
            assertNull(msg.getObject("o"));
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullOrEmptyNameIsRefusedByEverySetter(String name) {
        MapMessageImpl m = new MapMessageImpl();
        List<Executable> setters = List.of(() -> m.setBoolean(name, true), () -> m.setByte(name, (byte) 1),
                () -> m.setShort(name, (short) 1), () -> m.setChar(name, 'c'), () -> m.setInt(name, 1),
                () -> m.setLong(name, 1), () -> m.setFloat(name, 1), () -> m.setDouble(name, 1),
                () -> m.setString(name, "s"), () -> m.setBytes(name, new byte[1]),
                () -> m.setBytes(name, new byte[1], 0, 1), () -> m.setObject(name, 1));
        for (Executable setter : setters) {
            assertThrows(IllegalArgumentException.class, setter);
        }
    }

    @Test
    void namesNeedNotBeIdentifiers() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setInt("my-key with spaces", 1);
        m.setInt("AND", 2);
        assertEquals(1, m.getInt("my-key with spaces"));
        assertEquals(2, m.getInt("AND"));
    }

    @Test
    void setObjectAcceptsMapTypesOnly() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        for (Object ok : new Object[] {true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s"}) {
            m.setObject("k", ok);
            assertEquals(ok, m.getObject("k"));
        }
        m.setObject("k", new byte[] {1});
        assertArrayEquals(new byte[] {1}, m.getBytes("k"));
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> m.setObject("k", new java.util.Date()));
        assertTrue(e.getMessage().contains("java.util.Date"), e.getMessage());
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        byte[] in = {1, 2};
        m.setBytes("a", in);
        m.setObject("b", in);
        in[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, m.getBytes("a"));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) m.getObject("b"));
        m.getBytes("a")[1] = 9;
        ((byte[]) m.getObject("b"))[1] = 9;
        assertArrayEquals(new byte[] {1, 2}, m.getBytes("a"));
        assertArrayEquals(new byte[] {1, 2}, m.getBytes("b"));
        assertThrows(IndexOutOfBoundsException.class, () -> m.setBytes("c", new byte[2], 1, 2));
    }

    @Test
    void settingAgainReplacesTheValue() throws JMSException {
        MapMessageImpl m = new MapMessageImpl();
        m.setInt("k", 1);
        m.setString("k", "two");
        assertEquals("two", m.getObject("k"));
        assertEquals(1, Collections.list(m.getMapNames()).size());
    }

    @Test
    void receivedMessageIsReadOnlyUntilClearBody() throws JMSException {
        MapMessageImpl sent = new MapMessageImpl();
        sent.setInt("k", 1);
        MapMessageImpl m = Received.copy(sent);
        List<Executable> setters = List.of(() -> m.setBoolean("k", true), () -> m.setByte("k", (byte) 1),
                () -> m.setShort("k", (short) 1), () -> m.setChar("k", 'c'), () -> m.setInt("k", 1),
                () -> m.setLong("k", 1), () -> m.setFloat("k", 1), () -> m.setDouble("k", 1),
                () -> m.setString("k", "s"), () -> m.setBytes("k", new byte[1]),
                () -> m.setBytes("k", new byte[1], 0, 1), () -> m.setObject("k", 1),
                () -> m.setObject("k", new Object()));
        for (Executable setter : setters) {
            assertThrows(MessageNotWriteableException.class, setter);
        }
        assertEquals(1, m.getInt("k"));
        m.clearBody();
        assertFalse(m.itemExists("k"));
        assertFalse(m.getMapNames().hasMoreElements());
        m.setInt("n", 2);
        assertEquals(2, m.getInt("n"));
    }

    private static Object get(MapMessage m, Type target) throws JMSException {
        return switch (target) {
            case BOOLEAN -> m.getBoolean(NAME);
            case BYTE -> m.getByte(NAME);
            case SHORT -> m.getShort(NAME);
            case CHAR -> m.getChar(NAME);
            case INT -> m.getInt(NAME);
            case LONG -> m.getLong(NAME);
            case FLOAT -> m.getFloat(NAME);
            case DOUBLE -> m.getDouble(NAME);
            case STRING -> m.getString(NAME);
            case BYTES -> m.getBytes(NAME);
        };
    }
}
