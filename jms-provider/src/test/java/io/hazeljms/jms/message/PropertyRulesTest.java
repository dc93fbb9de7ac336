package io.hazeljms.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Property names, object types, JMSX rules and the read-only state of received properties. */
class PropertyRulesTest {

    @ParameterizedTest
    @NullAndEmptySource
    void nullOrEmptyNameIsRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MessageImpl().setIntProperty(name, 1));
        assertTrue(e.getMessage().contains("null or empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "my-prop", "a b", "a.b", "x+y"})
    void nonIdentifierNameIsRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MessageImpl().setStringProperty(name, "v"));
        assertTrue(e.getMessage().contains("not a valid identifier"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE",
            "and", "Escape", "null"})
    void reservedSelectorWordIsRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MessageImpl().setBooleanProperty(name, true));
        assertTrue(e.getMessage().contains("reserved word"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$y", "camelCase9", "ANDROID", "Island", "nullable", "JMS_vendor_x", "é"})
    void identifierNamesAreAccepted(String name) throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setIntProperty(name, 7);
        assertEquals(7, m.getIntProperty(name));
    }

    /** Letters outside the BMP are surrogate pairs: validated as whole code points, as Java identifiers are. */
    @ParameterizedTest
    @ValueSource(strings = {"\uD835\uDC00abc", "a\uD835\uDC00", "\uD801\uDC00\uD835\uDFCE"})
    void supplementaryLettersAreAccepted(String name) throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setIntProperty(name, 7);
        assertEquals(7, m.getIntProperty(name));
    }

    @Test
    void supplementaryNonLettersAreRefusedNamingTheWholeCharacter() {
        // U+1F600 (an emoji) is no identifier part; a lone surrogate is no character at all
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MessageImpl().setIntProperty("a\uD83D\uDE00", 1));
        assertTrue(e.getMessage().contains("character '\uD83D\uDE00' at index 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MessageImpl().setIntProperty("\uD83D\uDE00a", 1));
        assertTrue(e.getMessage().contains("must start with a letter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MessageImpl().setIntProperty("a\uD835", 1));
    }

    @Test
    void everySetterValidatesTheName() {
        MessageImpl m = new MessageImpl();
        List<Executable> setters = List.of(
                () -> m.setBooleanProperty("1", true), () -> m.setByteProperty("1", (byte) 1),
                () -> m.setShortProperty("1", (short) 1), () -> m.setIntProperty("1", 1),
                () -> m.setLongProperty("1", 1L), () -> m.setFloatProperty("1", 1f),
                () -> m.setDoubleProperty("1", 1d), () -> m.setStringProperty("1", "s"),
                () -> m.setObjectProperty("1", 1));
        for (Executable setter : setters) {
            assertThrows(IllegalArgumentException.class, setter);
        }
    }

    @Test
    void setObjectPropertyAcceptsOnlyTheEightTypes() throws JMSException {
        MessageImpl m = new MessageImpl();
        for (Object ok : new Object[] {true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, "s"}) {
            m.setObjectProperty("p", ok);
            assertEquals(ok, m.getObjectProperty("p"));
        }
        for (Object bad : new Object[] {'c', new byte[1], new Object(), new ArrayList<>(), java.math.BigDecimal.ONE}) {
            MessageFormatException e = assertThrows(MessageFormatException.class, () -> m.setObjectProperty("p", bad));
            assertTrue(e.getMessage().contains(bad.getClass().getName()), e.getMessage());
        }
    }

    @Test
    void jmsxGroupIdMustBeAString() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setStringProperty("JMSXGroupID", "g1");
        m.setObjectProperty("JMSXGroupID", "g2");
        assertEquals("g2", m.getStringProperty("JMSXGroupID"));
        assertThrows(MessageFormatException.class, () -> m.setIntProperty("JMSXGroupID", 1));
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("JMSXGroupID", 1L));
        assertThrows(MessageFormatException.class, () -> m.setBooleanProperty("JMSXGroupID", true));
        assertEquals("g2", m.getStringProperty("JMSXGroupID"));
    }

    @Test
    void jmsxGroupSeqMustBeAnInt() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setIntProperty("JMSXGroupSeq", 3);
        assertEquals(3, m.getIntProperty("JMSXGroupSeq"));
        assertThrows(MessageFormatException.class, () -> m.setStringProperty("JMSXGroupSeq", "4"));
        assertThrows(MessageFormatException.class, () -> m.setLongProperty("JMSXGroupSeq", 4L));
        assertThrows(MessageFormatException.class, () -> m.setShortProperty("JMSXGroupSeq", (short) 4));
        assertEquals(3, m.getIntProperty("JMSXGroupSeq"));
    }

    @Test
    void jmsxDeliveryCountIsSetOnReceiptAndReadableAsInt() throws JMSException {
        MessageImpl sent = new MessageImpl();
        sent.setStringProperty("a", "x");
        assertFalse(sent.propertyExists("JMSXDeliveryCount"));

        Message received = Received.copy(sent);
        assertEquals(1, received.getIntProperty("JMSXDeliveryCount"));
        assertEquals(1L, received.getLongProperty("JMSXDeliveryCount"));
        assertEquals("1", received.getStringProperty("JMSXDeliveryCount"));
        assertEquals(Integer.valueOf(1), received.getObjectProperty("JMSXDeliveryCount"));
        assertTrue(received.propertyExists("JMSXDeliveryCount"));
        assertEquals(List.of("a", "JMSXDeliveryCount"), names(received));
    }

    @Test
    void getPropertyNamesListsEveryPropertyAndIsASnapshot() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setIntProperty("one", 1);
        m.setStringProperty("two", "2");
        m.setObjectProperty("three", 3.0);
        assertEquals(List.of("one", "two", "three"), names(m));
        var names = m.getPropertyNames();
        m.setIntProperty("four", 4);
        assertEquals(3, Collections.list(names).size());
    }

    @Test
    void receivedPropertiesAreReadOnly() throws JMSException {
        MessageImpl sent = new MessageImpl();
        sent.setIntProperty("p", 1);
        Message m = Received.copy(sent);
        List<Executable> setters = List.of(
                () -> m.setBooleanProperty("p", true), () -> m.setByteProperty("p", (byte) 1),
                () -> m.setShortProperty("p", (short) 1), () -> m.setIntProperty("p", 2),
                () -> m.setLongProperty("p", 1L), () -> m.setFloatProperty("p", 1f),
                () -> m.setDoubleProperty("p", 1d), () -> m.setStringProperty("p", "s"),
                () -> m.setObjectProperty("p", 1), () -> m.setObjectProperty("p", new Object()),
                () -> m.setIntProperty("new", 1));
        for (Executable setter : setters) {
            assertThrows(MessageNotWriteableException.class, setter);
        }
        assertEquals(1, m.getIntProperty("p"));
    }

    @Test
    void clearPropertiesEmptiesThemAndMakesThemWritable() throws JMSException {
        MessageImpl sent = new TextMessageImpl("body");
        sent.setIntProperty("p", 1);
        TextMessageImpl m = Received.copy((TextMessageImpl) sent);
        m.clearProperties();
        assertFalse(m.getPropertyNames().hasMoreElements());
        assertFalse(m.propertyExists("p"));
        assertNull(m.getObjectProperty("p"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("p"));
        assertDoesNotThrow(() -> m.setIntProperty("p", 5));
        assertEquals(5, m.getIntProperty("p"));
        assertEquals("body", m.getText(), "the body is not cleared");
        assertThrows(MessageNotWriteableException.class, () -> m.setText("x"), "the body stays read-only");
    }

    @Test
    void clearPropertiesOnNewMessage() throws JMSException {
        MessageImpl m = new MessageImpl();
        m.setIntProperty("p", 1);
        m.clearProperties();
        assertFalse(m.propertyExists("p"));
        m.setIntProperty("q", 2);
        assertTrue(m.propertyExists("q"));
    }

    private static List<Object> names(Message m) throws JMSException {
        return Collections.list(m.getPropertyNames());
    }
}
