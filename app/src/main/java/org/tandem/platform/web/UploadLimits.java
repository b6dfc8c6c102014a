package org.tandem.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.tandem.platform.validation.Problem;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload over the servlet limit is answered with what went wrong and in which field, in the
 * reader's language, instead of a bare 413. The check runs on the declared length before
 * anything is parsed, and before Spring Security: a multipart body that is never parsed carries
 * no CSRF token, so a later check would answer 403 instead. A form goes back to the page it came
 * from with the problem shown at the field; the API gets a 413 with the field named.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    static final String FIELD = "file";

    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
            @Value("${spring.servlet.multipart.max-request-size:105MB}") DataSize limit, MessageSource messages,
            LocaleResolver locales, JsonMapper json) {
        var bean = new FilterRegistrationBean<>(new UploadLimitFilter(limit, messages, locales, json));
        // After the session filter (flash messages live in the session), before Spring Security.
        bean.setOrder(-200);
        return bean;
    }

    static final class UploadLimitFilter extends OncePerRequestFilter {
        private final DataSize limit;
        private final MessageSource messages;
        private final LocaleResolver locales;
        private final JsonMapper json;

        UploadLimitFilter(DataSize limit, MessageSource messages, LocaleResolver locales, JsonMapper json) {
            this.limit = limit;
            this.messages = messages;
            this.locales = locales;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String type = req.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                    && req.getContentLengthLong() > limit.toBytes()) {
                refuse(req, res, limit, messages, locales.resolveLocale(req), json);
                return;
            }
            chain.doFilter(req, res);
        }
    }

    static void refuse(HttpServletRequest req, HttpServletResponse res, DataSize limit, MessageSource messages,
                       Locale locale, JsonMapper json) throws IOException {
        Problem problem = Problem.of(FIELD, "upload.tooLarge", limit.toMegabytes());
        String text = messages.getMessage(problem.code(), problem.args().toArray(), locale);
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            res.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            res.setContentType("application/json;charset=UTF-8");
            res.getWriter().write(json.writeValueAsString(new ApiError("PAYLOAD_TOO_LARGE",
                    messages.getMessage("error.PAYLOAD_TOO_LARGE", null, locale),
                    List.of(new ApiError.FieldError(FIELD, problem.code(), text)))));
            return;
        }
        String back = localPath(req.getHeader("Referer"), req);
        if (back == null) {
            res.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().write(text);
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put("problems", List.of(problem));
        flash.setTargetRequestPath(URI.create(back).getPath());
        new SessionFlashMapManager().saveOutputFlashMap(flash, req, res);
        res.setStatus(HttpStatus.SEE_OTHER.value());
        res.setHeader("Location", back);
    }

    /** The page the form was on, if it is one of ours; never an open redirect. */
    private static String localPath(String referer, HttpServletRequest req) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(req.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A body without a declared length (chunked) is stopped by the multipart parser instead. */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class TooLargeAdvice {
        private final DataSize limit;
        private final MessageSource messages;
        private final LocaleResolver locales;

        TooLargeAdvice(@Value("${spring.servlet.multipart.max-request-size:105MB}") DataSize limit,
                       MessageSource messages, LocaleResolver locales) {
            this.limit = limit;
            this.messages = messages;
            this.locales = locales;
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<ApiError> tooLarge(HttpServletRequest req) {
            Locale locale = locales.resolveLocale(req);
            Problem problem = Problem.of(FIELD, "upload.tooLarge", limit.toMegabytes());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new ApiError("PAYLOAD_TOO_LARGE",
                    messages.getMessage("error.PAYLOAD_TOO_LARGE", null, locale),
                    List.of(new ApiError.FieldError(FIELD, problem.code(),
                            messages.getMessage(problem.code(), problem.args().toArray(), locale)))));
        }
    }
}
