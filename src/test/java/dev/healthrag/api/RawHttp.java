package dev.healthrag.api;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests no well-behaved client library sends (a malformed %-escape, a body announced but not sent), written
 * to a socket; the response is read until the server closes the connection.
 */
final class RawHttp {

    /** Status code and body of one response. */
    record Answer(int status, String head, String body) {
    }

    private RawHttp() {
    }

    static Answer send(String requestHead) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        String text = bytes.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
    }
}
