package dev.kafkasteward.exporter.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.exporter.observation.ShareGroupObservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareAnswersTest {

    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    private final ShareAnswers answers = new ShareAnswers(3);

    @Test
    void aGroupsLastAnswerIsServedThroughThreeFailedAnswersInARowAndDroppedAtTheFourth() {
        ShareGroupObservation workers = group("workers", T0);
        answers.answered(workers);
        for (int i = 1; i <= 3; i++) {
            answers.failed("workers");
            assertEquals(Map.of("workers", workers), answers.served(List.of("workers"), true), "failure " + i);
        }
        answers.failed("workers");
        assertTrue(answers.served(List.of("workers"), true).isEmpty());
    }

    @Test
    void anAnswerResetsTheFailuresAndReplacesTheLastOne() {
        answers.answered(group("workers", T0));
        answers.failed("workers");
        answers.failed("workers");
        ShareGroupObservation newer = group("workers", T0.plusSeconds(15));
        answers.answered(newer);
        for (int i = 0; i < 3; i++) {
            answers.failed("workers");
        }
        assertEquals(Map.of("workers", newer), answers.served(List.of("workers"), true));
    }

    @Test
    void aGroupGoneOrNoLongerListedByACompleteListingIsForgottenButAPartialListingForgetsNothing() {
        answers.answered(group("workers", T0));
        answers.answered(group("auditors", T0));
        answers.answered(group("billing", T0));
        answers.gone("billing");
        assertEquals(Set.of("auditors", "workers"), answers.served(List.of("workers"), false).keySet(),
                "a partial listing says nothing of the groups it missed");
        assertEquals(Set.of("workers"), answers.served(List.of("workers"), true).keySet());
    }

    private static ShareGroupObservation group(String id, Instant askedAt) {
        return new ShareGroupObservation(id, "empty", List.of(), Map.of(), askedAt);
    }
}
