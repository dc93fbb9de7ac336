package io.hazeljms.sample.web;

import io.hazeljms.sample.campaign.CampaignOrder;
import io.hazeljms.sample.campaign.CampaignService;
import io.hazeljms.sample.progress.CampaignTracker;
import io.hazeljms.sample.progress.Campaigns;
import io.hazeljms.sample.progress.OutboundBacklog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * {@code POST /api/campaigns} queues a campaign and answers 202 with its id at once; {@code GET /api/campaigns}
 * lists the newest campaigns of the cluster (newest first, {@code limit} default 20, at most 50) and
 * {@code GET /api/campaigns/{id}} one, with sent / failed / pending as {@link Campaigns} counts them;
 * {@code GET /api/campaigns/{id}/recipients} lists who was announced sent to this instance and whose mails are
 * still queued.
 */
@RequestScoped
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    static final int MAX_LISTED = 50;

    @Inject
    CampaignService service;

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignTracker tracker;

    @Inject
    OutboundBacklog backlog;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(JsonStructure body, @Context UriInfo uri) {
        if (!(body instanceof JsonObject request)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Views.error("the body must be a JSON object")).build();
        }
        CampaignOrder order;
        try {
            order = CampaignOrder.fromRequest(CampaignService.newId("c"), request);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Views.error(e.getMessage())).build();
        }
        campaigns.accepted(service.submit(order)); // on record once queued: the transaction has committed
        URI status = uri.getAbsolutePathBuilder().path(order.id()).build();
        return Response.accepted(Json.createObjectBuilder()
                        .add("id", order.id())
                        .add("total", order.size())
                        .add("status", status.toString())
                        .build())
                .location(status)
                .build();
    }

    @GET
    @Path("{id}")
    public Response status(@PathParam("id") String id) {
        return campaigns.find(id)
                .map(status -> Response.ok(Views.campaign(status)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Views.error("no campaign " + id + " known here")).build());
    }

    /**
     * Where a campaign's mails are, as this instance sees it: {@code sent}, the recipients whose "sent" event it
     * received, and {@code queued}, the recipients of the campaign's mails still on {@code mail.outbound} (at most
     * {@code limit}). A mail in neither and not in the dead-letter queue was consumed without being announced.
     */
    @GET
    @Path("{id}/recipients")
    public Response recipients(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("10000") int limit) {
        return tracker.find(id)
                .map(progress -> {
                    JsonArrayBuilder sent = Json.createArrayBuilder();
                    progress.recipientsSent().forEach(sent::add);
                    JsonArrayBuilder queued = Json.createArrayBuilder();
                    backlog.recipients(id, Math.max(0, Math.min(limit, 100_000))).forEach(queued::add);
                    return Response.ok(Json.createObjectBuilder().add("id", id).add("sent", sent)
                            .add("queued", queued).build()).build();
                })
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Views.error("no campaign " + id + " known here")).build());
    }

    /** The newest campaigns, newest first. */
    @GET
    public JsonObject list(@QueryParam("limit") @DefaultValue("20") int limit) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        campaigns.newest(Math.max(0, Math.min(limit, MAX_LISTED))).forEach(status -> list.add(Views.campaign(status)));
        return Json.createObjectBuilder().add("campaigns", list).build();
    }
}
