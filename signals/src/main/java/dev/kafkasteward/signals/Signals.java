package dev.kafkasteward.signals;

import dev.kafkasteward.contract.ownership.Ownership;
import dev.kafkasteward.signals.apps.ClientAlerts;
import dev.kafkasteward.signals.apps.ConnectAlerts;
import dev.kafkasteward.signals.apps.DeadLetterAlerts;
import dev.kafkasteward.signals.apps.FunnelAlerts;
import dev.kafkasteward.signals.change.ChangeAlerts;
import dev.kafkasteward.signals.change.ChangeGate;
import dev.kafkasteward.signals.consumer.ConsumerEntries;
import dev.kafkasteward.signals.consumer.ConsumerStatusAlerts;
import dev.kafkasteward.signals.consumer.FreshnessSloAlerts;
import dev.kafkasteward.signals.consumer.LagAgeAlerts;
import dev.kafkasteward.signals.consumer.RebalanceStormAlerts;
import dev.kafkasteward.signals.platform.BrokerRequestAlerts;
import dev.kafkasteward.signals.platform.ClusterHealthAlerts;
import dev.kafkasteward.signals.platform.ControllerAlerts;
import dev.kafkasteward.signals.platform.DiskAlerts;
import dev.kafkasteward.signals.platform.JvmAlerts;
import dev.kafkasteward.signals.platform.ReplicationAlerts;
import dev.kafkasteward.signals.platform.TopicDeliveryAlerts;
import dev.kafkasteward.signals.platform.TopicDurabilityAlerts;
import dev.kafkasteward.signals.share.ShareGroupAlerts;
import dev.kafkasteward.signals.steward.StewardSelfAlerts;
import java.util.List;

/**
 * Every signal family Kafka Steward has, in the order their outputs are written. The one list both
 * generators read: the rules module renders it as rules, tests, routing and runbooks, the grafana
 * module as panels and each team's list of alerts.
 */
public final class Signals {

    private final List<SignalFamily> families;
    private final ChangeGate gate;

    public Signals(SignalOptions options) {
        double scale = options.timeScale();
        ConsumerEntries consumerEntries = new ConsumerEntries();
        this.families = List.of(
                new LagAgeAlerts(scale, consumerEntries),
                new ConsumerStatusAlerts(scale, consumerEntries),
                new RebalanceStormAlerts(scale, consumerEntries),
                new ShareGroupAlerts(scale),
                new FreshnessSloAlerts(consumerEntries),
                ReplicationAlerts.family(scale),
                ControllerAlerts.family(scale),
                ClusterHealthAlerts.family(scale),
                ChangeAlerts.family(scale),
                new TopicDeliveryAlerts(scale),
                new TopicDurabilityAlerts(scale),
                BrokerRequestAlerts.family(scale),
                DiskAlerts.family(scale),
                new JvmAlerts(scale),
                new DeadLetterAlerts(scale),
                new FunnelAlerts(scale),
                new ConnectAlerts(scale),
                new ClientAlerts(scale),
                StewardSelfAlerts.family(scale, options.exporterJob()));
        this.gate = new ChangeGate(scale);
    }

    public List<SignalFamily> families() {
        return families;
    }

    /**
     * Every family's alerts and recording rules for {@code ownership}, each computed once, and the change gate's
     * rules (from every alert, the ones turned off included).
     */
    public SignalPlan plan(Ownership ownership) {
        List<SignalPlan.Planned> planned = new java.util.ArrayList<>();
        List<AlertInstance> all = new java.util.ArrayList<>();
        for (SignalFamily f : families) {
            List<AlertInstance> instances = f.instances(ownership);
            all.addAll(instances);
            planned.add(new SignalPlan.Planned(f, f.recordings(ownership),
                    instances.stream().filter(AlertInstance::enabled).toList()));
        }
        return new SignalPlan(planned, gate.rules(ownership, all));
    }
}
