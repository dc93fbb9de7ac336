package io.hazeljms.console.api;

import io.hazeljms.console.jmx.BrokerBeans;
import io.hazeljms.console.jmx.DestinationFigures;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;
import java.util.List;

/**
 * The brokers of this JVM under {@code /api/clusters}: reads are GETs, every action a POST or DELETE. Actions
 * consume {@code application/json} (the page sends {@code {}} where it has nothing to say), so that a form on
 * another site cannot trigger them: a cross-origin JSON request needs a CORS preflight, which this API does not
 * answer.
 *
 * <pre>
 * GET    clusters                                  {"clusters": [name…]}
 * GET    clusters/{c}                              members and destinations, what the page polls
 * GET    clusters/{c}/members | destinations
 * GET    clusters/{c}/queues|topics/{name}         one destination's figures
 * GET    clusters/{c}/queues/{name}/messages       ?selector=…&amp;max=50 (1…1000), taking nothing
 * GET    clusters/{c}/topics/{name}/subscriptions
 * POST   clusters/{c}/queues/{name}/purge          {}
 * POST   clusters/{c}/queues/{name}/redrive        {"messageId": …} | {"selector": …} | {"all": true}
 * POST   clusters/{c}/queues/{name}/move           {"target": queue, "selector": … (optional)}
 * DELETE clusters/{c}/queues|topics/{name}
 * </pre>
 */
@Path("clusters")
@Produces(MediaType.APPLICATION_JSON)
public class BrokerResource {

    /** The provider's bound on one browse ({@code BrokerManagement.MAX_BROWSE}). */
    static final int MAX_BROWSE = 1_000;
    private static final String DESTINATION = "{cluster}/{kinds: queues|topics}/{name}";
    private static final String QUEUE = "{cluster}/queues/{name}";

    private final BrokerBeans beans = BrokerBeans.platform();

    @GET
    public JsonObject clusters() {
        return Json.createObjectBuilder().add("clusters", Views.array(beans.clusters())).build();
    }

    @GET
    @Path("{cluster}")
    public JsonObject overview(@PathParam("cluster") String cluster) {
        known(cluster);
        return Json.createObjectBuilder().add("cluster", cluster)
                .add("members", Views.array(beans.members(cluster)))
                .add("destinations", figures(beans.destinations(cluster))).build();
    }

    @GET
    @Path("{cluster}/members")
    public JsonObject members(@PathParam("cluster") String cluster) {
        known(cluster);
        return Json.createObjectBuilder().add("members", Views.array(beans.members(cluster))).build();
    }

    @GET
    @Path("{cluster}/destinations")
    public JsonObject destinations(@PathParam("cluster") String cluster) {
        known(cluster);
        return Json.createObjectBuilder().add("destinations", figures(beans.destinations(cluster))).build();
    }

    @GET
    @Path(DESTINATION)
    public JsonObject destination(@PathParam("cluster") String cluster, @PathParam("kinds") String kinds,
                                  @PathParam("name") String name) {
        return figures(existing(cluster, kind(kinds), name));
    }

    @GET
    @Path(QUEUE + "/messages")
    public JsonObject messages(@PathParam("cluster") String cluster, @PathParam("name") String queue,
                               @QueryParam("selector") @DefaultValue("") String selector,
                               @QueryParam("max") @DefaultValue("50") String max) {
        int limit = max(max);
        existing(cluster, "queue", queue);
        return Json.createObjectBuilder().add("queue", queue).add("selector", selector).add("max", limit)
                .add("messages", Views.array(beans.browse(cluster, queue, selector, limit))).build();
    }

    @GET
    @Path("{cluster}/topics/{name}/subscriptions")
    public JsonObject subscriptions(@PathParam("cluster") String cluster, @PathParam("name") String topic) {
        existing(cluster, "topic", topic);
        return Json.createObjectBuilder().add("topic", topic)
                .add("subscriptions", Views.array(beans.subscriptions(cluster, topic))).build();
    }

