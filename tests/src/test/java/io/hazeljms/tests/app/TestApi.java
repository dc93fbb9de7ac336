package io.hazeljms.tests.app;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Properties;

/** REST endpoints the client-side tests drive the application with. */
@Path("it")
@RequestScoped
public class TestApi {

    @Inject
    @JMSConnectionFactory("java:app/jms/cf")
    JMSContext context;

    @Resource(lookup = "java:app/jms/cf")
    ConnectionFactory factory;

    @Resource(lookup = "java:app/jms/orders")
    Queue orders;

    @EJB
    Recorder recorder;

    @EJB
    TxSender txSender;

    @Context
    ServletContext servletContext;

    /**
     * Which server and version this is, e.g. "Payara Micro 7.2025.1": the build runs the suite on two. Micro's
     * server info is only its product name; its version is in the branding file Payara reads it from.
     */
    @GET
    @Path("server")
    public String server() throws IOException {
        Properties branding = new Properties();
        try (Reader in = Files.newBufferedReader(Paths.get(System.getProperty("com.sun.aas.installRoot"),
                "config", "branding", "glassfish-version.properties"))) {
            branding.load(in);
        }
        return servletContext.getServerInfo() + " " + branding.getProperty("major_version") + "."
                + branding.getProperty("minor_version") + "." + branding.getProperty("update_version");
    }

    @POST
    @Path("orders")
    public String sendOrder(String text) {
        context.createProducer().send(orders, text);
        return "sent";
    }

    @POST
    @Path("queue/{name}")
    public String send(@PathParam("name") String queue, String text) {
        context.createProducer().send(context.createQueue(queue), text);
        return "sent";
    }

    @POST
    @Path("topic/{name}")
    public String publish(@PathParam("name") String topic, @QueryParam("region") String region, String text) {
        context.createProducer().setProperty("region", region).send(context.createTopic(topic), text);
        return "published";
    }

    @POST
    @Path("tx/commit")
    public String commit(String text) {
        txSender.sendAndCommit(text);
        return "committed";
    }

    @POST
    @Path("tx/rollback")
    public String rollback(String text) {
        try {
            txSender.sendThenRollBack(text);
        } catch (RuntimeException e) {
            // setRollbackOnly does not throw; nothing to do
        }
        return "rolled back";
    }

    @GET
    @Path("recorded/{key}")
    @Produces(MediaType.TEXT_PLAIN)
    public String recorded(@PathParam("key") String key) {
        return String.join("\n", recorder.get(key));
    }

    @GET
    @Path("concurrency")
    @Produces(MediaType.TEXT_PLAIN)
    public String concurrency() {
        return Integer.toString(recorder.maxConcurrency());
    }

    /** Messages on the DLQ that came from the given queue, counted with a browser. */
    @GET
    @Path("dlq/{queue}")
    @Produces(MediaType.TEXT_PLAIN)
    public String deadLettered(@PathParam("queue") String queue) throws Exception {
        try (JMSContext browsing = factory.createContext()) {
            var browser = browsing.createBrowser(browsing.createQueue("DLQ"),
                    "HJMS_OriginalDestination = 'queue:" + queue + "'");
            return Integer.toString(Collections.list(browser.getEnumeration()).size());
        }
    }
}
