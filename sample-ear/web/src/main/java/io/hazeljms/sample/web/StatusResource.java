package io.hazeljms.sample.web;

import io.hazeljms.sample.InstanceIdentity;
import io.hazeljms.sample.mail.Outbox;
import io.hazeljms.sample.progress.CampaignTracker;
import io.hazeljms.sample.progress.DeadLetters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * What the page polls besides its campaigns and the dead letters: which instance answers, how many dead letters,
 * this instance's outbox, and the last mails sent by any instance. {@code GET /api/outbox?campaign=ID} lists what this instance
 * sent for one campaign.
 */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    CampaignTracker tracker;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Outbox outbox;

    @GET
    @Path("status")
    public JsonObject status() {
        JsonArrayBuilder recent = Json.createArrayBuilder();
        tracker.recent().forEach(mail -> recent.add(Views.sentMail(mail)));
        return Json.createObjectBuilder()
                .add("instance", InstanceIdentity.name())
                .add("jvm", InstanceIdentity.jvmId())
                .add("deadLetters", deadLetters.summary(0).count())
                .add("outboxTotal", outbox.total())
                .add("recentMails", recent)
                .build();
    }

    /**
     * This instance's outbox for one campaign: {@code count}, {@code distinctRecipients}, and the entries
     * (sequence, recipient, instance) if {@code entries=true}.
     */
    @GET
    @Path("outbox")
    public JsonObject outbox(@QueryParam("campaign") String campaign,
                             @QueryParam("entries") @DefaultValue("false") boolean withEntries) {
        List<Outbox.Entry> entries = campaign == null ? List.of() : outbox.entries(campaign);
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (withEntries) {
            entries.forEach(entry -> list.add(Views.outboxEntry(entry)));
        }
        return Json.createObjectBuilder()
                .add("instance", InstanceIdentity.name())
                .add("campaign", campaign == null ? "" : campaign)
                .add("count", entries.size())
                .add("distinctRecipients", entries.stream().map(Outbox.Entry::recipient).distinct().count())
                .add("total", outbox.total())
                .add("entries", list)
                .build();
    }
}
