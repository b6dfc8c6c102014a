package org.tandem.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.platform.i18n.Languages;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;

/** What the page layout needs on every page: the signed-in user and the language switcher. */
@ControllerAdvice
class GlobalModel {

    @ModelAttribute("me")
    TandemUser me() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("languages")
    java.util.List<String> languages() {
        return Languages.CODES;
    }

    /** The current URL with {@code lang} replaced, for the language switcher links. */
    @ModelAttribute("langUrl")
    java.util.function.Function<String, String> langUrl(HttpServletRequest request) {
        return lang -> {
            var uri = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", lang).build();
            return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
        };
    }
}
