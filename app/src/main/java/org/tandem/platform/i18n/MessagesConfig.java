package org.tandem.platform.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message source of every page, mail and API error, as Spring Boot would configure it from
 * {@code spring.messages.*}, plus {@link Localizable} arguments rendered in the message's own
 * locale: a Vietnamese message then names a criterion in Vietnamese and writes money as
 * "1.800.000.000 ₫", never "1800000000.00 VND".
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename:messages}") String basename,
                                @Value("${spring.messages.encoding:UTF-8}") String encoding,
                                @Value("${spring.messages.fallback-to-system-locale:false}") boolean systemLocale) {
        LocalizingMessageSource source = new LocalizingMessageSource();
        source.setBasenames(basename.split("\\s*,\\s*"));
        source.setDefaultEncoding(encoding);
        source.setFallbackToSystemLocale(systemLocale);
        return source;
    }

    static final class LocalizingMessageSource extends ResourceBundleMessageSource {

        @Override
        protected Object[] resolveArguments(Object[] args, Locale locale) {
            Object[] resolved = super.resolveArguments(args, locale);
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = render(resolved[i], locale);
            }
            return resolved;
        }

        private Object render(Object arg, Locale locale) {
            if (arg instanceof Localizable l) {
                return l.in(locale);
            }
            if (arg instanceof Localizable.Joined j) {
                List<String> parts = new ArrayList<>();
                for (Object item : j.items()) {
                    Object r = item instanceof MessageSourceResolvable m ? getMessage(m, locale) : render(item, locale);
                    parts.add(String.valueOf(r));
                }
                return String.join(", ", parts);
            }
            return arg;
        }
    }
}
