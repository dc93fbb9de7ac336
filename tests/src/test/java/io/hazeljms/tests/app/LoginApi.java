package io.hazeljms.tests.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Logs in through the resource adapter with the credentials given (application sign-on), sends one message as
 * that user, and says how it went.
 */
@Path("login")
@RequestScoped
public class LoginApi {

    @Resource(lookup = "java:app/jms/cf")
    ConnectionFactory factory;

    /** "ok", or the exception's class and message. */
    @POST
    public String login(@FormParam("user") String user, @FormParam("password") String password) {
        try (Connection connection = factory.createConnection(user, password)) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue("realm-check")).send(session.createTextMessage(user));
            return "ok";
        } catch (JMSException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
