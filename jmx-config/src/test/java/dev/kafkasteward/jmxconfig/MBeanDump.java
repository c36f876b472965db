package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Development aid, off by default ({@code -Dsteward.it.dumpMBeans=true}): lists a child's Kafka MBeans
 * with their attributes (and string values, which rules can match) into {@code target/it/<name>-mbeans.txt},
 * so rules are written against what the process really registers.
 */
final class MBeanDump {

    private MBeanDump() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("steward.it.dumpMBeans");
    }

    static List<String> jvmOptions(int port) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=" + ChildJvm.HOST, "-Djava.rmi.server.hostname=" + ChildJvm.HOST,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
    }

    /** Writes the dump if enabled; a failing dump never fails the test (it is a development aid). */
    static void dumpIfEnabled(AttachedAgent agent, Path file) {
        if (!enabled() || agent.jmxPort() == 0) {
            return;
        }
        JMXServiceURL url;
        try {
            url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + ChildJvm.HOST + ":" + agent.jmxPort()
                    + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url, Map.of())) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                List<String> lines = new ArrayList<>();
                for (ObjectName name : new TreeSet<>(server.queryNames(null, null))) {
                    if (!name.getDomain().startsWith("kafka")) {
                        continue;
                    }
                    List<String> attributes = new ArrayList<>();
                    for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
                        String type = info.getType();
                        String value = "";
                        if ("java.lang.String".equals(type)) {
                            try {
                                value = "=" + server.getAttribute(name, info.getName());
                            } catch (Exception unreadable) {
                                value = "=?";
                            }
                        }
                        attributes.add(info.getName() + ":" + type.replace("java.lang.", "") + value);
                    }
                    lines.add(name + "  " + attributes);
                }
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        } catch (Exception e) {
            try {
                Files.writeString(file, "dump failed: " + e, StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // development aid only
            }
        }
    }
}