    @POST
    @Path(QUEUE + "/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject purge(@PathParam("cluster") String cluster, @PathParam("name") String queue) {
        existing(cluster, "queue", queue);
        return result(queue, "purged", beans.purge(cluster, queue));
    }

    @POST
    @Path(QUEUE + "/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject redrive(@PathParam("cluster") String cluster, @PathParam("name") String queue, String body) {
        JsonObject request = object(body);
        String messageId = text(request, "messageId");
        String selector = text(request, "selector");
        boolean all = request.getBoolean("all", false);
        if ((messageId != null ? 1 : 0) + (selector != null ? 1 : 0) + (all ? 1 : 0) != 1) {
            throw ApiError.badRequest("say what to redrive: exactly one of messageId, selector (non-empty) or "
                    + "\"all\": true");
        }
        existing(cluster, "queue", queue);
        if (messageId == null) {
            return result(queue, "redriven", beans.redriveSelected(cluster, queue, all ? "" : selector));
        }
        if (beans.redrive(cluster, queue, messageId) == 0) {
            throw ApiError.notFound("no pending message " + messageId + " on " + queue
                    + " (redriven, consumed or purged meanwhile?)");
        }
        return result(queue, "redriven", 1);
    }

    @POST
    @Path(QUEUE + "/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject move(@PathParam("cluster") String cluster, @PathParam("name") String queue, String body) {
        JsonObject request = object(body);
        String target = text(request, "target");
        if (target == null) {
            throw ApiError.badRequest("name the queue to move to: {\"target\": \"...\"}");
        }
        if (target.equals(queue)) {
            throw ApiError.badRequest("the target is the queue itself: " + queue);
        }
        existing(cluster, "queue", queue);
        String selector = text(request, "selector");
        return result(queue, "moved", beans.move(cluster, queue, target, selector == null ? "" : selector));
    }

    @DELETE
    @Path(DESTINATION)
    public JsonObject delete(@PathParam("cluster") String cluster, @PathParam("kinds") String kinds,
                             @PathParam("name") String name) {
        String kind = kind(kinds);
        existing(cluster, kind, name);
        return Json.createObjectBuilder().add(kind, name).add("deleted", beans.delete(cluster, kind, name)).build();
    }

    private void known(String cluster) {
        if (!beans.clusters().contains(cluster)) {
            throw ApiError.notFound("no HazelJMS cluster " + cluster + " in this server (it has "
                    + beans.clusters() + ")");
        }
    }

    private DestinationFigures existing(String cluster, String kind, String name) {
        known(cluster);
        return beans.destination(cluster, kind, name)
                .orElseThrow(() -> ApiError.notFound("cluster " + cluster + " has no " + kind + " " + name));
    }

    /** A destination's figures, and whether it is full (as its limits count). */
    private static JsonObject figures(DestinationFigures figures) {
        return Json.createObjectBuilder(Views.of(figures)).add("full", figures.full()).build();
    }

    private static JsonArrayBuilder figures(List<DestinationFigures> list) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        list.forEach(f -> array.add(figures(f)));
        return array;
    }

    private static JsonObject result(String queue, String what, int count) {
        return Json.createObjectBuilder().add("queue", queue).add(what, count).build();
    }

    private static String kind(String kinds) {
        return kinds.equals("queues") ? "queue" : "topic";
    }

    private static int max(String max) {
        try {
            int n = Integer.parseInt(max.trim());
            if (n >= 1 && n <= MAX_BROWSE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("max must be a whole number from 1 to " + MAX_BROWSE + ", not " + max);
    }

    /** The request body as a JSON object; empty counts as {@code {}}. */
    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiError.badRequest("the body is not a JSON object: " + e.getMessage());
        }
    }

    /** A non-blank string member, or null when absent or blank; 400 when it is not a string. */
    static String text(JsonObject request, String name) {
        JsonValue v = request.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ApiError.badRequest(name + " must be a string, not " + v);
        }
        return s.getString().isBlank() ? null : s.getString();
    }
}
