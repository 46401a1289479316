package org.bridgeway.web;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorDialectTest {

    private final SpringTemplateEngine engine = engine();

    @Test
    void aFieldWithAnErrorIsMarkedAndDescribedByItsMessage() {
        String page = render("""
                <div class="govuk-form-group" bw:field="resident.postcode">
                <input class="govuk-input govuk-input--width-10" id="resident-postcode" bw:field="resident.postcode" aria-describedby="postcode-hint">
                </div>""", new FormErrors().add("resident.postcode", "Enter a postcode"));

        assertThat(page).contains("class=\"govuk-form-group govuk-form-group--error\"")
                .contains("class=\"govuk-input govuk-input--width-10 govuk-input--error\"")
                .contains("aria-describedby=\"postcode-hint resident-postcode-error\"")
                .doesNotContain("bw:field");
    }

    @Test
    void choicesAndDatePartsAreDescribedThroughTheirFieldset() {
        String page = render("""
                <fieldset class="govuk-fieldset" bw:field="${name}"><input class="govuk-radios__input" type="radio" bw:field="${name}">
                <input class="govuk-input govuk-date-input__input" bw:field="${name}"></fieldset>""",
                new FormErrors().add("urgency", "Select how urgent it is"));

        assertThat(page).contains("<fieldset class=\"govuk-fieldset\" aria-describedby=\"urgency-error\">")
                .contains("<input class=\"govuk-radios__input\" type=\"radio\">")
                .contains("<input class=\"govuk-input govuk-date-input__input govuk-input--error\">");
    }

    @Test
    void aFieldWithoutAnErrorIsLeftAsItIs() {
        String field = "<textarea class=\"govuk-textarea\" id=\"reason\" bw:field=\"reason\"></textarea>";

        assertThat(render(field, new FormErrors().add("urgency", "Select how urgent it is")))
                .isEqualTo("<textarea class=\"govuk-textarea\" id=\"reason\"></textarea>");
        assertThat(render(field, null)).isEqualTo("<textarea class=\"govuk-textarea\" id=\"reason\"></textarea>");
    }

    private String render(String template, FormErrors errors) {
        Context context = new Context();
        context.setVariable("errors", errors);
        context.setVariable("name", "urgency");
        return engine.process(template, context);
    }

    private static SpringTemplateEngine engine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.addDialect(new FieldErrorDialect());
        return engine;
    }
}
