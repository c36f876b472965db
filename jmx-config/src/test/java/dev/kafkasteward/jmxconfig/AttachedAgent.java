package dev.kafkasteward.jmxconfig;

import dev.kafkasteward.contract.testing.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of our configs written to a work directory and the agent port it will serve on: what a child JVM
 * needs on its command line, and where to scrape it. With {@code -Dsteward.it.dumpMBeans=true} the child
 * also opens a local JMX port so {@link MBeanDump} can list every MBean (used when writing new rules).
 */
record AttachedAgent(JmxConfigs config, Path configFile, int port, int jmxPort) {

    static AttachedAgent of(JmxConfigs config, Path workDir) throws IOException {
        agentJar(); // fail early, before any process starts
        Path file = config.writeTo(workDir);
        int jmxPort = MBeanDump.enabled() ? ChildJvm.freePort() : 0;
        return new AttachedAgent(config, file, ChildJvm.freePort(), jmxPort);
    }

    /** The JVM options that attach the agent (and, when dumping, open JMX on 127.0.0.1). */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        options.add(JmxConfigs.javaAgentOption(agentJar(), ChildJvm.HOST, port, configFile));
        if (jmxPort > 0) {
            options.addAll(MBeanDump.jvmOptions(jmxPort));
        }
        return options;
    }

    URI metrics() {
        return URI.create("http://" + ChildJvm.HOST + ":" + port + "/metrics");
    }

    static Path agentJar() {
        String jar = System.getProperty("steward.jmx.agent.jar");
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("system property steward.jmx.agent.jar is not set; run through "
                    + "`mvn -pl jmx-config verify`");
        }
        return Path.of(jar);
    }
}
