package org.bridgeway.notification.email;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bridgeway.notification.delivery.Delivery;
import org.bridgeway.notification.notice.Notice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a delivery as an email from the templates in {@code mail/} (plain text and HTML): what
 * happened, the reference and a link, one item for a single notice and one per notice in a
 * digest. Notices carry no resident data, so neither can the email.
 */
@Component
class EmailTemplates {

    record Item(String title, String reference, String message, String link) {
    }

    private final TemplateEngine engine = new TemplateEngine();
    private final String linkBase;

    EmailTemplates(@Value("${bridgeway.notification.link-base-url}") String linkBase) {
        this.linkBase = linkBase;
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt"));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html"));
    }

    Email write(Delivery delivery) {
        List<Notice> notices = delivery.digest().isEmpty() ? List.of(delivery.notice()) : delivery.digest();
        List<Item> items = notices.stream()
                .map(n -> new Item(n.kind().title(), n.reference(), n.message(), linkBase + n.link())).toList();
        Notice notice = delivery.notice();
        String subject = delivery.digest().isEmpty()
                ? notice.kind().title() + ": " + notice.reference()
                : notice.kind().title() + ": " + items.size() + (items.size() == 1 ? " update" : " updates");
        Context context = new Context(Locale.UK, Map.of("subject", subject, "items", items, "settings", linkBase + "/notifications/preferences"));
        return new Email(delivery.address(), subject, engine.process("notice.txt", context), engine.process("notice.html", context),
                notice.reference());
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        return resolver;
    }
}
