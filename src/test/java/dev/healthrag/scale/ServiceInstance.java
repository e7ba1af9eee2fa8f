package dev.healthrag.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service (target/quarkus-app) as a process of its own, as a deployment runs it: a server on a port
 * the OS picks (read back from its log), or a batch command such as {@code ingest}. Every instance gets the same
 * database and otherwise the packaged configuration.
 */
final class ServiceInstance implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private final Process process;
    private final Path log;

    private ServiceInstance(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The jar {@code mvn verify} packaged before its integration tests run. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("healthrag.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: this test runs in mvn verify, after the package phase");
        }
        return jar;
    }

    /** Starts the HTTP service on a free loopback port against {@code jdbcUrl}, with any further -D options. */
    static ServiceInstance serve(String jdbcUrl, Path log, String... systemProperties) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1"));
        options.addAll(List.of(systemProperties));
        return start(jdbcUrl, log, options, List.of());
    }

    /** Starts a batch command of the jar (no HTTP listener), as the ingest Job runs it. */
    static ServiceInstance command(String jdbcUrl, Path log, String... args) throws IOException {
        return start(jdbcUrl, log, List.of("-Dquarkus.http.host-enabled=false"), List.of(args));
    }

    private static ServiceInstance start(String jdbcUrl, Path log, List<String> options, List<String> args)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                // C1 only, as ./healthrag serve runs it: the instances start sooner on a busy machine.
                "-XX:TieredStopAtLevel=1", "-Dquarkus.datasource.jdbc.url=" + jdbcUrl));
        command.addAll(options);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceInstance(process, log);
    }

    /** The port it listens on, once its readiness check says UP (the index has articles). */
    int awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newHttpClient();
        int port = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue() + ": " + tail());
            }
            if (port < 0) {
                Matcher m = LISTENING.matcher(Files.readString(log));
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
            }
            if (port > 0) {
                try {
                    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build();
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return port;
                    }
                } catch (IOException e) {
                    // still starting
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not ready within " + timeout + ": " + tail());
    }

    /** Waits for a batch command; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout + ": " + tail());
        }
        return process.exitValue();
    }

    String tail() throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 3000));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
