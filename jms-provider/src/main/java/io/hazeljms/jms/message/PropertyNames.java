package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.MessageFormatException;

import java.util.Locale;
import java.util.Set;

/**
 * Rules on property names and on the JMS-defined {@code JMSX} properties. A property name must be usable as a
 * message selector identifier (spec 3.5.1 / 3.8.1.1), otherwise a selector could never refer to it.
 */
final class PropertyNames {

    static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";
    static final String JMSX_GROUP_ID = "JMSXGroupID";
    static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    /** Words of the selector grammar that an identifier cannot be, in any case. */
    private static final Set<String> RESERVED = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private PropertyNames() {
    }

    /** @throws IllegalArgumentException when {@code name} is null, empty, not an identifier, or reserved */
    static void validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(ProviderError.PROPERTY_NAME_EMPTY.text());
        }
        // whole code points, not UTF-16 units: a letter outside the BMP is a surrogate pair (and the selector's
        // tokenizer reads identifiers by code point too)
        if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
            throw new IllegalArgumentException(ProviderError.PROPERTY_NAME_START.text(name));
        }
        for (int i = Character.charCount(name.codePointAt(0)); i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(codePoint)) {
                throw new IllegalArgumentException(ProviderError.PROPERTY_NAME_CHARACTER.text(name,
                        Character.toString(codePoint), i));
            }
            i += Character.charCount(codePoint);
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException(ProviderError.PROPERTY_NAME_RESERVED.text(name));
        }
    }

    /**
     * The types the spec fixes for the JMSX properties an application may set: JMSXGroupID is a String,
     * JMSXGroupSeq an int; JMSXDeliveryCount (normally set by the provider) is an int too.
     */
    static void checkJmsxType(String name, Object value) throws MessageFormatException {
        if (value == null || !name.startsWith("JMSX")) {
            return;
        }
        if (name.equals(JMSX_GROUP_ID) && !(value instanceof String)) {
            throw new MessageFormatException(ProviderError.GROUP_ID_NOT_STRING.text(TypeConversions.typeName(value)));
        }
        if ((name.equals(JMSX_GROUP_SEQ) || name.equals(JMSX_DELIVERY_COUNT)) && !(value instanceof Integer)) {
            throw new MessageFormatException(ProviderError.JMSX_NOT_INT.text(name, TypeConversions.typeName(value)));
        }
    }
}
