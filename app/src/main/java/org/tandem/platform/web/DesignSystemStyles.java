package org.tandem.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GOV.UK Frontend's compiled stylesheet from its webjar, without its @font-face rules. Those name
 * GDS Transport, a font licensed for GOV.UK only, with files under /assets that Tandem does not
 * serve: a browser asked for them whenever a glyph was missing from Roboto and logged a 404.
 * Everything else is the webjar's file as published.
 */
@Controller
class DesignSystemStyles {

    static final String WEBJAR_CSS = "/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css";

    private final String css;

    DesignSystemStyles() {
        try (InputStream in = Objects.requireNonNull(DesignSystemStyles.class.getResourceAsStream(WEBJAR_CSS), WEBJAR_CSS)) {
            css = withoutFontFaces(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withoutFontFaces(String css) {
        return css.replaceAll("@font-face\\s*\\{[^}]*}", "");
    }

    @GetMapping("/css/govuk-frontend.css")
    ResponseEntity<String> stylesheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(css);
    }
}
