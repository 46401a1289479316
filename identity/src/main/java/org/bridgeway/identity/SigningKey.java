package org.bridgeway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key that signs tokens, read from a file and created there on first start. A key made
 * afresh at every start would make every issued token invalid after a restart.
 */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key at " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the signing key at " + file + " is not a usable RSA JWK", e);
        }
    }
}
