package io.hazeljms.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Body read-only rules of TextMessage and the body-less Message. */
class TextAndPlainBodyTest {

    @Test
    void newTextMessageIsWritable() throws JMSException {
        TextMessageImpl m = new TextMessageImpl();
        assertNull(m.getText());
        m.setText("a");
        m.setText("b");
        assertEquals("b", m.getText());
    }

    @Test
    void receivedTextIsReadOnlyUntilClearBody() throws JMSException {
        TextMessage m = Received.copy(new TextMessageImpl("a"));
        assertThrows(MessageNotWriteableException.class, () -> m.setText("b"));
        assertThrows(MessageNotWriteableException.class, () -> m.setText(null));
        assertEquals("a", m.getText());
        m.clearBody();
        assertNull(m.getText());
        m.setText("c");
        assertEquals("c", m.getText());
    }

    @Test
    void clearBodyLeavesPropertiesAlone() throws JMSException {
        TextMessageImpl sent = new TextMessageImpl("a");
        sent.setIntProperty("p", 1);
        TextMessage m = Received.copy(sent);
        m.clearBody();
        assertEquals(1, m.getIntProperty("p"));
        assertThrows(MessageNotWriteableException.class, () -> m.setIntProperty("p", 2),
                "properties stay read-only");
    }

    @Test
    void clearBodyOnNewMessage() throws JMSException {
        TextMessageImpl m = new TextMessageImpl("a");
        m.clearBody();
        assertNull(m.getText());
        assertDoesNotThrow(() -> m.setText("b"));
    }

    @Test
    void plainMessageClearBodyIsHarmless() throws JMSException {
        MessageImpl m = Received.copy(new MessageImpl());
        assertDoesNotThrow(m::clearBody);
        assertNull(m.getBody(String.class));
    }
}
