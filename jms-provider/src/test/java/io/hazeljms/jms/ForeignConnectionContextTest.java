package io.hazeljms.jms;

import io.hazeljms.jms.client.AcknowledgeSupport;
import io.hazeljms.jms.client.HazelcastConnection;
import io.hazeljms.jms.client.HazelcastJMSContext;
import io.hazeljms.jms.client.HazelcastMessageConsumer;
import io.hazeljms.jms.client.HazelcastMessageProducer;
import io.hazeljms.jms.client.HazelcastSession;
import io.hazeljms.jms.client.ReceiveBodySupport;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HazelcastJMSContext#over} on a connection that is not the provider's own, as a resource adapter hands
 * out: {@link Handles} wraps the classic objects in proxies that implement only the standard interfaces (and,
 * when asked, the optional SPI, delegating as a resource adapter's handles would), so the context cannot see
 * HazelcastConnection, HazelcastSession or the provider's producers and consumers.
 */
class ForeignConnectionContextTest extends JmsTestSupport {

    private static final long WAIT = 10_000;
    private final List<JMSContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() throws Exception {
        for (JMSContext c : contexts) {
            c.close();
        }
    }

    /**
     * Test-only handles: java.lang.reflect.Proxy decorators of the classic objects, recording every call as
     * "Interface.method". With {@code spi}, sessions implement {@link AcknowledgeSupport} and consumers
     * {@link ReceiveBodySupport}, delegating to the provider's objects through the SPI's {@code of} adapters.
     */
    static final class Handles {

        final boolean spi;
        /** At most this many sessions per connection (a resource adapter allows one in a container); 0: any. */
        final int maxSessions;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private int sessions;

        Handles(boolean spi, int maxSessions) {
            this.spi = spi;
            this.maxSessions = maxSessions;
        }

        Connection connection(Connection real) {
            return wrap(Connection.class, real);
        }

        private <T> T wrap(Class<T> type, Object target, Class<?>... spiTypes) {
            List<Class<?>> interfaces = new ArrayList<>(List.of(type));
            if (spi) {
                interfaces.addAll(List.of(spiTypes));
            }
            Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
                    (self, method, args) -> handle(target, method, args));
            return type.cast(proxy);
        }

        private Object handle(Object target, Method method, Object[] args) throws Throwable {
            Class<?> declaring = method.getDeclaringClass();
            if (declaring != Object.class) {
                calls.add(declaring.getSimpleName() + "." + method.getName());
            }
            if (declaring == AcknowledgeSupport.class) {
                AcknowledgeSupport.of((Session) target).acknowledgeAll();
                return null;
            }
            if (declaring == ReceiveBodySupport.class) {
                return invoke(method, ReceiveBodySupport.of((MessageConsumer) target), args);
            }
            if (declaring == Connection.class && method.getName().equals("createSession")) {
                synchronized (this) {
                    if (maxSessions > 0 && sessions >= maxSessions) {
                        throw new IllegalStateException("test handle: only " + maxSessions + " session(s) "
                                + "per connection");
                    }
                    sessions++;
                }
            }
            Object result = invoke(method, target, args);
            Class<?> returned = method.getReturnType();
            if (result == null) {
                return null;
            }
            if (returned == Session.class) {
                return wrap(Session.class, result, AcknowledgeSupport.class);
            }
            if (returned == MessageConsumer.class) {
                return wrap(MessageConsumer.class, result, ReceiveBodySupport.class);
            }
            if (returned == MessageProducer.class) {
                return wrap(MessageProducer.class, result);
            }
            return result;
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private JMSContext over(Handles handles, int mode) throws JMSException {
        JMSContext c = HazelcastJMSContext.over(handles.connection(connection()), mode);
        contexts.add(c);
        return c;
    }

    private JMSContext plain() {
        JMSContext c = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        contexts.add(c);
        return c;
    }

    private Queue freshQueue(JMSContext context) {
        return context.createQueue(testName + "-" + UUID.randomUUID());
    }

    private static int count(QueueBrowser browser) throws JMSException {
        return Collections.list(browser.getEnumeration()).size();
    }

    @Test
    void theHandlesHideTheProvidersClasses() throws Exception {
        Handles handles = new Handles(true, 0);
        Connection connection = handles.connection(connection());
        assertFalse(connection instanceof HazelcastConnection);
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        assertFalse(session instanceof HazelcastSession);
        assertInstanceOf(AcknowledgeSupport.class, session);
        Queue queue = session.createQueue("q");
        assertFalse(session.createProducer(null) instanceof HazelcastMessageProducer);
        MessageConsumer consumer = session.createConsumer(queue);
        assertFalse(consumer instanceof HazelcastMessageConsumer);
        assertInstanceOf(ReceiveBodySupport.class, consumer);
        assertFalse(new Handles(false, 0).connection(connection()).createSession(Session.AUTO_ACKNOWLEDGE)
                instanceof AcknowledgeSupport);
    }

    @ParameterizedTest(name = "spi={0}")
    @ValueSource(booleans = {true, false})
    void sendAndReceiveBodyGoThroughTheStandardApiOfTheHandles(boolean spi) throws Exception {
        Handles handles = new Handles(spi, 0);
        JMSContext context = over(handles, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer().setProperty("p", 7);
        producer.send(queue, "hello");
        producer.send(queue, new byte[] {1, 2});
        JMSConsumer consumer = context.createConsumer(queue);
        assertEquals("hello", consumer.receiveBody(String.class, WAIT));
        assertEquals(2, consumer.receiveBodyNoWait(byte[].class).length);

        producer.setPriority(8).setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000)
                .setDisableMessageTimestamp(true).send(queue, "options");
        Message options = consumer.receive(WAIT);
        assertEquals(8, options.getJMSPriority());
        assertEquals(DeliveryMode.NON_PERSISTENT, options.getJMSDeliveryMode());
        assertEquals(7, options.getIntProperty("p"));
        assertEquals(0, options.getJMSTimestamp());
        assertThrows(JMSRuntimeException.class, () -> producer.setPriority(10), "validated by the JMSProducer");

        CompletableFuture<Message> completed = new CompletableFuture<>();
        producer.setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completed.complete(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                completed.completeExceptionally(exception);
            }
        }).send(queue, "async");
        assertEquals("async", completed.get(WAIT, TimeUnit.MILLISECONDS).getBody(String.class));
        assertEquals("async", consumer.receiveBody(String.class, WAIT));

        assertTrue(handles.calls.contains("Connection.createSession"));
        assertTrue(handles.calls.contains("Session.createProducer"));
        assertTrue(handles.calls.contains("MessageProducer.send"));
        assertTrue(handles.calls.contains("Connection.start"), "autoStart goes through the handle");
        assertEquals(spi, handles.calls.contains("ReceiveBodySupport.receive"));
        assertEquals(spi, handles.calls.contains("ReceiveBodySupport.receiveNoWait"));
        assertEquals(!spi, handles.calls.contains("MessageConsumer.receiveNoWait"));

        context.close();
        assertTrue(handles.calls.contains("Connection.close"), "the context owns the connection handle");
    }

    @Test
    void receiveBodyOfTheWrongTypeLeavesTheMessageThroughReceiveBodySupport() throws Exception {
        Handles handles = new Handles(true, 0);
        for (int mode : new int[] {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE}) {
            JMSContext context = over(handles, mode);
            Queue queue = freshQueue(context);
            JMSProducer producer = context.createProducer();
            producer.send(queue, "text");
            producer.send(queue, "second");
            JMSConsumer consumer = context.createConsumer(queue);

            assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, WAIT));
            Message again = consumer.receive(WAIT);
            assertEquals("text", ((TextMessage) again).getText());
            assertFalse(again.getJMSRedelivered(), "giving it back is not a redelivery");
            assertEquals(1, again.getIntProperty("JMSXDeliveryCount"));

            assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBodyNoWait(byte[].class));
            assertEquals("second", consumer.receiveBodyNoWait(String.class));
        }
    }

    /** The documented fallback: without ReceiveBodySupport, receive + getBody; in AUTO mode the message is gone. */
    @Test
    void withoutReceiveBodySupportAWrongTypeIsConsumedInAutoAcknowledgeMode() throws Exception {
        JMSContext context = over(new Handles(false, 0), JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "text");
        producer.send(queue, "second");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, WAIT));
        assertEquals("second", consumer.receiveBody(String.class, WAIT));
    }

    @ParameterizedTest(name = "spi={0}")
    @ValueSource(booleans = {true, false})
    void wrongTypeInClientAcknowledgeModeCountsAsDeliveredAndRecoverGivesItBack(boolean spi) throws Exception {
        JMSContext context = over(new Handles(spi, 0), JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "a");
        producer.send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, WAIT));
        assertEquals("b", consumer.receiveBody(String.class, WAIT));
        context.recover();
        assertEquals("a", consumer.receiveBody(String.class, WAIT), "unacknowledged, so recover gives it back");
        assertEquals("b", consumer.receiveBody(String.class, WAIT));
        context.acknowledge();
        assertEquals(0, count(plain().createBrowser(queue)));
    }

    @ParameterizedTest(name = "spi={0}")
    @ValueSource(booleans = {true, false})
    void acknowledgeAcknowledgesWhatTheContextConsumedIncludingListenerDeliveries(boolean spi) throws Exception {
        Handles handles = new Handles(spi, 0);
        JMSContext context = over(handles, JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "a");
        producer.send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertEquals("a", consumer.receiveBody(String.class, WAIT));
        assertEquals("b", consumer.receiveBody(String.class, WAIT));
        context.close(); // without acknowledge: both come back

        JMSContext again = over(handles, JMSContext.CLIENT_ACKNOWLEDGE);
        JMSConsumer retry = again.createConsumer(queue);
        Message a = retry.receive(WAIT);
        assertEquals("a", a.getBody(String.class));
        assertTrue(a.getJMSRedelivered());
        BlockingQueue<String> heard = new ArrayBlockingQueue<>(10);
        MessageListener listener = m -> {
            try {
                heard.add(m.getBody(String.class));
            } catch (JMSException e) {
                heard.add("error " + e);
            }
        };
        retry.setMessageListener(listener);
        assertSame(listener, retry.getMessageListener(), "the application's own listener, not a wrapper");
        assertEquals("b", heard.poll(WAIT, TimeUnit.MILLISECONDS));
        again.acknowledge(); // the listener's delivery was the last one: acknowledging it acknowledges both
        assertEquals(spi, handles.calls.contains("AcknowledgeSupport.acknowledgeAll"));
        again.close();

        assertEquals(0, count(plain().createBrowser(queue)), "acknowledge() acknowledged both");
        assertThrows(IllegalStateRuntimeException.class, again::acknowledge);
    }

    @Test
    void transactedContextCommitsAndRollsBackThroughTheHandles() throws Exception {
        JMSContext context = over(new Handles(false, 0), JMSContext.SESSION_TRANSACTED);
        Queue queue = freshQueue(context);
        QueueBrowser observer = plain().createBrowser(queue);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "dropped");
        context.rollback();
        producer.send(queue, "kept");
        assertEquals(0, count(observer));
        context.commit();
        assertEquals(1, count(observer));
        assertEquals("kept", context.createConsumer(queue).receiveBody(String.class, WAIT));
        context.commit();
        assertEquals(0, count(observer));
    }

    @Test
    void createContextSharesTheHandleAndClosesItWithTheLastContext() throws Exception {
        Handles handles = new Handles(true, 0);
        JMSContext first = over(handles, JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        assertEquals(1, handles.calls.stream().filter("Connection.createSession"::equals).count(),
                "the first context's session waits for first use; on a foreign connection createContext makes "
                        + "the new context's session at once");
        Queue queue = freshQueue(second);
        first.close();
        assertFalse(handles.calls.contains("Connection.close"));
        second.createProducer().send(queue, "still open");
        assertEquals("still open", second.createConsumer(queue).receiveBody(String.class, WAIT));
        second.close();
        assertTrue(handles.calls.contains("Connection.close"));
    }

    @Test
    void aHandleRefusingASecondSessionRefusesCreateContext() throws Exception {
        Handles handles = new Handles(true, 1);
        JMSContext context = over(handles, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context); // the context's one session
        assertThrows(IllegalStateRuntimeException.class, () -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        context.createProducer().send(queue, "x");
        assertEquals("x", context.createConsumer(queue).receiveBody(String.class, WAIT));
        context.close();
        assertTrue(handles.calls.contains("Connection.close"), "the refused context did not keep the connection");
    }

    @Test
    void invalidArgumentsOfOverAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> HazelcastJMSContext.over(null, JMSContext.AUTO_ACKNOWLEDGE));
        assertThrows(JMSRuntimeException.class, () -> HazelcastJMSContext.over(connection(), 42));
    }
}
