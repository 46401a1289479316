package org.bridgeway.directory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the service reads JSON, request bodies, imports and events alike: a key given twice is
 * refused (which value would count?), and so is nesting deeper than any document of ours, before
 * it costs stack or memory. Boot 4.0 has no property for either, and its JsonMapper.Builder is
 * created with its JsonFactory, so the builder is declared here; spring.jackson.* still applies.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    /** Far below Jackson's default of 500: an Open Referral page, the deepest document we read, nests under a dozen. */
    public static final int MAX_NESTING_DEPTH = 64;

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = strictMapperBuilder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /** The reading rules alone, without Boot's customizers. */
    public static JsonMapper.Builder strictMapperBuilder() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        return JsonMapper.builder(factory).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
