package dev.healthrag.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw file bytes into text, refusing anything that is not UTF-8 text.
 * Decoding is strict because a silently replaced character (U+FFFD) would end up in
 * answers and citations; better to tell the author to re-save the file.
 */
final class SourceText {

    /** Share of control bytes above which a file is treated as binary rather than text. */
    private static final double MAX_CONTROL_SHARE = 0.10;
    private static final int SNIFF_BYTES = 8192;

    private SourceText() {
    }

    static String decode(byte[] bytes) throws InvalidArticleException {
        if (bytes.length == 0) {
            throw new InvalidArticleException("file is empty; add the article text");
        }
        rejectUtf16(bytes);
        rejectBinary(bytes);
        String text = strictUtf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidArticleException("file contains only whitespace; add the article text");
        }
        // One line-ending convention so every reader can split on '\n' alone.
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static void rejectUtf16(byte[] b) throws InvalidArticleException {
        boolean bom = b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)
                || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
        if (bom) {
            throw new InvalidArticleException("file is UTF-16 encoded (byte order mark 0x"
                    + hex(b[0]) + hex(b[1]) + " at offset 0); save the file as UTF-8");
        }
    }

    private static void rejectBinary(byte[] b) throws InvalidArticleException {
        int limit = Math.min(b.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < limit; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                throw new InvalidArticleException("file looks binary (NUL byte at offset " + i
                        + "); only UTF-8 text articles (.md, .html, .txt) can be ingested");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        if (control > limit * MAX_CONTROL_SHARE) {
            throw new InvalidArticleException("file looks binary (" + control + " control bytes in the first "
                    + limit + "); only UTF-8 text articles (.md, .html, .txt) can be ingested");
        }
    }

    private static String strictUtf8(byte[] bytes) throws InvalidArticleException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String what = offset < bytes.length ? "byte 0x" + hex(bytes[offset]) : "truncated sequence";
            throw new InvalidArticleException("not valid UTF-8 (" + what + " at offset " + offset
                    + "); save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
