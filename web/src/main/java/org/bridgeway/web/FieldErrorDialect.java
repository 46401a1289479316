package org.bridgeway.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code bw:field="resident.name"} ties a form group or a control to its error, the GOV.UK way:
 * when the page's {@code errors} hold that field, the group and the control get their error
 * classes and the control (or its fieldset) is described by the message above it, so a screen
 * reader reads the error when the field takes focus. One attribute instead of two expressions on
 * every input, and no template can forget half of it.
 */
@Component
public class FieldErrorDialect extends AbstractProcessorDialect {

    /** The styled parts of a form that have an error variant. */
    private static final List<String> STYLED = List.of("govuk-form-group", "govuk-input", "govuk-textarea", "govuk-select", "govuk-file-upload");
    private static final Set<String> DESCRIBED = Set.of("input", "textarea", "select", "fieldset");
    private static final List<String> CHOICES = List.of("radio", "checkbox");

    public FieldErrorDialect() {
        // After the standard dialect, so th:class and th:classappend have already set the classes.
        super("Bridgeway form fields", "bw", StandardDialect.PROCESSOR_PRECEDENCE + 100);
    }

    @Override
    public Set<IProcessor> getProcessors(String prefix) {
        return Set.of(new FieldProcessor(prefix));
    }

    private static final class FieldProcessor extends AbstractStandardExpressionAttributeTagProcessor {

        FieldProcessor(String prefix) {
            super(TemplateMode.HTML, prefix, "field", 0, true, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attribute,
                                 String expression, Object field, IElementTagStructureHandler structure) {
            if (field == null || !(context.getVariable("errors") instanceof FormErrors errors) || !errors.has(field.toString())) {
                return;
            }
            String classes = tag.getAttributeValue("class");
            List<String> all = classes == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(classes.trim().split("\\s+")));
            STYLED.stream().filter(all::contains).map(style -> style + "--error").filter(e -> !all.contains(e)).toList().forEach(all::add);
            if (classes != null) {
                structure.setAttribute("class", String.join(" ", all));
            }
            // Radios, checkboxes and the parts of a date are described through their fieldset.
            String type = tag.getAttributeValue("type");
            boolean part = (type != null && CHOICES.contains(type)) || all.contains("govuk-date-input__input");
            if (DESCRIBED.contains(tag.getElementCompleteName()) && !part) {
                String message = FormErrors.inputId(field.toString()) + "-error";
                String described = tag.getAttributeValue("aria-describedby");
                structure.setAttribute("aria-describedby", described == null || described.isBlank() ? message : described + " " + message);
            }
        }
    }
}
