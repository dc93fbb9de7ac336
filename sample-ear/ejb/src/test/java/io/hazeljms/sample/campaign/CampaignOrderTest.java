package io.hazeljms.sample.campaign;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignOrderTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void acceptsACountAndTravelsAsJsonWithoutExpandingIt() {
        CampaignOrder order = CampaignOrder.fromRequest("c-1", json(
                "{\"subject\":\"Hi\",\"body\":\"B\",\"recipients\":1000,\"failing\":2,\"priority\":1,\"delayMillis\":5}"));
        assertEquals(1000, order.size());
        assertTrue(order.toJson().length() < 200, order.toJson());
        CampaignOrder back = CampaignOrder.fromJson(order.toJson());
        assertEquals("c-1", back.id());
        assertEquals(1, back.priority());
        assertEquals(5, back.delayMillis());
        assertEquals(2, back.recipients().failing());
        assertEquals(order.recipients().get(999), back.recipients().get(999));
    }

    @Test
    void acceptsAListOfAddresses() {
        CampaignOrder order = CampaignOrder.fromRequest("c-2", json(
                "{\"subject\":\"Hi\",\"recipients\":[\"a@x.org\",\"b@x.org\"]}"));
        assertEquals(4, order.priority(), "default priority");
        CampaignOrder back = CampaignOrder.fromJson(order.toJson());
        assertFalse(back.recipients().isGenerated());
        assertEquals("b@x.org", back.recipients().get(1));
    }

    @Test
    void namesEveryProblemAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CampaignOrder.fromRequest("c-3",
                json("{\"subject\":\" \",\"recipients\":0,\"priority\":12}")));
        assertTrue(e.getMessage().contains("recipients"), e.getMessage());
        assertTrue(e.getMessage().contains("subject"), e.getMessage());
        assertTrue(e.getMessage().contains("priority"), e.getMessage());
    }
}
