package dev.healthrag.api;

import static io.restassured.RestAssured.given;

/** Reads the running service's /q/metrics, for tests that count what the service did. */
public final class MetricsPage {

    private MetricsPage() {
    }

    /** A sample's value on /q/metrics (its whole name with labels), 0 while it has not been recorded. */
    public static double metric(String sample) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1).strip())).orElse(0.0);
    }
}
