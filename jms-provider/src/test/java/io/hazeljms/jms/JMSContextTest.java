package io.hazeljms.jms;

import io.hazeljms.jms.client.RuntimeExceptions;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simplified API (JMSContext, JMSProducer, JMSConsumer) against a real member. */
class JMSContextTest extends JmsTestSupport {

    private static final long WAIT = 10_000;
    private final List<JMSContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        for (JMSContext c : contexts) {
            c.close();
        }
    }

    private JMSContext context(int mode) {
        JMSContext c = factory.createContext(mode);
        contexts.add(c);
        return c;
    }

    private Queue freshQueue(JMSContext context) {
        return context.createQueue(testName + "-" + UUID.randomUUID());
    }

    private static int count(QueueBrowser browser) throws JMSException {
        return Collections.list(browser.getEnumeration()).size();
    }

    // --- bodies ----------------------------------------------------------------------------------------------

    @Test
    void eachBodyKindIsSentAndReceivedWithReceiveBody() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        JMSConsumer consumer = context.createConsumer(queue);

        producer.send(queue, "hello");
        assertEquals("hello", consumer.receiveBody(String.class, WAIT));

        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 1);
        map.put("s", "two");
        map.put("b", new byte[] {1, 2});
        producer.send(queue, map);
        Map<?, ?> received = consumer.receiveBody(Map.class, WAIT);
        assertEquals(1, received.get("n"));
        assertEquals("two", received.get("s"));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) received.get("b"));

        producer.send(queue, new byte[] {7, 8, 9});
        assertArrayEquals(new byte[] {7, 8, 9}, consumer.receiveBody(byte[].class, WAIT));

        producer.send(queue, LocalDate.of(2024, 2, 29));
        assertEquals(LocalDate.of(2024, 2, 29), consumer.receiveBody(LocalDate.class, WAIT));

        producer.send(queue, context.createTextMessage("as a message"));
        assertEquals("as a message", consumer.receiveBodyNoWait(String.class));
    }

    @Test
    void nullBodiesSendEmptyMessagesOfTheRightType() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, (String) null);
        producer.send(queue, (Map<String, Object>) null);
        producer.send(queue, (byte[]) null);
        producer.send(queue, (Serializable) null);
        JMSConsumer consumer = context.createConsumer(queue);

        assertNull(assertInstanceOf(TextMessage.class, consumer.receive(WAIT)).getText());
        assertFalse(assertInstanceOf(MapMessage.class, consumer.receive(WAIT)).getMapNames().hasMoreElements());
        assertEquals(0, assertInstanceOf(BytesMessage.class, consumer.receive(WAIT)).getBodyLength());
        assertNull(assertInstanceOf(ObjectMessage.class, consumer.receive(WAIT)).getObject());
    }

    @Test
    void receiveBodyOfAMessageWithoutBodyIsNullAndConsumesIt() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, context.createMessage());
        QueueBrowser browser = context.createBrowser(queue);
        assertEquals(1, count(browser));
        assertNull(context.createConsumer(queue).receiveBody(String.class, WAIT));
        assertEquals(0, count(browser), "the body-less message was consumed");
    }

    @Test
    void receiveBodyWithTheWrongTypeThrowsAndTheMessageComesNextUncounted() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "text");
        producer.send(queue, "second");
        JMSConsumer consumer = context.createConsumer(queue);

        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, WAIT));
        Message again = consumer.receive(WAIT);
        assertEquals("text", ((TextMessage) again).getText());
        assertFalse(again.getJMSRedelivered(), "giving it back is not a redelivery (spec, receiveBody)");
        assertEquals(1, again.getIntProperty("JMSXDeliveryCount"));
        assertEquals("second", consumer.receiveBody(String.class, WAIT));

        producer.send(queue, new byte[] {1});
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBodyNoWait(String.class));
        assertArrayEquals(new byte[] {1}, consumer.receiveBodyNoWait(byte[].class));

        StreamMessage stream = context.createStreamMessage();
        stream.writeInt(5);
        producer.send(queue, stream);
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Object.class, WAIT),
                "a StreamMessage never has a body receiveBody can return");
        assertInstanceOf(StreamMessage.class, consumer.receive(WAIT));
    }

    @Test
    void receiveBodyWithTheWrongTypeInClientAcknowledgeModeCountsAsDelivered() {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "a");
        producer.send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, WAIT));
        assertEquals("b", consumer.receiveBody(String.class, WAIT));
        context.recover();
        assertEquals("a", consumer.receiveBody(String.class, WAIT), "unacknowledged, so recover gives it back");
    }

    // --- producer properties, headers and options ------------------------------------------------------------

    @Test
    void producerPropertiesAndHeadersAreAppliedToEveryMessage() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        Queue replyTo = freshQueue(context);
        JMSProducer producer = context.createProducer()
                .setProperty("bool", true).setProperty("byte", (byte) 1).setProperty("short", (short) 2)
                .setProperty("int", 3).setProperty("long", 4L).setProperty("float", 5.5f)
                .setProperty("double", 6.5).setProperty("string", "seven").setProperty("object", (Object) 8L)
                .setJMSCorrelationID("corr-1").setJMSType("kind").setJMSReplyTo(replyTo);
        producer.send(queue, "first");
        TextMessage own = context.createTextMessage("second");
        own.setStringProperty("string", "mine");
        own.setStringProperty("extra", "kept");
        producer.send(queue, own);

        JMSConsumer consumer = context.createConsumer(queue);
        for (String text : List.of("first", "second")) {
            Message m = consumer.receive(WAIT);
            assertEquals(text, ((TextMessage) m).getText());
            assertTrue(m.getBooleanProperty("bool"));
            assertEquals((byte) 1, m.getByteProperty("byte"));
            assertEquals((short) 2, m.getShortProperty("short"));
            assertEquals(3, m.getIntProperty("int"));
            assertEquals(4L, m.getLongProperty("long"));
            assertEquals(5.5f, m.getFloatProperty("float"));
            assertEquals(6.5, m.getDoubleProperty("double"));
            assertEquals("seven", m.getStringProperty("string"), "the producer's value wins");
            assertEquals(8L, m.getObjectProperty("object"));
            assertEquals("corr-1", m.getJMSCorrelationID());
            assertEquals("kind", m.getJMSType());
            assertEquals(replyTo, m.getJMSReplyTo());
        }

        producer.setJMSCorrelationIDAsBytes(new byte[] {0x41, 0x42});
        producer.send(queue, "third");
        Message third = consumer.receive(WAIT);
        assertArrayEquals(new byte[] {0x41, 0x42}, third.getJMSCorrelationIDAsBytes());
    }

    @Test
    void messageSentAsIsKeepsItsOwnPropertiesThatTheProducerDoesNotSet() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        TextMessage own = context.createTextMessage("own");
        own.setStringProperty("extra", "kept");
        own.setJMSType("own-type");
        context.createProducer().setProperty("added", 1).send(queue, own);
        Message m = context.createConsumer(queue).receive(WAIT);
        assertEquals("kept", m.getStringProperty("extra"));
        assertEquals(1, m.getIntProperty("added"));
        assertEquals("own-type", m.getJMSType());
    }

    @Test
    void producerPropertiesFollowTheMessagePropertyRules() {
        JMSProducer producer = context(JMSContext.AUTO_ACKNOWLEDGE).createProducer();
        for (String bad : new String[] {null, "", "1abc", "a-b", "AND", "null"}) {
            assertThrows(IllegalArgumentException.class, () -> producer.setProperty(bad, 1), "name " + bad);
        }
        assertThrows(MessageFormatRuntimeException.class, () -> producer.setProperty("x", new Object()));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.setProperty("x", (Object) List.of()));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.setProperty("JMSXGroupID", 5));

        producer.setProperty("i", 42).setProperty("numeric", "12").setProperty("word", "x").setProperty("f", 1.5f);
        assertEquals(42L, producer.getLongProperty("i"));
        assertEquals("42", producer.getStringProperty("i"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.getDoubleProperty("i"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.getBooleanProperty("i"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.getShortProperty("i"));
        assertEquals(12, producer.getIntProperty("numeric"));
        assertThrows(NumberFormatException.class, () -> producer.getIntProperty("word"));
        assertEquals(1.5, producer.getDoubleProperty("f"));
        assertFalse(producer.getBooleanProperty("missing"));
        assertNull(producer.getStringProperty("missing"));
        assertNull(producer.getObjectProperty("missing"));

        assertTrue(producer.propertyExists("i"));
        assertFalse(producer.propertyExists("missing"));
        Set<String> names = producer.getPropertyNames();
        assertEquals(Set.of("i", "numeric", "word", "f"), names);
        assertThrows(UnsupportedOperationException.class, () -> names.add("more"));
        producer.clearProperties();
        assertTrue(producer.getPropertyNames().isEmpty());
        assertFalse(producer.propertyExists("i"));
    }

    @Test
    void producerOptionsHaveSpecDefaultsAndAreValidated() {
        JMSProducer producer = context(JMSContext.AUTO_ACKNOWLEDGE).createProducer();
        assertEquals(DeliveryMode.PERSISTENT, producer.getDeliveryMode());
        assertEquals(Message.DEFAULT_PRIORITY, producer.getPriority());
        assertEquals(0, producer.getTimeToLive());
        assertEquals(0, producer.getDeliveryDelay());
        assertNull(producer.getAsync());

        JMSRuntimeException priority = assertThrows(JMSRuntimeException.class, () -> producer.setPriority(10));
        assertEquals(JMSRuntimeException.class, priority.getClass());
        assertThrows(JMSRuntimeException.class, () -> producer.setPriority(-1));
        assertThrows(JMSRuntimeException.class, () -> producer.setDeliveryMode(3));
        assertEquals(Message.DEFAULT_PRIORITY, producer.getPriority(), "a refused value is not kept");
        assertEquals(DeliveryMode.NON_PERSISTENT,
                producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT).getDeliveryMode());
    }

    @Test
    void priorityDeliveryDelayModeTimeToLiveAndTimestampAreUsed() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.setPriority(1).send(queue, "low");
        producer.setPriority(8).send(queue, "high");
        JMSConsumer consumer = context.createConsumer(queue);
        Message high = consumer.receive(WAIT);
        assertEquals("high", high.getBody(String.class));
        assertEquals(8, high.getJMSPriority());
        assertEquals("low", consumer.receiveBody(String.class, WAIT));

        long before = System.currentTimeMillis();
        producer.setPriority(4).setDeliveryDelay(500).setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(60_000).send(queue, "later");
        assertNull(consumer.receiveNoWait(), "not yet due");
        Message later = consumer.receive(WAIT);
        assertTrue(System.currentTimeMillis() >= before + 500, "delivered before its delivery delay");
        assertTrue(later.getJMSDeliveryTime() >= before + 500);
        assertEquals(DeliveryMode.NON_PERSISTENT, later.getJMSDeliveryMode());
        assertEquals(later.getJMSTimestamp() + 60_000, later.getJMSExpiration());

        producer.setDeliveryDelay(0).setDisableMessageTimestamp(true).send(queue, "no time");
        assertEquals(0, consumer.receive(WAIT).getJMSTimestamp());
    }

    @Test
    void asyncSendsCompleteInSendOrder() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        List<String> completed = Collections.synchronizedList(new ArrayList<>());
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(20);
        Thread sender = Thread.currentThread();
        List<Thread> callbackThreads = Collections.synchronizedList(new ArrayList<>());
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    completed.add(message.getBody(String.class));
                } catch (JMSException e) {
                    failures.add(e);
                }
                callbackThreads.add(Thread.currentThread());
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                failures.add(exception);
                done.countDown();
            }
        };
        JMSProducer producer = context.createProducer().setAsync(listener);
        assertSame(listener, producer.getAsync());
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            producer.send(queue, "a" + i);
            sent.add("a" + i);
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(), failures);
        assertEquals(sent, completed);
        assertFalse(callbackThreads.contains(sender), "completion must not run on the sending thread");

        JMSConsumer consumer = context.createConsumer(queue);
        for (String text : sent) {
            assertEquals(text, consumer.receiveBody(String.class, WAIT));
        }
        producer.setAsync(null).send(queue, "sync again");
        assertEquals(20, completed.size(), "without a listener the send is synchronous");
        assertEquals("sync again", consumer.receiveBody(String.class, WAIT));
    }

    // --- connection start, sharing, client ID ----------------------------------------------------------------

    @Test
    void autoStartStartsTheConnectionWhenAConsumerIsCreated() {
        JMSContext sender = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(sender);
        sender.createProducer().send(queue, "x");
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertTrue(context.getAutoStart());
        assertEquals("x", context.createConsumer(queue).receiveBody(String.class, WAIT));
    }

    @Test
    void withoutAutoStartNothingIsDeliveredUntilStart() {
        JMSContext sender = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(sender);
        JMSProducer producer = sender.createProducer().send(queue, "x");
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.setAutoStart(false);
        assertFalse(context.getAutoStart());
        JMSConsumer consumer = context.createConsumer(queue);
        assertNull(consumer.receive(300), "the connection is not started");
        context.start();
        assertEquals("x", consumer.receiveBody(String.class, WAIT));

        context.stop();
        producer.send(queue, "y");
        assertNull(consumer.receive(300), "the connection is stopped");
        context.start();
        assertEquals("y", consumer.receiveBody(String.class, WAIT));
    }

    @Test
    void createContextSharesTheConnectionUntilTheLastContextCloses() {
        String clientId = "shared-" + UUID.randomUUID();
        JMSContext first = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        first.setClientID(clientId);
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        assertEquals(JMSContext.CLIENT_ACKNOWLEDGE, second.getSessionMode());
        assertEquals(clientId, second.getClientID(), "same connection, same client ID");
        assertThrows(IllegalStateRuntimeException.class, () -> second.setClientID("other"));
        TemporaryQueue temporary = second.createTemporaryQueue();

        first.close();
        assertThrows(IllegalStateRuntimeException.class, first::createProducer);
        second.createProducer().send(temporary, "still open");
        assertEquals("still open", second.createConsumer(temporary).receiveBody(String.class, WAIT));
        JMSContext probe = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidClientIDRuntimeException.class, () -> probe.setClientID(clientId),
                "the shared connection still holds the client ID");

        second.close();
        JMSContext after = context(JMSContext.AUTO_ACKNOWLEDGE);
        after.setClientID(clientId); // the connection closed and gave the client ID back
        assertThrows(InvalidDestinationRuntimeException.class, () -> after.createProducer().send(temporary, "x"),
                "the connection's temporary queue was deleted when it closed");
    }

    @Test
    void clientIdCanBeSetOnlyBeforeTheContextIsUsed() {
        String clientId = "ctx-" + UUID.randomUUID();
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.setClientID(clientId);
        assertEquals(clientId, context.getClientID());
        assertThrows(IllegalStateRuntimeException.class, () -> context.setClientID("again"));

        JMSContext used = context(JMSContext.AUTO_ACKNOWLEDGE);
        used.createTextMessage("use");
        assertThrows(IllegalStateRuntimeException.class, () -> used.setClientID("late-" + UUID.randomUUID()));

        JMSContext duplicate = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidClientIDRuntimeException.class, () -> duplicate.setClientID(clientId));
    }

    @Test
    void metaDataAndExceptionListenerComeFromTheConnection() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertEquals(3, context.getMetaData().getJMSMajorVersion());
        assertNull(context.getExceptionListener());
        ExceptionListener listener = e -> { };
        context.setExceptionListener(listener);
        assertSame(listener, context.getExceptionListener());
    }

    // --- acknowledgement and transactions --------------------------------------------------------------------

    @Test
    void clientAcknowledgeAcknowledgesEverythingTheContextConsumed() throws Exception {
        JMSContext context = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "a");
        producer.send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertEquals("a", consumer.receiveBody(String.class, WAIT));
        assertEquals("b", consumer.receiveBody(String.class, WAIT));
        context.close(); // without acknowledge: both come back

        JMSContext again = context(JMSContext.CLIENT_ACKNOWLEDGE);
        JMSConsumer retry = again.createConsumer(queue);
        Message a = retry.receive(WAIT);
        assertEquals("a", a.getBody(String.class));
        assertTrue(a.getJMSRedelivered());
        assertEquals("b", retry.receiveBody(String.class, WAIT));
        again.acknowledge();
        again.close();

        JMSContext after = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertEquals(0, count(after.createBrowser(queue)), "acknowledge() acknowledged both");
        assertThrows(IllegalStateRuntimeException.class, again::acknowledge);
    }

    @Test
    void acknowledgeDoesNothingInAutoAcknowledgeMode() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "a");
        assertEquals("a", context.createConsumer(queue).receiveBody(String.class, WAIT));
        context.acknowledge();
        assertEquals(0, count(context.createBrowser(queue)));
    }

    @Test
    void transactedContextCommitsAndRollsBack() throws Exception {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        assertTrue(context.getTransacted());
        assertEquals(JMSContext.SESSION_TRANSACTED, context.getSessionMode());
        Queue queue = freshQueue(context);
        QueueBrowser observer = context(JMSContext.AUTO_ACKNOWLEDGE).createBrowser(queue);
        JMSProducer producer = context.createProducer();

        producer.send(queue, "dropped");
        context.rollback();
        producer.send(queue, "t1");
        assertEquals(0, count(observer), "not visible before commit");
        context.commit();
        assertEquals(1, count(observer));

        JMSConsumer consumer = context.createConsumer(queue);
        Message first = consumer.receive(WAIT);
        assertEquals("t1", first.getBody(String.class));
        assertFalse(first.getJMSRedelivered());
        context.rollback();
        Message second = consumer.receive(WAIT);
        assertEquals(first.getJMSMessageID(), second.getJMSMessageID());
        assertTrue(second.getJMSRedelivered());
        context.commit();
        assertEquals(0, count(observer));
    }

    @Test
    void transactionMethodsOnANonTransactedContextAreIllegalState() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertFalse(context.getTransacted());
        assertThrows(IllegalStateRuntimeException.class, context::commit);
        assertThrows(IllegalStateRuntimeException.class, context::rollback);
        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        assertThrows(IllegalStateRuntimeException.class, transacted::recover);
    }

    // --- consumers, browsers, listeners ----------------------------------------------------------------------

    @Test
    void listenerSetOnAJMSConsumerReceivesMessages() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        assertNull(consumer.getMessageSelector());
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        jakarta.jms.MessageListener listener = m -> {
            try {
                received.add(m.getBody(String.class));
            } catch (JMSException e) {
                received.add("error " + e);
            }
        };
        consumer.setMessageListener(listener);
        assertSame(listener, consumer.getMessageListener());
        assertThrows(IllegalStateRuntimeException.class, () -> consumer.receive(10),
                "no synchronous receive while a listener is set");
        context.createProducer().send(queue, "to the listener");
        assertEquals("to the listener", received.poll(WAIT, TimeUnit.MILLISECONDS));
        consumer.close();
        assertThrows(IllegalStateRuntimeException.class, () -> consumer.receive(10));
    }

    /** Needs the store's real message selector (the committed one is a placeholder that matches everything). */
    @Test
    void consumerAndBrowserSelectorsApplyToProducerProperties() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSConsumer consumer = context.createConsumer(queue, "colour = 'red'");
        assertEquals("colour = 'red'", consumer.getMessageSelector());
        JMSProducer producer = context.createProducer();
        producer.setProperty("colour", "blue").send(queue, "blue one");
        producer.setProperty("colour", "red").send(queue, "red one");
        assertEquals("red one", consumer.receiveBody(String.class, WAIT));
        assertNull(consumer.receiveNoWait());
        assertEquals(1, count(context.createBrowser(queue, "colour = 'blue'")));
    }

    /** Needs the store's real message selector (the committed one is a placeholder that accepts everything). */
    @Test
    void invalidSelectorIsInvalidSelectorRuntimeException() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        assertThrows(InvalidSelectorRuntimeException.class, () -> context.createConsumer(queue, "a = = 1"));
        assertThrows(InvalidSelectorRuntimeException.class, () -> context.createBrowser(queue, "colour ="));
    }

    @Test
    void contextCloseOrStopFromItsOwnListenerIsRefused() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        BlockingQueue<Object> outcomes = new ArrayBlockingQueue<>(10);
        context.createConsumer(queue).setMessageListener(m -> {
            outcomes.add(attempt(context::close));
            outcomes.add(attempt(context::stop));
        });
        context.createProducer().send(queue, "x");
        assertInstanceOf(IllegalStateRuntimeException.class, outcomes.poll(WAIT, TimeUnit.MILLISECONDS));
        assertInstanceOf(IllegalStateRuntimeException.class, outcomes.poll(WAIT, TimeUnit.MILLISECONDS));
        context.createProducer().send(queue, "y");
        assertNotNull(outcomes.poll(WAIT, TimeUnit.MILLISECONDS), "the context still delivers after the refusal");
    }

    @Test
    void contextCloseOrCommitFromItsOwnCompletionListenerIsRefused() throws Exception {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        Queue queue = freshQueue(context);
        BlockingQueue<Object> outcomes = new ArrayBlockingQueue<>(10);
        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                outcomes.add(attempt(context::commit));
                outcomes.add(attempt(context::close));
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcomes.add(exception);
            }
        }).send(queue, "x");
        assertInstanceOf(IllegalStateRuntimeException.class, outcomes.poll(WAIT, TimeUnit.MILLISECONDS));
        assertInstanceOf(IllegalStateRuntimeException.class, outcomes.poll(WAIT, TimeUnit.MILLISECONDS));
        context.commit();
        assertEquals(1, count(context(JMSContext.AUTO_ACKNOWLEDGE).createBrowser(queue)));
    }

    /** Runs the action and returns what it threw, or "ok". */
    private static Object attempt(Runnable action) {
        try {
            action.run();
            return "ok";
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void temporaryQueueWorksThroughTheContext() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        TemporaryQueue temporary = context.createTemporaryQueue();
        context.createProducer().send(temporary, "tmp");
        assertEquals("tmp", context.createConsumer(temporary).receiveBody(String.class, WAIT));
    }

    // --- exceptions ------------------------------------------------------------------------------------------

    @Test
    void everythingButCloseOnAClosedContextIsIllegalState() {
        JMSContext context = factory.createContext();
        Queue queue = freshQueue(context);
        JMSProducer producer = context.createProducer();
        JMSConsumer consumer = context.createConsumer(queue);
        context.close();
        context.close(); // closing again is fine

        assertThrows(IllegalStateRuntimeException.class, context::createProducer);
        assertThrows(IllegalStateRuntimeException.class, () -> context.createConsumer(queue));
        assertThrows(IllegalStateRuntimeException.class, context::createTextMessage);
        assertThrows(IllegalStateRuntimeException.class, () -> context.createQueue("q"));
        assertThrows(IllegalStateRuntimeException.class, context::getClientID);
        assertThrows(IllegalStateRuntimeException.class, context::getMetaData);
        assertThrows(IllegalStateRuntimeException.class, context::start);
        assertThrows(IllegalStateRuntimeException.class, context::acknowledge);
        assertThrows(IllegalStateRuntimeException.class, context::getSessionMode);
        assertThrows(IllegalStateRuntimeException.class, () -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        assertThrows(IllegalStateRuntimeException.class, () -> producer.send(queue, "x"));
        assertThrows(IllegalStateRuntimeException.class, () -> consumer.receiveNoWait());
    }

    @Test
    void badArgumentsMapToTheMatchingRuntimeExceptions() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createProducer().send(null, "x"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createConsumer(null));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createQueue(""));
        assertThrows(MessageFormatRuntimeException.class, () -> context.createProducer().send(queue, (Message) null));
        assertThrows(JMSRuntimeException.class, () -> factory.createContext(99));
        assertThrows(JMSRuntimeException.class, () -> context.createContext(-5));
    }

    @Test
    void sendingAReceivedMessageWithProducerPropertiesIsNotWriteable() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "x");
        Message received = context.createConsumer(queue).receive(WAIT);
        assertThrows(MessageNotWriteableRuntimeException.class,
                () -> context.createProducer().setProperty("p", 1).send(queue, received));
    }

    @Test
    void everyCheckedExceptionMapsToItsRuntimeTwinKeepingMessageCodeAndCause() {
        Map<JMSException, Class<? extends JMSRuntimeException>> cases = new LinkedHashMap<>();
        cases.put(new IllegalStateException("m", "c"), IllegalStateRuntimeException.class);
        cases.put(new InvalidDestinationException("m", "c"), InvalidDestinationRuntimeException.class);
        cases.put(new InvalidSelectorException("m", "c"), InvalidSelectorRuntimeException.class);
        cases.put(new MessageFormatException("m", "c"), MessageFormatRuntimeException.class);
        cases.put(new MessageNotWriteableException("m", "c"), MessageNotWriteableRuntimeException.class);
        cases.put(new InvalidClientIDException("m", "c"), InvalidClientIDRuntimeException.class);
        cases.put(new JMSSecurityException("m", "c"), JMSSecurityRuntimeException.class);
        cases.put(new ResourceAllocationException("m", "c"), ResourceAllocationRuntimeException.class);
        cases.put(new TransactionRolledBackException("m", "c"), TransactionRolledBackRuntimeException.class);
        cases.put(new TransactionInProgressException("m", "c"), TransactionInProgressRuntimeException.class);
        cases.put(new JMSException("m", "c"), JMSRuntimeException.class);
        cases.forEach((checked, expected) -> {
            JMSRuntimeException mapped = RuntimeExceptions.of(checked);
            assertEquals(expected, mapped.getClass(), checked.getClass().getSimpleName());
            assertEquals("m", mapped.getMessage());
            assertEquals("c", mapped.getErrorCode());
            assertSame(checked, mapped.getCause());
        });
    }
}
