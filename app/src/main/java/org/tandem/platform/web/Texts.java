package org.tandem.platform.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves a message code with its arguments in the reader's language; {@code @texts} in templates. */
@Component("texts")
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** A country's name in the reader's language, from its ISO 3166 code. */
    public String country(String code) {
        return code == null ? "" : new java.util.Locale("", code).getDisplayCountry(LocaleContextHolder.getLocale());
    }

    public String of(String code, List<Object> args) {
        return messages.getMessage(code, args.toArray(), code, LocaleContextHolder.getLocale());
    }
}
