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

    @Test
    void refusesFractionalOverflowingAndMistypedValues() {
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class, () -> CampaignOrder.fromRequest(
                "c-4", json("{\"subject\":\"Hi\",\"recipients\":2.5}")));
        assertTrue(fraction.getMessage().contains("recipients must be a whole number, not 2.5"), fraction.getMessage());
        IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class, () -> CampaignOrder.fromRequest(
                "c-5", json("{\"subject\":\"Hi\",\"recipients\":4294967297,\"priority\":1e40}")));
        assertTrue(overflow.getMessage().contains("recipients is out of range"), overflow.getMessage());
        assertTrue(overflow.getMessage().contains("priority"), overflow.getMessage());
        IllegalArgumentException typed = assertThrows(IllegalArgumentException.class, () -> CampaignOrder.fromRequest(
                "c-6", json("{\"subject\":5,\"body\":[],\"recipients\":3}")));
        assertTrue(typed.getMessage().contains("subject must be a string"), typed.getMessage());
        assertTrue(typed.getMessage().contains("body must be a string"), typed.getMessage());
    }

    @Test
    void refusesMalformedAddresses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CampaignOrder.fromRequest("c-7",
                json("{\"subject\":\"Hi\",\"recipients\":[\"a@x.org\",\"not an address\",\"b@nodot\"]}")));
        assertTrue(e.getMessage().contains("2 recipient(s) are not mail addresses"), e.getMessage());
        assertTrue(Recipients.isAddress("first.last+tag@mail.example.org"));
        assertFalse(Recipients.isAddress("@x.org"));
        assertFalse(Recipients.isAddress("a@@x.org"));
        assertFalse(Recipients.isAddress("a b@x.org"));
    }
}
