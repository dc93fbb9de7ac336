package io.hazeljms.jms.message;

import io.hazeljms.jms.ProviderError;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/** Java serialization of {@link jakarta.jms.ObjectMessage} bodies, with deserialization under a policy. */
final class JavaSerialization {

    private JavaSerialization() {
    }

    static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw withCause(new MessageFormatException(ProviderError.OBJECT_NOT_SERIALIZABLE.text(
                    object.getClass().getName(), e)), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserializes with classes from the thread context class loader (the application's), falling back to
     * this provider's loader, and refuses any class the policy does not allow before it is even initialized.
     */
    static Object deserialize(byte[] data, DeserializationPolicy policy) throws JMSException {
        PolicyFilter filter = new PolicyFilter(policy);
        try (ObjectInputStream in = new AppObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (filter.refused != null) {
                throw withCause(new MessageFormatException(ProviderError.OBJECT_CLASS_NOT_ALLOWED.text(
                        filter.refused, packagePrefix(filter.refused), DeserializationPolicy.CONFIG_PROPERTY)), e);
            }
            throw failed(e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw failed(e);
        }
    }

    private static MessageFormatException failed(Exception e) {
        return withCause(new MessageFormatException(ProviderError.OBJECT_NOT_DESERIALIZABLE.text(e)), e);
    }

    private static String packagePrefix(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot + 1);
    }

    private static <E extends JMSException> E withCause(E jmsException, Exception cause) {
        jmsException.setLinkedException(cause);
        jmsException.initCause(cause);
        return jmsException;
    }

    /** Allows what the policy allows (and a JVM-wide filter, if any, does not reject); remembers the refusal. */
    private static final class PolicyFilter implements ObjectInputFilter {
        private final DeserializationPolicy policy;
        private final ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
        String refused;

        PolicyFilter(DeserializationPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (jvmWide != null && jvmWide.checkInput(info) == Status.REJECTED) {
                return Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED; // a depth/reference/size check: no limits of our own
            }
            if (policy.isAllowed(type)) {
                return Status.ALLOWED;
            }
            if (refused == null) {
                Class<?> element = type;
                while (element.isArray()) {
                    element = element.getComponentType();
                }
                refused = element.getName();
            }
            return Status.REJECTED;
        }
    }

    /** Resolves classes with the thread context class loader first: the application's classes live there. */
    private static final class AppObjectInputStream extends ObjectInputStream {
        AppObjectInputStream(ByteArrayInputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException e) {
                    // not visible to the application: try the provider's own loader below
                }
            }
            try {
                return Class.forName(desc.getName(), false, JavaSerialization.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc); // also handles primitive type descriptors
            }
        }
    }
}
