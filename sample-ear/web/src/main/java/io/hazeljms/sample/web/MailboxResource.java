package io.hazeljms.sample.web;

import io.hazeljms.sample.campaign.Recipients;
import io.hazeljms.sample.mail.Outbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/mailboxes/{address}/repair}: the failing mailbox of {@code address} accepts mail from now on,
 * so its dead letters can be redriven (from the console, or the page) and be delivered.
 */
@RequestScoped
@Path("mailboxes")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

    @Inject
    Outbox outbox;

    @POST
    @Path("{address}/repair")
    public Response repair(@PathParam("address") String address) {
        if (!Recipients.isAddress(address)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Views.error("the path must name a mail address (name@domain.tld)")).build();
        }
        outbox.repair(address);
        return Response.ok(Json.createObjectBuilder().add("address", address).add("accepting", true).build())
                .build();
    }
}
