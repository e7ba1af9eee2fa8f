package dev.healthrag.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written manifests in deploy/k8s, parsed as YAML: what a cluster needs from them to run the service
 * (probes on the service's health endpoints and port, resources, configuration from the ConfigMap and secrets
 * from the Secret) and the ingest as a Job of the same image. A cluster would reject or misrun what fails here.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, JsonNode> byKind = new HashMap<>();

    @BeforeAll
    static void parseEveryResourceTheKustomizationLists() throws IOException {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        for (JsonNode file : kustomization.get("resources")) {
            JsonNode resource = YAML.readTree(DIR.resolve(file.asText()).toFile());
            assertTrue(resource.hasNonNull("apiVersion") && resource.hasNonNull("kind"), file.asText());
            assertTrue(resource.at("/metadata/name").isTextual(), file.asText() + " has no metadata.name");
            assertFalse(byKind.containsKey(resource.get("kind").asText()), "two of kind " + resource.get("kind"));
            byKind.put(resource.get("kind").asText(), resource);
        }
        assertEquals(Set.of("ConfigMap", "Secret", "Deployment", "Service", "Job"), byKind.keySet());
    }

    @Test
    void deploymentProbesTheHealthEndpointsOnTheServicePort() throws IOException {
        JsonNode container = container(byKind.get("Deployment"));
        assertEquals(httpPort(), namedPort(container, "http"));
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals("http", container.at("/" + probe + "/httpGet/port").asText(), probe);
        }
    }

    @Test
    void serviceAndJobRequestAndLimitCpuAndMemory() {
        for (String kind : List.of("Deployment", "Job")) {
            JsonNode resources = container(byKind.get(kind)).get("resources");
            for (String what : List.of("cpu", "memory")) {
                BigDecimal request = quantity(resources.at("/requests/" + what).asText());
                BigDecimal limit = quantity(resources.at("/limits/" + what).asText());
                assertTrue(request.signum() > 0 && request.compareTo(limit) <= 0, kind + " " + what + ": " + resources);
            }
        }
    }

    @Test
    void configComesFromTheConfigMapAndSecretsFromTheSecret() {
        String configMap = byKind.get("ConfigMap").at("/metadata/name").asText();
        String secret = byKind.get("Secret").at("/metadata/name").asText();
        Set<String> secretKeys = keys(byKind.get("Secret").get("stringData"));
        assertEquals(Set.of("QUARKUS_DATASOURCE_PASSWORD", "HEALTHRAG_LLM_API_KEY"), secretKeys);
        for (String key : keys(byKind.get("ConfigMap").get("data"))) {
            assertFalse(key.contains("PASSWORD") || key.contains("API_KEY"), key + " belongs in the Secret");
        }
        for (String kind : List.of("Deployment", "Job")) {
            JsonNode envFrom = container(byKind.get(kind)).get("envFrom");
            assertEquals(configMap, envFrom.findValue("configMapRef").get("name").asText(), kind);
            assertEquals(secret, envFrom.findValue("secretRef").get("name").asText(), kind);
        }
    }

    @Test
    void serviceRoutesToTheDeploymentsPods() {
        JsonNode selector = byKind.get("Service").at("/spec/selector");
        JsonNode podLabels = byKind.get("Deployment").at("/spec/template/metadata/labels");
        selector.fields().forEachRemaining(label ->
                assertEquals(label.getValue(), podLabels.get(label.getKey()), "selector " + label.getKey()));
        assertEquals(byKind.get("Deployment").at("/spec/selector/matchLabels"), selector);
        assertEquals("http", byKind.get("Service").at("/spec/ports/0/targetPort").asText());
    }

    @Test
    void ingestIsAJobOfTheSameImageRunningTheIngestCommandOnTheMountedArticles() {
        JsonNode job = byKind.get("Job");
        JsonNode container = container(job);
        assertEquals(container(byKind.get("Deployment")).get("image"), container.get("image"));
        assertEquals("ingest", container.at("/args/0").asText());
        String folder = container.at("/args/1").asText();
        List<String> mounts = new ArrayList<>();
        container.get("volumeMounts").forEach(mount -> mounts.add(mount.get("mountPath").asText()));
        assertTrue(mounts.contains(folder), "the folder " + folder + " is not mounted: " + mounts);
        assertEquals("Never", job.at("/spec/template/spec/restartPolicy").asText());
        // A batch command serves nothing: no HTTP listener, as the launcher runs it.
        Map<String, String> env = new HashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e.get("value").asText()));
        assertEquals("false", env.get("QUARKUS_HTTP_HOST_ENABLED"));
    }

    private static JsonNode container(JsonNode workload) {
        JsonNode containers = workload.at("/spec/template/spec/containers");
        assertEquals(1, containers.size(), workload.at("/metadata/name").asText());
        return containers.get(0);
    }

    private static int namedPort(JsonNode container, String name) {
        for (JsonNode port : container.get("ports")) {
            if (name.equals(port.get("name").asText())) {
                return port.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    private static int httpPort() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    private static Set<String> keys(JsonNode map) {
        Set<String> keys = new HashSet<>();
        map.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A Kubernetes quantity ("500m", "2", "768Mi", "2Gi") in base units. */
    static BigDecimal quantity(String text) {
        Map<String, BigDecimal> suffixes = Map.of("m", new BigDecimal("0.001"), "Ki", BigDecimal.valueOf(1L << 10),
                "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30));
        for (Map.Entry<String, BigDecimal> suffix : suffixes.entrySet()) {
            if (text.endsWith(suffix.getKey())) {
                return new BigDecimal(text.substring(0, text.length() - suffix.getKey().length())).multiply(suffix.getValue());
            }
        }
        return new BigDecimal(text);
    }
}
