package cn.elderguard.notification;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Chinese mail texts, Thymeleaf TEXT templates under {@code classpath:mail/}: the first line renders
 * the subject, the rest the body. Editing a template needs no code change.
 */
@Component
class MailTemplates {

    private final TemplateEngine engine = new TemplateEngine();

    MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    Rendered render(String template, Map<String, Object> variables) {
        String text = engine.process(template, new Context(null, variables));
        int newline = text.indexOf('\n');
        if (newline < 0) {
            throw new IllegalStateException("mail template " + template + " has no body after its subject line");
        }
        return new Rendered(text.substring(0, newline).trim(), text.substring(newline + 1).strip() + "\n");
    }

    record Rendered(String subject, String body) {
    }
}
