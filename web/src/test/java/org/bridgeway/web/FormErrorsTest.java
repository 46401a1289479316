package org.bridgeway.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

    @Test
    void anApiErrorIsShownAgainstTheFieldThatHoldsItWithTheFieldsWords() {
        ApiProblem problem = new ApiProblem(400, "The request has invalid fields.",
                List.of(new ApiProblem.FieldError("resident.dateOfBirth.year", "must be a past date"),
                        new ApiProblem.FieldError("resident.postcode", "must be a UK postcode such as ME7 1AA")));

        FormErrors errors = new FormErrors().addAll(problem, Map.of("resident.dateOfBirth", "Date of birth:", "resident.postcode", "Postcode:"));

        assertThat(errors.message("resident.dateOfBirth")).isEqualTo("Date of birth: must be a past date");
        assertThat(errors.getAll()).extracting(FormErrors.Error::href)
                .containsExactly("#resident-dateOfBirth", "#resident-postcode");
    }

    @Test
    void aRefusalWithoutFieldsIsShownWithItsDetail() {
        FormErrors errors = new FormErrors().addAll(new ApiProblem(400, "The listing is paused.", List.of()), Map.of("serviceId", "Service:"));

        assertThat(errors.message("serviceId")).isEqualTo("The listing is paused.");
    }

    @Test
    void theFirstMessageForAFieldIsTheOneShown() {
        FormErrors errors = new FormErrors().add("reason", "Enter why").add("reason", "Too long");

        assertThat(errors.getAll()).hasSize(1);
        assertThat(errors.message("reason")).isEqualTo("Enter why");
    }

    @Test
    void errorsCanLinkToTheStepThatAsksTheQuestion() {
        FormErrors errors = new FormErrors().add("resident.postcode", "Postcode: must be a UK postcode")
                .linking(field -> "/refer/s1/resident?change=true#" + FormErrors.inputId(field));

        assertThat(errors.getAll()).extracting(FormErrors.Error::href).containsExactly("/refer/s1/resident?change=true#resident-postcode");
    }
}
