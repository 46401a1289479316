package org.bridgeway.referral.protection;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bridgeway.referral.referral.PrivateText;
import org.bridgeway.referral.referral.Resident;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resident details and free text are stored encrypted, field by field: the store and its backups
 * hold ciphertext only. Keys come from configuration; the service refuses to start without one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProtectionConfig.EncryptionProperties.class)
class ProtectionConfig {

    /**
     * @param keys        key id to base64 of 32 random bytes (AES-256); keep old ids to read old values
     * @param activeKeyId the key new values are written with
     */
    @ConfigurationProperties("bridgeway.referrals.encryption")
    record EncryptionProperties(Map<String, String> keys, String activeKeyId) {
    }

    @Bean
    FieldCipher fieldCipher(EncryptionProperties properties, Environment environment) {
        if (properties.keys() == null || properties.keys().isEmpty() || properties.activeKeyId() == null) {
            throw new IllegalStateException("bridgeway.referrals.encryption.keys and bridgeway.referrals.encryption.active-key-id "
                    + "must be set: resident data is never stored unencrypted");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length != 32) {
                throw new IllegalStateException("bridgeway.referrals.encryption.keys." + id + " must be 32 bytes (AES-256) in base64");
            }
            DemoKeys.refuseOutsideLocal(environment, "bridgeway.referrals.encryption.keys." + id, bytes);
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        });
        return new FieldCipher(keys, properties.activeKeyId());
    }

    @Bean
    MongoCustomConversions mongoCustomConversions(FieldCipher cipher, JsonMapper json) {
        return new MongoCustomConversions(List.of(
                new ResidentWriter(cipher, json), new ResidentReader(cipher, json),
                new PrivateTextWriter(cipher), new PrivateTextReader(cipher)));
    }

    @WritingConverter
    record ResidentWriter(FieldCipher cipher, JsonMapper json) implements Converter<Resident, String> {
        @Override
        public String convert(Resident resident) {
            return cipher.encrypt(json.writeValueAsString(resident));
        }
    }

    @ReadingConverter
    record ResidentReader(FieldCipher cipher, JsonMapper json) implements Converter<String, Resident> {
        @Override
        public Resident convert(String stored) {
            return json.readValue(cipher.decrypt(stored), Resident.class);
        }
    }

    @WritingConverter
    record PrivateTextWriter(FieldCipher cipher) implements Converter<PrivateText, String> {
        @Override
        public String convert(PrivateText text) {
            return cipher.encrypt(text.text());
        }
    }

    @ReadingConverter
    record PrivateTextReader(FieldCipher cipher) implements Converter<String, PrivateText> {
        @Override
        public PrivateText convert(String stored) {
            return new PrivateText(cipher.decrypt(stored));
        }
    }
}
