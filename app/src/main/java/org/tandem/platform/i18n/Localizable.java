package org.tandem.platform.i18n;

import java.util.List;
import java.util.Locale;

/**
 * A message argument that reads differently in each language: a name stored in three
 * languages, an amount of money, a list of field names. The application's message source
 * renders it in the locale the message is resolved for, so a service can name things in a
 * problem without knowing who will read it. Serializable, because problems travel in flash
 * attributes, and flash attributes in the session, which is stored in PostgreSQL.
 */
public interface Localizable extends java.io.Serializable {

    String in(Locale locale);

    /**
     * Items joined with commas, each rendered in the reader's language: message keys
     * ({@link org.springframework.context.MessageSourceResolvable}), {@link Localizable}s or plain values.
     */
    static Joined joined(List<?> items) {
        return new Joined(List.copyOf(items));
    }

    record Joined(List<?> items) implements java.io.Serializable {
    }
}
