package io.hazeljms.jms.message;

import io.hazeljms.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every cell of the property conversion table, on a new message and on a received one. */
class PropertyConversionTest {

    private static final String NAME = "prop";

    static Stream<Arguments> cells() {
        return ConversionTable.cells(ConversionTable.PROPERTY_TYPES)
                .flatMap(a -> Stream.of(Arguments.of(a.get()[0], a.get()[1], false),
                        Arguments.of(a.get()[0], a.get()[1], true)));
    }

    @ParameterizedTest(name = "{0} read as {1}, received={2}")
    @MethodSource("cells")
    void conversionTable(Type source, Type target, boolean received) throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setObjectProperty(NAME, ConversionTable.sample(source));
        if (received) {
            m = Received.copy(m);
        }
        if (ConversionTable.allowed(source, target)) {
            assertEquals(ConversionTable.expected(source, target), get(m, target));
        } else {
            MessageImpl message = m;
            MessageFormatException e = assertThrows(MessageFormatException.class, () -> get(message, target));
            assertTrue(e.getMessage().contains("'" + NAME + "' is a " + ConversionTable.javaName(source)
                    + ", cannot be read as " + ConversionTable.targetName(target)), e.getMessage());
        }
    }

    @ParameterizedTest(name = "set{0}Property keeps the type")
    @MethodSource("propertyTypes")
    void typedSettersStoreTheirType(Type type) throws JMSException {
        MessageImpl m = new MessageImpl();
        Object v = ConversionTable.sample(type);
        switch (type) {
            case BOOLEAN -> m.setBooleanProperty(NAME, (Boolean) v);
            case BYTE -> m.setByteProperty(NAME, (Byte) v);
            case SHORT -> m.setShortProperty(NAME, (Short) v);
            case INT -> m.setIntProperty(NAME, (Integer) v);
            case LONG -> m.setLongProperty(NAME, (Long) v);
            case FLOAT -> m.setFloatProperty(NAME, (Float) v);
            case DOUBLE -> m.setDoubleProperty(NAME, (Double) v);
            case STRING -> m.setStringProperty(NAME, (String) v);
            default -> throw new AssertionError(type);
        }
        assertEquals(v, m.getObjectProperty(NAME));
        assertEquals(v, Received.copy(m).getObjectProperty(NAME));
    }

    static Stream<Type> propertyTypes() {
        return ConversionTable.PROPERTY_TYPES.stream();
    }

    @ParameterizedTest(name = "\"{0}\" as boolean is {1}")
    @CsvSource({"true,true", "TRUE,true", "True,true", "false,false", "yes,false", "1,false"})
    void stringsParseAsBooleanWithValueOf(String text, boolean expected) throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setStringProperty(NAME, text);
        assertEquals(expected, m.getBooleanProperty(NAME));
    }

    @Test
    void stringsParseAsNumbers() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setStringProperty("b", "-128");
        m.setStringProperty("l", "9223372036854775807");
        m.setStringProperty("d", "1e3");
        m.setStringProperty("f", "-0.5");
        assertEquals(-128, m.getByteProperty("b"));
        assertEquals(-128, m.getShortProperty("b"));
        assertEquals(-128, m.getIntProperty("b"));
        assertEquals(Long.MAX_VALUE, m.getLongProperty("l"));
        assertEquals(1000.0, m.getDoubleProperty("d"));
        assertEquals(1000.0f, m.getFloatProperty("d"));
        assertEquals(-0.5f, m.getFloatProperty("f"));
    }

    @Test
    void unparsableStringsThrowNumberFormatException() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setStringProperty("word", "abc");
        m.setStringProperty("big", "128");
        m.setStringProperty("fraction", "1.5");
        m.setStringProperty("padded", " 7");
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("word"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("word"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("word"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("word"));
        assertThrows(NumberFormatException.class, () -> m.getFloatProperty("word"));
        assertThrows(NumberFormatException.class, () -> m.getDoubleProperty("word"));
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("big"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("fraction"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("padded"));
        assertEquals("abc", m.getStringProperty("word"));
    }

    /** Spec: an absent property is read as valueOf(null); the TCK expects exactly these exceptions. */
    @Test
    void absentPropertiesReadAsValueOfNull() throws JMSException {
        Message m = new MessageImpl();
        assertFalse(m.getBooleanProperty("none"));
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("none"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("none"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("none"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("none"));
        assertThrows(NullPointerException.class, () -> m.getFloatProperty("none"));
        assertThrows(NullPointerException.class, () -> m.getDoubleProperty("none"));
        assertNull(m.getStringProperty("none"));
        assertNull(m.getObjectProperty("none"));
        assertFalse(m.propertyExists("none"));
    }

    @Test
    void nullValuedPropertyExistsAndReadsAsAbsent() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setStringProperty("s", null);
        m.setObjectProperty("o", null);
        for (Message msg : new Message[] {m, Received.copy(m)}) {
            assertTrue(msg.propertyExists("s"));
            assertTrue(msg.propertyExists("o"));
            assertNull(msg.getStringProperty("s"));
            assertFalse(msg.getBooleanProperty("o"));
            assertThrows(NumberFormatException.class, () -> msg.getIntProperty("s"));
        }
    }

    private static Object get(Message m, Type target) throws JMSException {
        return switch (target) {
            case BOOLEAN -> m.getBooleanProperty(NAME);
            case BYTE -> m.getByteProperty(NAME);
            case SHORT -> m.getShortProperty(NAME);
            case INT -> m.getIntProperty(NAME);
            case LONG -> m.getLongProperty(NAME);
            case FLOAT -> m.getFloatProperty(NAME);
            case DOUBLE -> m.getDoubleProperty(NAME);
            case STRING -> m.getStringProperty(NAME);
            default -> throw new AssertionError(target);
        };
    }
}
