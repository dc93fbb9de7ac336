package io.hazeljms.sample.web;

import io.hazeljms.sample.campaign.CampaignRecord;
import io.hazeljms.sample.campaign.CampaignService;
import io.hazeljms.sample.campaign.Recipients;
import io.hazeljms.sample.progress.Campaigns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * {@code POST /api/password-resets} with {@code {"email": "..."}}: one mail at priority 9, which overtakes the
 * mails of any running lower-priority campaign. Its progress is at {@code /api/campaigns/{id}}.
 */
@RequestScoped
@Path("password-resets")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    @Inject
    CampaignService service;

    @Inject
    Campaigns campaigns;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reset(JsonStructure body, @Context UriInfo uri) {
        if (!(body instanceof JsonObject request)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Views.error("the body must be a JSON object")).build();
        }
        String email = request.getString("email", "").trim();
        if (!Recipients.isAddress(email)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Views.error("email must be a mail address (name@domain.tld)")).build();
        }
        JsonValue delayValue = request.get("delayMillis");
        int delay = 0;
        if (delayValue != null && delayValue != JsonValue.NULL) {
            if (!(delayValue instanceof JsonNumber number) || !number.isIntegral()) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(Views.error("delayMillis must be a whole number of milliseconds")).build();
            }
            delay = (int) Math.max(0, Math.min(number.longValue(), 10_000));
        }
        CampaignRecord reset = service.passwordReset(email, delay);
        campaigns.accepted(reset); // on record once queued: the transaction has committed
        String id = reset.id();
        URI status = uri.getBaseUriBuilder().path("campaigns").path(id).build();
        return Response.accepted(Json.createObjectBuilder()
                        .add("id", id)
                        .add("status", status.toString())
                        .build())
                .location(status)
                .build();
    }
}
