package io.hazeljms.sample.web;

import io.hazeljms.sample.campaign.CampaignService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reset(JsonObject request, @Context UriInfo uri) {
        String email = request == null ? null : request.getString("email", null);
        if (email == null || email.isBlank() || email.length() > 254) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Views.error("email is required")).build();
        }
        int delay = request.containsKey("delayMillis") ? request.getInt("delayMillis", 0) : 0;
        String id = service.passwordReset(email.trim(), Math.max(0, Math.min(delay, 10_000)));
        URI status = uri.getBaseUriBuilder().path("campaigns").path(id).build();
        return Response.accepted(Json.createObjectBuilder()
                        .add("id", id)
                        .add("status", status.toString())
                        .build())
                .location(status)
                .build();
    }
}
