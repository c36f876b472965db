package dev.kafkasteward.exporter.testing;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft cluster whose broker listener is SASL_PLAINTEXT with PLAIN (the test kit's own
 * {@code plain-admin} super user, for setup) and SCRAM-SHA-512 (for the principals under test), and
 * whose brokers authorize with the StandardAuthorizer and deny whatever no ACL allows.
 */
public final class SaslCluster implements AutoCloseable {

    private static final String ADMIN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"plain-admin\" password=\"plain-admin-secret\";";

    private final KafkaClusterTestKit kit;

    private SaslCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    public static SaslCluster start() throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT).build());
        // The kit sets PLAIN only when nothing is given; SCRAM needs its login module on the listener.
        builder.setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
        // Set for the controller too, which the kit leaves at the GSSAPI default.
        builder.setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN");
        builder.setConfigProp("sasl.mechanism.controller.protocol", "PLAIN");
        builder.setConfigProp("listener.name.external.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        // ACLs are kept by the controller, so it authorizes too; brokers reach it on its PLAINTEXT
        // listener as ANONYMOUS, which only that listener can be.
        builder.setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        builder.setConfigProp("super.users", "User:plain-admin;User:ANONYMOUS");
        builder.setConfigProp("allow.everyone.if.no.acl.found", "false");
        builder.setConfigProp("offsets.topic.replication.factor", "1");
        builder.setConfigProp("transaction.state.log.replication.factor", "1");
        builder.setConfigProp("transaction.state.log.min.isr", "1");
        return new SaslCluster(TestCluster.startKit(builder));
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** Client properties of the super user. */
    public Properties superUser() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", ADMIN_JAAS);
        return p;
    }

    public Admin admin() {
        return Admin.create(superUser());
    }

    public KafkaProducer<String, String> producer() {
        Properties p = superUser();
        p.put("acks", "all");
        p.put("linger.ms", "0");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Creates (or replaces) a SCRAM-SHA-512 user. */
    public void addScramUser(String user, String password) throws Exception {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
        }
    }


    @Override
    public void close() throws Exception {
        kit.close();
    }
}
