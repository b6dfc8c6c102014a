package org.tandem.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.platform.i18n.Languages;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;

/**
 * What the page layout needs on every page: the signed-in user and their roles, the language
 * switcher, the path (to mark the current section) and the address people write to.
 */
@ControllerAdvice
class GlobalModel {

    private final String contactEmail;

    GlobalModel(@org.springframework.beans.factory.annotation.Value("${tandem.contact-email:}") String contactEmail) {
        this.contactEmail = contactEmail;
    }

    @ModelAttribute("contactEmail")
    String contactEmail() {
        return contactEmail.isBlank() ? null : contactEmail;
    }

    /** The signed-in person's roles once each, in the order of {@link Role}, for the header. */
    @ModelAttribute("myRoles")
    java.util.List<Role> myRoles() {
        return CurrentUser.get().map(u -> u.grants().stream().map(org.tandem.platform.security.Grant::role)
                .filter(r -> r != Role.VISITOR).distinct().sorted().toList()).orElse(java.util.List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

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
