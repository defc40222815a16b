package gov.workplan.targets.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text (or of what a writer writes, never held whole), as lower-case hex. */
final class Checksums {

    private Checksums() {
    }

    /** The digest of everything {@code write} writes, streamed: a large document is never one string. */
    static String sha256(java.util.function.Consumer<java.io.OutputStream> write) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (java.io.OutputStream out = new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(),
                    digest)) {
                write.accept(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
