package gov.workplan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for tests, signed with an RSA key generated for this test JVM (no key is kept in
 * the repository). The services under test verify them with the matching public key, which
 * {@link SuiteTestInfrastructure} hands over as configuration.
 */
public final class TestTokens {

    public static final String ISSUER = "https://workplan.local/test-issuer";
    /** The audience every token for the suite carries, and the services require (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "workplan-api";
    private static final String KEY_DIR_PROPERTY = "workplan.test.jwt.dir";

    private TestTokens() {
    }

    public static String office() {
        return token("office", null);
    }

    public static String leader() {
        return token("leader", null);
    }

    public static String service() {
        return token("service", null);
    }

    public static String statistics() {
        return token("statistics", null);
    }

    public static String reporter(String unit) {
        return token("reporter", unit);
    }

    /** A valid token for the role; a reporter's carries the unit claim. Subject: {@code role[-unit]}. */
    public static String token(String role, String unit) {
        return sign(claims(role, unit).expiresAt(Instant.now().plusSeconds(3600)), privateKey());
    }

    /** A valid token of one identity holding several roles, as a small office's director might. */
    public static String identity(String subject, String... roles) {
        return sign(Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(roles)).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600)), privateKey());
    }

    /**
     * A caller holding every role, speaking for {@code unit} as its reporter: what the bad-input sweep sends, so
     * that every endpoint's own checks are reached, whoever it is for.
     */
    public static String everyRole(String unit) {
        return sign(Jwt.issuer(ISSUER).audience(AUDIENCE).subject("sweep-every-role")
                .groups(Set.of("office", "reporter", "leader", "service", "statistics")).claim("unit", unit)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)), privateKey());
    }

    /** A valid token for the role that expires after {@code ttl}. */
    public static String expiringIn(String role, java.time.Duration ttl) {
        return sign(claims(role, null).expiresAt(Instant.now().plus(ttl)), privateKey());
    }

    /** Signed by the trusted key, valid in every other way, but issued for another application of the realm. */
    public static String forAnotherAudience(String role) {
        return sign(Jwt.issuer(ISSUER).audience("another-application").subject(role + "-elsewhere")
                .groups(Set.of(role)).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600)), privateKey());
    }

    /** Well-formed and unexpired, but signed by a key the services do not trust. */
    public static String forged(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims(role, null).expiresAt(Instant.now().plusSeconds(3600)),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by the trusted key, but expired an hour ago (beyond any clock-skew allowance). */
    public static String expired(String role) {
        Instant past = Instant.now().minusSeconds(7200);
        return sign(claims(role, null).issuedAt(past).expiresAt(past.plusSeconds(3600)), privateKey());
    }

    /** The PEM file of the public key the services must trust. */
    public static Path publicKeyFile() {
        return keyDir().resolve("public.pem");
    }

    private static JwtClaimsBuilder claims(String role, String unit) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(AUDIENCE)
                .subject(unit == null ? role + "-test" : role + "-" + unit)
                .groups(Set.of(role))
                .issuedAt(Instant.now());
        if (unit != null) {
            claims.claim("unit", unit);
        }
        return claims;
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId("test").sign(key);
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Files.readAllBytes(keyDir().resolve("private.der"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One key pair per JVM, in files, because Quarkus may load this class in more than one class loader. */
    private static Path keyDir() {
        synchronized (System.class) {
            String existing = System.getProperty(KEY_DIR_PROPERTY);
            if (existing != null) {
                return Path.of(existing);
            }
            try {
                Path dir = Files.createTempDirectory("workplan-test-jwt-");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.write(dir.resolve("private.der"), pair.getPrivate().getEncoded());
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(dir.resolve("public.pem"), pem, StandardCharsets.US_ASCII);
                dir.toFile().deleteOnExit();
                dir.resolve("private.der").toFile().deleteOnExit();
                dir.resolve("public.pem").toFile().deleteOnExit();
                System.setProperty(KEY_DIR_PROPERTY, dir.toString());
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
