package org.tandem.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: {@code ?lang=} switches and is remembered in a cookie; without one, the browser's
 * preferred languages decide (the first of vi, ru, en it lists), English otherwise.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tandem-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(LocaleConfig::fromBrowser);
        return resolver;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        Enumeration<Locale> wanted = request.getLocales();
        while (wanted.hasMoreElements()) {
            Locale l = wanted.nextElement();
            if (Languages.isSupported(l.getLanguage())) {
                return Locale.forLanguageTag(l.getLanguage());
            }
        }
        return Languages.DEFAULT;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                     Object handler) throws jakarta.servlet.ServletException {
                // Ignore unsupported codes rather than switching to a language we have no texts for.
                String lang = request.getParameter(getParamName());
                return lang == null || Languages.isSupported(lang) ? super.preHandle(request, response, handler) : true;
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
