package org.bridgeway.directory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"bridgeway.demo-data.enabled=true", "bridgeway.directory.review-check-interval=PT1S"})
class DirectoryServiceOnEmbeddedInfrastructureTest extends DirectoryServiceContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry);
    }
}
