package org.tandem.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session (cookies, CSRF tokens from forms) for tests of pages and forms. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String base;
    private String lastCsrf;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Page(int status, String body, String location) {
    }

    public Page get(String path) {
        return get(path, "en");
    }

    public Page get(String path, String language) {
        Page p = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET().build());
        Matcher m = CSRF.matcher(p.body());
        if (m.find()) {
            lastCsrf = m.group(1);
        }
        return p;
    }

    /** A download (spreadsheet, PDF) with this session's cookies. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of the last page read, as a browser would. */
    public Page post(String path, Map<String, String> form, String language) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (lastCsrf != null) {
            all.putIfAbsent("_csrf", lastCsrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public WebSession signIn(String username, String password) {
        get("/login");
        Page p = post("/login", Map.of("username", username, "password", password), "en");
        if (p.status() != 302 || p.location() == null || p.location().contains("/login")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + p.status() + " " + p.location());
        }
        return this;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
