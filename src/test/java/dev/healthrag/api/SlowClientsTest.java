package dev.healthrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send their body a byte at a time never look idle to Vert.x, so without a bound on the body's
 * arrival they hold their connections open for as long as they like; clients that hang up mid-body are not
 * errors of ours and must not each leave a stack trace in the log.
 */
@QuarkusTest
@TestProfile(SlowClientsTest.OneSecondBodies.class)
class SlowClientsTest {

    private static final byte[] BODY = "{\"question\":\"how is an ankle sprain treated?\"}"
            .getBytes(StandardCharsets.UTF_8);

    public static class OneSecondBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("healthrag.api.body-read-timeout", "1s");
        }
    }

    @Test
    void clientsThatDripTheirBodyGetA408AndTheirConnectionClosedOnceTheBoundPasses() throws Exception {
        // given: twenty clients that announce a body and send one byte of it every 200 ms
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(announceBody());
        }
        long start = System.nanoTime();

        // when: they keep dripping until the server answers or 6 s pass
        List<String> answers = new ArrayList<>();
        int sent = 0;
        while (answers.size() < clients.size() && System.nanoTime() - start < 6_000_000_000L && sent < BODY.length - 1) {
            for (Socket client : clients) {
                if (!client.isClosed()) {
                    String answer = dripOneByte(client, sent);
                    if (answer != null) {
                        answers.add(answer);
                        client.close();
                    }
                }
            }
            sent++;
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Socket client : clients) {
            client.close();
        }

        // then: each got a JSON 408 with the disclaimer well before its body could have arrived
        assertEquals(clients.size(), answers.size(), "every dripping client was answered within " + seconds + " s");
        for (String answer : answers) {
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("send the whole body at once"), answer);
            assertTrue(answer.contains("\"disclaimer\""), answer);
        }
        assertTrue(seconds < 5, "answered after " + seconds + " s with a 1 s bound");
        // and the service still answers a client that sends its body at once
        given().contentType("application/json").body(new String(BODY, StandardCharsets.UTF_8))
                .post("/api/chat").then().statusCode(200);
    }

    @Test
    void clientsThatHangUpMidBodyLeaveNoErrorInTheLog() throws Exception {
        // given: the log of the error mapper, watched
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler watcher = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ErrorMappers.class.getName());
        log.addHandler(watcher);
        try {
            // when: ten clients send half their body and close the connection
            for (int i = 0; i < 10; i++) {
                try (Socket client = announceBody()) {
                    client.getOutputStream().write(BODY, 0, BODY.length / 2);
                    client.getOutputStream().flush();
                    Thread.sleep(50);
                }
            }
            Thread.sleep(1_500);
            given().contentType("application/json").body(new String(BODY, StandardCharsets.UTF_8))
                    .post("/api/chat").then().statusCode(200);
        } finally {
            log.removeHandler(watcher);
        }

        // then: nothing was logged as a warning or an error
        assertTrue(errors.isEmpty(), errors.size() + " warnings or errors, the first: "
                + (errors.isEmpty() ? "" : errors.get(0).getMessage()));
    }

    private static Socket announceBody() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(1);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + BODY.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    /** Sends byte {@code index} of the body; returns the server's answer if one has arrived, else null. */
    private static String dripOneByte(Socket client, int index) throws IOException {
        try {
            client.getOutputStream().write(BODY[index]);
            client.getOutputStream().flush();
        } catch (IOException closedByServer) {
            return readAll(client);
        }
        try {
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0) {
                return "closed without an answer";
            }
            return (char) first + readAll(client);
        } catch (SocketTimeoutException nothingYet) {
            return null;
        }
    }

    private static String readAll(Socket client) throws IOException {
        client.setSoTimeout(2_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            client.getInputStream().transferTo(bytes);
        } catch (IOException ended) {
            // the server closed the connection: what arrived is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
