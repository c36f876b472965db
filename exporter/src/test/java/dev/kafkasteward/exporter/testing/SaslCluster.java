package dev.kafkasteward.exporter.testing;

import dev.kafkasteward.contract.testing.TcpGate;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
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

    public static final String MTLS = "MTLS";
    public static final String SCRAM_MTLS = "SCRAM_MTLS";
    public static final String OAUTH = "OAUTH";

    private final KafkaClusterTestKit kit;
    private final Map<String, Integer> tlsPorts;

    private SaslCluster(KafkaClusterTestKit kit, Map<String, Integer> tlsPorts) {
        this.kit = kit;
        this.tlsPorts = tlsPorts;
    }

    public static SaslCluster start() throws Exception {
        return start(builder(Map.of()), Map.of());
    }

    /**
     * With three TLS listeners besides the kit's, the broker's certificate from {@code brokerCert}:
     * {@code MTLS} (SSL, client certificate required; the principal is the certificate's CN),
     * {@code SCRAM_MTLS} (SASL_SSL with SCRAM-SHA-512 and a client certificate required) and
     * {@code OAUTH} (SASL_SSL with OAUTHBEARER, Kafka's unsecured JWS validator; no client certificate).
     */
    public static SaslCluster startWithTls(TestCa.Issued brokerCert) throws Exception {
        return dev.kafkasteward.contract.testing.PortRace.retry(() -> startWithTlsOnce(brokerCert));
    }

    private static SaslCluster startWithTlsOnce(TestCa.Issued brokerCert) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String listener : List.of(MTLS, SCRAM_MTLS, OAUTH)) {
            ports.put(listener, TcpGate.freePort());
        }
        String tlsListeners = ports.entrySet().stream().map(e -> e.getKey() + "://localhost:" + e.getValue())
                .collect(Collectors.joining(","));
        Map<String, String> listeners = Map.of(
                "listeners", "EXTERNAL://localhost:0," + tlsListeners,
                "advertised.listeners", "EXTERNAL://localhost:0," + tlsListeners,
                "listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT,"
                        + MTLS + ":SSL," + SCRAM_MTLS + ":SASL_SSL," + OAUTH + ":SASL_SSL");
        KafkaClusterTestKit.Builder builder = builder(Map.of(0, listeners));
        builder.setConfigProp("ssl.keystore.type", "PEM");
        builder.setConfigProp("ssl.keystore.certificate.chain", Files.readString(brokerCert.cert()));
        builder.setConfigProp("ssl.keystore.key", Files.readString(brokerCert.key()));
        builder.setConfigProp("ssl.truststore.type", "PEM");
        builder.setConfigProp("ssl.truststore.certificates", Files.readString(brokerCert.ca()));
        // "CN=steward-mtls" is the principal User:steward-mtls, as the ACLs name it.
        builder.setConfigProp("ssl.principal.mapping.rules", "RULE:^CN=([^,]+)$/$1/,DEFAULT");
        builder.setConfigProp("listener.name.mtls.ssl.client.auth", "required");
        // On SASL_SSL listeners only the listener-prefixed setting asks for a certificate (KIP-684).
        builder.setConfigProp("listener.name.scram_mtls.ssl.client.auth", "required");
        builder.setConfigProp("listener.name.scram_mtls.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        builder.setConfigProp("listener.name.scram_mtls.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        builder.setConfigProp("listener.name.oauth.sasl.enabled.mechanisms", "OAUTHBEARER");
        builder.setConfigProp("listener.name.oauth.oauthbearer.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                        + " unsecuredLoginStringClaim_sub=\"broker\";");
        return start(builder, ports);
    }

    private static KafkaClusterTestKit.Builder builder(Map<Integer, Map<String, String>> perBroker) {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setNumBrokerNodes(1).setNumControllerNodes(1).setPerServerProperties(perBroker)
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
        return builder;
    }

    private static SaslCluster start(KafkaClusterTestKit.Builder builder, Map<String, Integer> tlsPorts)
            throws Exception {
        return new SaslCluster(TestCluster.startKit(builder), tlsPorts);
    }

    /** The bootstrap address of one of {@link #startWithTls}'s listeners, as its certificate names it. */
    public String bootstrapServers(String listener) {
        Integer port = tlsPorts.get(listener);
        if (port == null) {
            throw new IllegalArgumentException("no listener " + listener + "; started with " + tlsPorts.keySet());
        }
        return "localhost:" + port;
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

    /** Exactly the least-privilege ACLs of docs/running-in-production.md, Describe on groups by {@code groups}. */
    public static List<AclBinding> documentedExporterAcls(String principal, ResourcePattern groups) {
        return List.of(
                allow(principal, literal(ResourceType.CLUSTER, "kafka-cluster"), AclOperation.DESCRIBE),
                allow(principal, literal(ResourceType.CLUSTER, "kafka-cluster"), AclOperation.DESCRIBE_CONFIGS),
                allow(principal, literal(ResourceType.TOPIC, "*"), AclOperation.DESCRIBE),
                allow(principal, literal(ResourceType.TOPIC, "*"), AclOperation.DESCRIBE_CONFIGS),
                allow(principal, literal(ResourceType.TOPIC, "*"), AclOperation.READ),
                allow(principal, groups, AclOperation.DESCRIBE));
    }

    /** The documented ACLs with Describe on every group. */
    public static List<AclBinding> documentedExporterAcls(String principal) {
        return documentedExporterAcls(principal, literal(ResourceType.GROUP, "*"));
    }

    public static ResourcePattern literal(ResourceType type, String name) {
        return new ResourcePattern(type, name, PatternType.LITERAL);
    }

    private static AclBinding allow(String principal, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
