package dev.kafkasteward.contract.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child JVM running one main class on the test JVM's classpath (minus the jmx_prometheus_javaagent jar, which
 * is attached with {@code -javaagent} instead). Output goes to {@code <name>.out} / {@code <name>.err} in its
 * work directory. Closing it always kills the child, and a shutdown hook does so if the test JVM dies first.
 */
public final class ChildJvm implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    /** Small, quick-starting JVMs: the machine is shared and every child only lives for a test. */
    private static final List<String> COMMON_OPTIONS = List.of("-Xms64m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private final String name;
    private final Path workDir;
    private final Process process;
    private final Thread killer;

    private ChildJvm(String name, Path workDir, Process process) {
        this.name = name;
        this.workDir = workDir;
        this.process = process;
        this.killer = new Thread(process::destroyForcibly, "kill-" + name + "-" + process.pid());
    }

    /** Starts {@code mainClass args} with {@code jvmOptions} (heap, agent, system properties) first. */
    public static ChildJvm start(String name, Path workDir, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        Files.createDirectories(workDir);
        Process process = new ProcessBuilder(command(jvmOptions, mainClass, args))
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .redirectError(workDir.resolve(name + ".err").toFile())
                .start();
        ChildJvm child = new ChildJvm(name, workDir, process);
        Runtime.getRuntime().addShutdownHook(child.killer);
        return child;
    }

    /** Runs {@code mainClass args} to completion within {@code timeout}; fails with its output otherwise. */
    public static void run(String name, Path workDir, String mainClass, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        try (ChildJvm child = start(name, workDir, List.of("-Xmx256m"), mainClass, args)) {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + "\n"
                        + child.diagnostics());
            }
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed\n" + child.diagnostics());
            }
        }
    }

    private static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("jmx_prometheus_javaagent"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(COMMON_OPTIONS);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        return command;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path stderrFile() {
        return workDir.resolve(name + ".err");
    }

    public Path stdoutFile() {
        return workDir.resolve(name + ".out");
    }

    /** Exit state and the last lines of stderr and stdout, for failure messages. */
    public String diagnostics() {
        return name + " exit=" + (process.isAlive() ? "running" : process.exitValue())
                + "\n--- " + name + " stderr (tail) ---\n" + tail(stderrFile(), 40)
                + "\n--- " + name + " stdout (tail) ---\n" + tail(stdoutFile(), 20);
    }

    /** Kills the child at once (SIGKILL): no shutdown hook, no controlled shutdown, sockets reset. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the child: SIGTERM with a bounded wait, then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run; nothing to remove
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
