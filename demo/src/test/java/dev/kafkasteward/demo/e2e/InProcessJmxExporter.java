package dev.kafkasteward.demo.e2e;

import dev.kafkasteward.jmxconfig.JmxConfigs;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * jmx_prometheus_javaagent 1.0.1 serving one of our jmx configs from inside this JVM, for the in-process
 * brokers, which cannot have the agent attached. It runs the agent jar's own classes and does what the agent's
 * {@code premain} does (build info, JVM and process metrics, the jmx collector on the config file, the HTTP
 * server), minus its {@code System.exit} on failure and with a registry of its own. The jar bundles
 * prometheus-metrics 1.3, which would clash with the exporter's 1.8, so it is loaded in a class loader whose
 * parent is the platform loader; the build keeps it off the test classpath.
 *
 * <p>The collector reads the platform MBean server, and every in-process Kafka node (three brokers and the
 * controller) registers its MBeans there: the data is real, but it is not per broker. Nodes share Kafka's Yammer
 * registry, so a broker metric is one node's or all nodes' together, and it is served as one {@code instance}.
 */
final class InProcessJmxExporter implements AutoCloseable {

    /** Set by the build (demo/pom.xml) to the agent jar in the local repository. */
    static final String AGENT_JAR_PROPERTY = "steward.jmx.agent.jar";
    private static final String HOST = "127.0.0.1";

    private final URLClassLoader loader;
    private final Closeable server;
    private final int port;

    private InProcessJmxExporter(URLClassLoader loader, Closeable server, int port) {
        this.loader = loader;
        this.server = server;
        this.port = port;
    }

    /** Serves {@code config} (written to {@code workDir}) on 127.0.0.1 and a free port. */
    static InProcessJmxExporter start(JmxConfigs config, Path workDir) throws IOException {
        File configFile = config.writeTo(workDir).toFile();
        URLClassLoader loader = new URLClassLoader("jmx-agent", new URL[] {agentJar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> registryType = loader.loadClass("io.prometheus.metrics.model.registry.PrometheusRegistry");
            Object registry = registryType.getConstructor().newInstance();
            Object buildInfo = loader.loadClass("io.prometheus.jmx.BuildInfoMetrics").getConstructor().newInstance();
            buildInfo.getClass().getMethod("register", registryType).invoke(buildInfo, registry);
            Object jvm = loader.loadClass("io.prometheus.metrics.instrumentation.jvm.JvmMetrics")
                    .getMethod("builder").invoke(null);
            jvm.getClass().getMethod("register", registryType).invoke(jvm, registry);
            Class<?> modeType = loader.loadClass("io.prometheus.jmx.JmxCollector$Mode");
            Object collector = loader.loadClass("io.prometheus.jmx.JmxCollector")
                    .getConstructor(File.class, modeType).newInstance(configFile, modeType.getField("AGENT").get(null));
            collector.getClass().getMethod("register", registryType).invoke(collector, registry);
            Object factory = loader.loadClass("io.prometheus.jmx.common.http.HTTPServerFactory")
                    .getConstructor().newInstance();
            Object server = factory.getClass()
                    .getMethod("createHTTPServer", InetAddress.class, int.class, registryType, File.class)
                    .invoke(factory, InetAddress.getByName(HOST), 0, registry, configFile);
            int port = (int) server.getClass().getMethod("getPort").invoke(server);
            return new InProcessJmxExporter(loader, (Closeable) server, port);
        } catch (InvocationTargetException e) {
            loader.close();
            throw new IllegalStateException("jmx exporter did not start with " + configFile, e.getCause());
        } catch (ReflectiveOperationException e) {
            loader.close();
            throw new IllegalStateException("not the jmx_prometheus_javaagent 1.0.1 jar: " + agentJar(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code host:port} to scrape. */
    String target() {
        return HOST + ":" + port;
    }

    private static Path agentJar() {
        String jar = System.getProperty(AGENT_JAR_PROPERTY);
        if (jar == null || jar.isBlank() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property " + AGENT_JAR_PROPERTY + " does not name the agent jar ("
                    + jar + "); run through `mvn -pl demo verify`");
        }
        return Path.of(jar);
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            loader.close();
        }
    }
}
