package org.bridgeway.referral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;

@AnalyzeClasses(packages = "org.bridgeway.referral", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The referral model (aggregate, values, rules, events) knows nothing of Spring, Kafka or MongoDB. */
    @ArchTest
    static final ArchRule domainIsPure = noClasses()
            .that().resideInAPackage("org.bridgeway.referral.referral")
            .and().areNotAnnotatedWith(Repository.class)
            .and().areNotAnnotatedWith(Component.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "io.cloudevents..", "tools.jackson..");
}
