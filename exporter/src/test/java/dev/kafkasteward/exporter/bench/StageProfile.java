package dev.kafkasteward.exporter.bench;

import dev.kafkasteward.exporter.collect.CollectorSettings;
import dev.kafkasteward.exporter.collect.KafkaCollector;
import dev.kafkasteward.exporter.collect.MetadataReader;
import dev.kafkasteward.exporter.collect.RecordTimestampReader;
import dev.kafkasteward.exporter.core.Analysis;
import dev.kafkasteward.exporter.observation.Observation;
import dev.kafkasteward.exporter.observation.RecordPosition;
import dev.kafkasteward.exporter.testing.RecordingAdmin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * Where a cycle's time goes. Drives the exporter's own collector and analysis (as
 * {@code CollectionLoop.runOnce} does) over an Admin whose calls are timestamped: the collector
 * issues its Admin calls one after another and waits on each before the next, so the time from one
 * call to the next is that stage's round trips plus its processing.
 */
final class StageProfile {

    /** One cycle's stages in order, milliseconds each. */
    record Cycle(Map<String, Long> stagesMillis, Map<String, Long> requestsByCall, long admin, long consumer,
                 int timestampReads) {
        long totalMillis() {
            return stagesMillis.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private StageProfile() {
    }

    static List<Cycle> run(Properties clientProperties, int cycles) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put("client.id", "bench-profile");
        List<Cycle> out = new ArrayList<>();
        RecordTimestampReader reader = new RecordTimestampReader(props);
        Properties shareProps = new Properties();
        shareProps.putAll(props);
        shareProps.put("client.id", "bench-profile-share");
        try (Admin real = Admin.create(props); Admin share = Admin.create(shareProps);
             MetadataReader metadata = new MetadataReader(props)) {
            List<String> calls = new ArrayList<>();
            List<Long> at = new ArrayList<>();
            List<Long> sent = new ArrayList<>();
            Admin timed = RecordingAdmin.wrap(real, call -> {
                if (!call.method().equals("metrics")) {
                    calls.add(call.method());
                    at.add(System.nanoTime());
                    sent.add(requestTotal(real, share));
                }
            });
            // Share-group answers on a client of their own, as the exporter asks them.
            Admin timedShare = RecordingAdmin.wrap(share, call -> {
                if (!call.method().equals("metrics")) {
                    calls.add(call.method());
                    at.add(System.nanoTime());
                    sent.add(requestTotal(real, share));
                }
            });
            KafkaCollector collector = new KafkaCollector(timed, timedShare, metadata, reader, CollectorSettings.DEFAULTS,
                    Clock.systemUTC(), g -> true, t -> true);
            Analysis analysis = new Analysis();
            for (int i = 0; i < cycles; i++) {
                calls.clear();
                at.clear();
                sent.clear();
                Map<String, Long> stages = new LinkedHashMap<>();
                Map<String, Long> requests = new LinkedHashMap<>();
                long start = System.nanoTime();
                Observation adminPhase = collector.collect();
                long adminEnd = System.nanoTime();
                long sentEnd = requestTotal(real, share);
                stages.put("before first Admin call", ms(at.isEmpty() ? adminEnd : at.get(0), start));
                for (int c = 0; c < calls.size(); c++) {
                    long next = c + 1 < calls.size() ? at.get(c + 1) : adminEnd;
                    stages.merge(calls.get(c), ms(next, at.get(c)), Long::sum);
                    // Requests sent until the next call: this call's, plus the Metadata and
                    // FindCoordinator lookups the Admin client makes on its behalf.
                    long sentNext = c + 1 < calls.size() ? sent.get(c + 1) : sentEnd;
                    requests.merge(calls.get(c), sentNext - sent.get(c), Long::sum);
                }
                List<RecordPosition> plan = analysis.plan(adminPhase);
                long planned = System.nanoTime();
                stages.put("analysis.plan", ms(planned, adminEnd));
                Observation complete = collector.readTimestamps(adminPhase, plan);
                long read = System.nanoTime();
                stages.put("readTimestamps", ms(read, planned));
                analysis.analyze(complete);
                stages.put("analysis.analyze", ms(System.nanoTime(), read));
                out.add(new Cycle(stages, requests, complete.requests().getOrDefault("admin", 0L),
                        complete.requests().getOrDefault("consumer", 0L), plan.size()));
            }
        }
        return out;
    }

    private static long requestTotal(Admin admin, Admin share) {
        return requestTotal(admin) + requestTotal(share);
    }

    /** The Admin client's cumulative request count (the client-wide sensor, not the per-node ones). */
    private static long requestTotal(Admin admin) {
        return (long) admin.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("request-total")
                        && e.getKey().group().equals("admin-client-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    private static long ms(long later, long earlier) {
        return (later - earlier) / 1_000_000;
    }
}
