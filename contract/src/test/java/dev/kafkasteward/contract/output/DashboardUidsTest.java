package dev.kafkasteward.contract.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardUidsTest {

    private static final String VALID = "[a-zA-Z0-9_-]{1,40}";

    @Test
    void readableWhenTheNamesFit() {
        assertEquals("ks-wall-orders-prod", DashboardUids.wall("orders-prod"));
        assertEquals("ks-brokers-orders-prod", DashboardUids.brokers("orders-prod"));
        assertEquals("ks-funnels-orders-prod", DashboardUids.funnels("orders-prod"));
        assertEquals("ks-team-fulfillment--orders-prod", DashboardUids.team("orders-prod", "fulfillment"));
        assertEquals("/d/ks-wall-orders-prod", DashboardUids.path(DashboardUids.wall("orders-prod")));
    }

    @Test
    void longOrLossyNamesGetAHashAndStayDistinct() {
        String longName = "a-very-long-cluster-name-in-the-eu-west-1-region";
        String uid = DashboardUids.wall(longName);
        assertTrue(uid.matches(VALID), uid);
        assertEquals(uid, DashboardUids.wall(longName));
        assertNotEquals(uid, DashboardUids.wall(longName + "x"));
        assertNotEquals(DashboardUids.wall("orders.prod"), DashboardUids.wall("orders-prod"));
        assertNotEquals(DashboardUids.wall("Orders"), DashboardUids.wall("orders"));
        assertTrue(DashboardUids.wall("Orders Prod/EU").matches(VALID));
    }

    @Test
    void teamAndClusterCannotBeShiftedIntoEachOther() {
        // "a-b" + "c" and "a" + "b-c" would both read ks-team-a-b-c with a single hyphen as separator.
        Set<String> uids = new HashSet<>();
        for (List<String> teamCluster : List.of(List.of("a-b", "c"), List.of("a", "b-c"), List.of("a--b", "c"),
                List.of("a", "-b-c"), List.of("a", "b--c"))) {
            String uid = DashboardUids.team(teamCluster.get(1), teamCluster.get(0));
            assertTrue(uid.matches(VALID), uid);
            assertTrue(uids.add(uid), "duplicate " + uid);
        }
    }

    @Test
    void kindsNeverShareAUid() {
        assertNotEquals(DashboardUids.wall("x"), DashboardUids.brokers("x"));
        assertNotEquals(DashboardUids.team("x", "customer-timeline"), DashboardUids.wall("x"));
        assertTrue(DashboardUids.team("orders-prod", "customer-timeline").matches(VALID));
    }
}
