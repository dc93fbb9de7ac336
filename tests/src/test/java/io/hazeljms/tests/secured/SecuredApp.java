package io.hazeljms.tests.secured;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSConnectionFactoryDefinitions;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * An application on a resource adapter with an authenticator: one connection factory defined with the user and
 * password it logs in as, one without. {@code GET api/secured} tries each way in, inside the server, and answers
 * one line per attempt: what it got, or the exception's class and message.
 */
@JMSConnectionFactoryDefinitions({
        @JMSConnectionFactoryDefinition(name = "java:app/jms/senderCf", resourceAdapter = "hazeljms-ra",
                interfaceName = "jakarta.jms.ConnectionFactory", user = "it-sender", password = "it-pass"),
        @JMSConnectionFactoryDefinition(name = "java:app/jms/anonymousCf", resourceAdapter = "hazeljms-ra",
                interfaceName = "jakarta.jms.ConnectionFactory")})
@Path("secured")
@RequestScoped
public class SecuredApp {

    @ApplicationPath("api")
    public static class Rest extends Application {
    }

    @Resource(lookup = "java:app/jms/senderCf")
    ConnectionFactory sender;

    @Resource(lookup = "java:app/jms/anonymousCf")
    ConnectionFactory anonymous;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String attempts() {
        return "sender: " + attempt(() -> sendAndReceive(sender.createConnection())) + "\n"
                + "invalid: " + attempt(() -> sendAndReceive(sender.createConnection("invalid", "invalid"))) + "\n"
                + "invalid-context: " + attempt(() -> {
                    try (JMSContext context = sender.createContext("invalid", "invalid")) {
                        return "got a context";
                    }
                }) + "\n"
                + "sender-context: " + attempt(() -> {
                    try (JMSContext context = sender.createContext("it-sender", "it-pass")) {
                        context.createProducer().send(context.createQueue("secured.box"), "by context");
                        return "sent";
                    }
                }) + "\n"
                + "anonymous: " + attempt(() -> sendAndReceive(anonymous.createConnection())) + "\n";
    }

    private static String sendAndReceive(Connection connection) throws Exception {
        try (connection) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("secured.box");
            session.createProducer(queue).send(session.createTextMessage("hello"));
            connection.start();
            TextMessage received = (TextMessage) session.createConsumer(queue).receive(10_000);
            return "received " + (received == null ? null : received.getText());
        }
    }

    private interface Attempt {
        String run() throws Exception;
    }

    private static String attempt(Attempt attempt) {
        try {
            return attempt.run();
        } catch (Exception | Error e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
