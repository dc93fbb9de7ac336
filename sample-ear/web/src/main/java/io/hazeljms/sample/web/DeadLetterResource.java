package io.hazeljms.sample.web;

import io.hazeljms.sample.messaging.MailResources;
import io.hazeljms.sample.progress.DeadLetterRedrive;
import io.hazeljms.sample.progress.DeadLetters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The dead-letter queue {@code mail.dlq}: {@code GET /api/dead-letters?limit=N} lists the newest N (default 20)
 * of {@code count}; {@code POST /api/dead-letters/{messageId}/redrive} sends one back to {@code mail.outbound}
 * (404 if it is not there any more). The message id goes in the path without its {@code ID:} prefix (each item's
 * {@code redrive} says so): Payara 7 refuses a request whose path holds a colon.
 */
@RequestScoped
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeadLetterRedrive redrive;

    @GET
    public JsonObject list(@QueryParam("limit") @DefaultValue("20") int limit) {
        DeadLetters.Summary summary = deadLetters.summary(Math.max(0, Math.min(limit, 1000)));
        JsonArrayBuilder items = Json.createArrayBuilder();
        summary.newest().forEach(letter -> items.add(Views.deadLetter(letter)));
        return Json.createObjectBuilder()
                .add("count", summary.count())
                .add("items", items)
                .build();
    }

    @POST
    @Path("{messageId}/redrive")
    public Response redrive(@PathParam("messageId") String messageId) {
        if (DeadLetterRedrive.messageId(messageId) == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Views.error("not a message id (letters, digits, '-', '_', '.' after ID:): "
                            + messageId)).build();
        }
        return redrive.redrive(messageId)
                .map(moved -> Response.ok(Json.createObjectBuilder()
                        .add("messageId", moved.messageId())
                        .add("campaignId", String.valueOf(moved.campaignId()))
                        .add("recipient", String.valueOf(moved.recipient()))
                        .add("redrivenTo", MailResources.OUTBOUND)
                        .build()).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Views.error("no dead letter " + messageId + " in " + MailResources.DEAD_LETTERS
                                + " (redriven already?)")).build());
    }
}
