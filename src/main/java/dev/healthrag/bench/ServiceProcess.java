package dev.healthrag.bench;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service, started as its own process (this jar, or another build's to compare with, serving the database this
 * JVM uses) for the bench to
 * load: the load generator then runs beside the service, as a real client would, rather than inside the JVM it
 * measures, sharing its heap, garbage collector and JIT compiler; and the ingest is measured after the service
 * has stopped. Both still share the machine's cores.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    // A bench stopped by Ctrl-C must not leave the service holding the port.
    private final Thread stopOnExit;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(process::destroy, "stop-bench-service");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts {@code java -jar <this jar>} on {@code port} and returns once its readiness check says UP. */
    public static ServiceProcess start(int port, Path log) throws IOException, InterruptedException {
        ProcessHandle.Info self = ProcessHandle.current().info();
        return start(Path.of(jarOf(self.arguments().map(List::of).orElse(List.of()))), port, log);
    }

    /**
     * Starts {@code java -jar jar} (another build's quarkus-run.jar, say) on {@code port}, serving the database this
     * JVM's environment names, and returns once its readiness check says UP.
     */
    public static ServiceProcess start(Path jar, int port, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("No service jar at " + jar);
        }
        // Whatever already answers on the port would pass the readiness check and be measured instead.
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (BindException e) {
            throw new IOException("Port " + port + " is already in use (an earlier bench's service?): stop"
                    + " that process (ss -ltnp | grep " + port + ") or set HEALTHRAG_BENCH_PORT");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(java));
        // The JVM options ./healthrag serve gives the service, so the bench measures the service users run.
        String serviceOptions = System.getenv().getOrDefault("HEALTHRAG_SERVICE_JVM_OPTS", "").trim();
        if (!serviceOptions.isEmpty()) {
            command.addAll(List.of(serviceOptions.split("\\s+")));
        }
        // A baseline build from before a migration this build has applied serves the migrated bench database
        // rather than refusing it at validation: the bench compares search paths on one database.
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host-enabled=true",
                "-Dquarkus.flyway.ignore-migration-patterns=*:future", "-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, log);
        service.awaitReady(port);
        return service;
    }

    private static String jarOf(List<String> arguments) throws IOException {
        int jarFlag = arguments.indexOf("-jar");
        if (jarFlag < 0 || jarFlag + 1 >= arguments.size()) {
            throw new IOException("bench must run as java -jar <quarkus-run.jar> (./healthrag bench) to start"
                    + " the service it loads; this JVM was started with " + arguments);
        }
        return arguments.get(jarFlag + 1);
    }

    private void awaitReady(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The service exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or still starting: try again
            }
            Thread.sleep(250);
        }
        close();
        throw new IOException("The service was not ready on port " + port + " within " + START_TIMEOUT
                + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
