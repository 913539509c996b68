package com.mcpregistry.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret that keys the audit chain (HMAC-SHA256), named by an id that is stored with every event it hashed, so
 * that a key can be replaced while the events written under the old one still verify. The secret never leaves this
 * class: not in {@link #toString()}, not in an error message.
 */
public final class AuditKey {

    /** The shortest secret accepted: as long as the HMAC-SHA256 output. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ALGORITHM = "HmacSHA256";

    private final String id;
    private final byte[] secret;

    private AuditKey(String id, byte[] secret) {
        this.id = requireId(id);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret of audit key '" + id + "' must be at least "
                    + MIN_SECRET_BYTES + " bytes, not " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The key {@code id} with {@code secret} (at least {@link #MIN_SECRET_BYTES} bytes). */
    public static AuditKey of(String id, byte[] secret) {
        return new AuditKey(id, Objects.requireNonNull(secret, "secret"));
    }

    /**
     * A key written as {@code id:secret}: an id of letters, digits, {@code .}, {@code _} or {@code -} (at most 64),
     * and a secret in base64 (standard or URL-safe, padding optional), e.g. {@code 2025-06:$(openssl rand -base64
     * 32)}. A message about a bad value never repeats the secret.
     */
    public static AuditKey parse(String written) {
        Objects.requireNonNull(written, "written");
        int colon = written.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "must be id:secret, e.g. k1:$(openssl rand -base64 " + MIN_SECRET_BYTES + ")");
        }
        String id = written.substring(0, colon).strip();
        requireId(id);
        byte[] secret;
        try {
            secret = Base64.getDecoder()
                    .decode(written.substring(colon + 1)
                            .strip()
                            .replace('-', '+')
                            .replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret of audit key '" + id + "' is not base64");
        }
        return new AuditKey(id, secret);
    }

    /** A new key {@code id} with a random secret of {@link #MIN_SECRET_BYTES} bytes. */
    public static AuditKey random(String id) {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new AuditKey(id, secret);
    }

    private static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "an audit key id is 1 to 64 letters, digits, '.', '_' or '-' (the part before ':')");
        }
        return id;
    }

    /** The id stored with every event this key hashed. */
    public String id() {
        return id;
    }

    /** The key as {@code id:secret} (base64), as AUDIT_KEY holds it: for saving a generated key, never for logs. */
    public String written() {
        return id + ":" + Base64.getEncoder().encodeToString(secret);
    }

    /** The HMAC-SHA256 of {@code text} (UTF-8) under this key, in lower-case hex. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Two keys are the same when their ids and secrets are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AuditKey key && key.id.equals(id) && Arrays.equals(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** The id only: the secret is never shown. */
    @Override
    public String toString() {
        return "AuditKey[" + id + "]";
    }
}
