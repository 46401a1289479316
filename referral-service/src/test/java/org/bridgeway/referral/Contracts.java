package org.bridgeway.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.json.JsonMapper;

/** The published message contracts in the repository's contracts/ folder. */
final class Contracts {

    private static final Path ROOT = Path.of("..", "contracts");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Contracts() {
    }

    /** What is wrong with a payload according to its schema; empty when it keeps the contract. */
    static List<String> violations(String schemaName, byte[] payload) {
        try (InputStream in = Files.newInputStream(ROOT.resolve("schemas").resolve(schemaName + ".json"))) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            return schema.validate(JSON.readTree(payload)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] example(String ceType) {
        try {
            return Files.readAllBytes(ROOT.resolve("examples").resolve(ceType + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
