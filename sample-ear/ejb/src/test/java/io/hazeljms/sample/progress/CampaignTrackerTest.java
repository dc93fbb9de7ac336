package io.hazeljms.sample.progress;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CampaignTrackerTest {

    @Test
    void countsEachRecipientOncePerInstanceEvenIfEventsRepeatOrComeFirst() {
        CampaignTracker tracker = new CampaignTracker();
        tracker.apply(MailEvent.sent("c", "a@x", ":8081")); // before its acceptance: another instance was quicker
        tracker.apply(MailEvent.accepted("c", "S", 3, 1, ":8080"));
        tracker.apply(MailEvent.sent("c", "b@x", ":8080"));
        tracker.apply(MailEvent.sent("c", "b@x", ":8080")); // redelivered event
        CampaignProgress progress = tracker.find("c").orElseThrow();
        assertEquals(3, progress.total());
        assertEquals(2, progress.sent());
        assertEquals(Map.of(":8080", 1, ":8081", 1), progress.sentByInstance());
        assertEquals(2, tracker.recent().size());
        assertEquals("b@x", tracker.recent().get(0).recipient());
    }
}
