package io.hazeljms.jms.message;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.EnumSet.of;

/**
 * The spec's conversion table (JMS 3.1, sections 3.5.4 for properties, MapMessage and StreamMessage javadoc),
 * written out independently of the implementation, with one sample value per type.
 */
final class ConversionTable {

    enum Type { BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    /** The property types: no char, no byte[]. */
    static final Set<Type> PROPERTY_TYPES = EnumSet.complementOf(of(Type.CHAR, Type.BYTES));

    private ConversionTable() {
    }

    /** Which target types a value of each source type may be read as (rows of the spec's table). */
    static boolean allowed(Type source, Type target) {
        Set<Type> targets = switch (source) {
            case BOOLEAN -> of(Type.BOOLEAN, Type.STRING);
            case BYTE -> of(Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.STRING);
            case SHORT -> of(Type.SHORT, Type.INT, Type.LONG, Type.STRING);
            case CHAR -> of(Type.CHAR, Type.STRING);
            case INT -> of(Type.INT, Type.LONG, Type.STRING);
            case LONG -> of(Type.LONG, Type.STRING);
            case FLOAT -> of(Type.FLOAT, Type.DOUBLE, Type.STRING);
            case DOUBLE -> of(Type.DOUBLE, Type.STRING);
            case STRING -> EnumSet.complementOf(of(Type.CHAR, Type.BYTES));
            case BYTES -> of(Type.BYTES);
        };
        return targets.contains(target);
    }

    static Object sample(Type type) {
        return switch (type) {
            case BOOLEAN -> true;
            case BYTE -> (byte) 12;
            case SHORT -> (short) 1234;
            case CHAR -> 'x';
            case INT -> 123456;
            case LONG -> 12345678901L;
            case FLOAT -> 1.5f;
            case DOUBLE -> 2.25d;
            case STRING -> "42";
            case BYTES -> new byte[] {1, 2, 3};
        };
    }

    /** What reading the sample of {@code source} as {@code target} must give, for an allowed cell. */
    static Object expected(Type source, Type target) {
        Object v = sample(source);
        boolean text = source == Type.STRING;
        return switch (target) {
            case BOOLEAN -> text ? Boolean.valueOf((String) v) : v;
            case BYTE -> text ? Byte.valueOf((String) v) : v;
            case SHORT -> text ? Short.valueOf((String) v) : ((Number) v).shortValue();
            case CHAR, BYTES -> v;
            case INT -> text ? Integer.valueOf((String) v) : ((Number) v).intValue();
            case LONG -> text ? Long.valueOf((String) v) : ((Number) v).longValue();
            case FLOAT -> text ? Float.valueOf((String) v) : v;
            case DOUBLE -> text ? Double.valueOf((String) v) : ((Number) v).doubleValue();
            case STRING -> String.valueOf(v);
        };
    }

    /** Every (source, target) cell over the given types. */
    static Stream<Arguments> cells(Set<Type> types) {
        List<Arguments> cells = new ArrayList<>();
        for (Type source : types) {
            for (Type target : types) {
                cells.add(Arguments.of(source, target));
            }
        }
        return cells.stream();
    }

    /** The simple name the error message must use for a source value: Boolean, Integer, byte[], ... */
    static String javaName(Type type) {
        return sample(type).getClass().getSimpleName();
    }

    /** The name the error message must use for a target type: boolean, int, String, byte[]. */
    static String targetName(Type type) {
        return switch (type) {
            case STRING -> "String";
            case BYTES -> "byte[]";
            default -> type.name().toLowerCase();
        };
    }
}
