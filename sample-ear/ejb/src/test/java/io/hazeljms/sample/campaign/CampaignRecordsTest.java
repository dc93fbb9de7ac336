package io.hazeljms.sample.campaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignRecordsTest {

    @Test
    void aRecordSavedByOneInstanceIsFoundAndListedByAnotherNewestFirst(@TempDir Path dir) {
        CampaignRecords accepting = new CampaignRecords(dir);
        CampaignRecord older = new CampaignRecord("c-1", "First\nline=two", 10, 4, 1_000);
        CampaignRecord newer = new CampaignRecord("c-2", "Second", 3, 9, 2_000);
        accepting.save(older);
        accepting.save(newer);
        accepting.save(new CampaignRecord("c-1", "First, again", 10, 4, 5_000)); // the splitter: on record already

        CampaignRecords restarted = new CampaignRecords(dir); // another JVM, or this one after a kill -9
        assertEquals(Optional.of(older), restarted.find("c-1"));
        assertEquals(List.of(newer, older), restarted.newest(10));
        assertEquals(List.of(newer), restarted.newest(1));
        assertEquals(Optional.empty(), restarted.find("../c-1"));
        assertTrue(Files.isRegularFile(dir.resolve(CampaignRecords.DIRECTORY).resolve("c-2")));
    }

    @Test
    void onlyTheNewestAreKept(@TempDir Path dir) {
        CampaignRecords records = new CampaignRecords(dir);
        for (int i = 1; i <= CampaignRecords.KEEP + 2; i++) {
            records.save(new CampaignRecord("c-" + i, "s", 1, 4, i));
            records.newest(1); // lists (as a page does), so that the next save knows the count
        }
        List<CampaignRecord> kept = new CampaignRecords(dir).newest(Integer.MAX_VALUE);
        assertEquals(CampaignRecords.KEEP, kept.size());
        assertEquals("c-" + (CampaignRecords.KEEP + 2), kept.get(0).id());
    }

    @Test
    void withoutADirectoryTheRecordsAreThisInstancesOnly() {
        CampaignRecords records = new CampaignRecords(null);
        CampaignRecord record = new CampaignRecord("c-1", "s", 1, 4, 1);
        records.save(record);
        assertEquals(List.of(record), records.newest(5));
        assertEquals(Optional.of(record), records.find("c-1"));
    }
}
