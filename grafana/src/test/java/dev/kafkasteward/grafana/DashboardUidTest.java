package dev.kafkasteward.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DashboardUidTest {

    @Test
    void readableWhenTheClusterNameFits() {
        assertEquals("ks-overview-orders-prod", DashboardUid.of("overview", "orders-prod"));
    }

    @Test
    void longOrLossyNamesAreShortenedWithAHashAndStayDistinct() {
        String longName = "a-very-long-cluster-name-in-the-eu-west-1-region";
        String uid = DashboardUid.of("overview", longName);
        assertTrue(uid.matches("[a-z0-9_-]{1,40}"), uid);
        assertEquals(uid, DashboardUid.of("overview", longName));
        assertNotEquals(uid, DashboardUid.of("overview", longName + "x"));
        assertNotEquals(DashboardUid.of("overview", "orders.prod"), DashboardUid.of("overview", "orders-prod"));
        assertNotEquals(DashboardUid.of("overview", "Orders"), DashboardUid.of("overview", "orders"));
        assertTrue(DashboardUid.of("overview", "Orders Prod/EU").matches("[a-z0-9_-]{1,40}"));
    }
}
