package io.hazeljms.jms.message;

import io.hazeljms.store.StoredMessage;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;

/** A message whose body is a String (stored as UTF-8; a null text stays null). */
public class TextMessageImpl extends MessageImpl implements TextMessage {

    private String text;

    /** A new, writable message with a null text. */
    public TextMessageImpl() {
    }

    /** A new, writable message with this text. */
    public TextMessageImpl(String text) {
        this.text = text;
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    protected byte storedBodyType() {
        return StoredMessage.BODY_TEXT;
    }

    @Override
    protected byte[] encodeBody() {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void decodeBody(byte[] body) {
        text = body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    protected void clearBodyContent() {
        text = null;
    }

    @Override
    protected boolean hasBody() {
        return text != null;
    }

    @Override
    protected <T> T bodyAs(Class<T> c) throws JMSException {
        if (!bodyAssignableTo(c)) {
            throw notAssignable("String", c);
        }
        return c.cast(text);
    }

    @Override
    protected boolean bodyAssignableTo(Class<?> c) {
        return c.isAssignableFrom(String.class);
    }

    @Override
    String typeName() {
        return "TextMessage";
    }
}
