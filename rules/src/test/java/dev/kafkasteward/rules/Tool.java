package dev.kafkasteward.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external binary and captures its exit code and combined output. */
record Tool(Path binary) {

    record Result(List<String> command, int exitCode, String output) {

        /** For assertion messages: what ran and what it said. */
        String describe() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n" + output;
        }
    }

    /**
     * Runs one invocation per argument list, as many at once as the machine has cores (each tool run is
     * single-threaded), and returns the results in the order of {@code argLists}.
     */
    List<Result> runAll(List<List<String>> argLists) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(argLists.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<java.util.concurrent.Future<Result>> running = argLists.stream()
                    .map(args -> pool.submit(() -> run(args.toArray(String[]::new)))).toList();
            List<Result> results = new ArrayList<>();
            for (java.util.concurrent.Future<Result> f : running) {
                results.add(f.get());
            }
            return results;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + binary, e);
        } finally {
            pool.shutdownNow();
        }
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(command, process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
