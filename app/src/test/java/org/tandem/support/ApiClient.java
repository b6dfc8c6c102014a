package org.tandem.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A system calling the JSON API with a bearer token, as an agency's or university's software would. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String token;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode json, Map<String, java.util.List<String>> headers) {
        public String etag() {
            return headers.getOrDefault("etag", java.util.List.of("")).get(0);
        }
    }

    public ApiClient signIn(String username) {
        Response r = post("/api/v1/auth/token", Map.of("username", username, "password", "demo"), Map.of());
        if (r.status() != 200) {
            throw new IllegalStateException("token for " + username + ": " + r.status() + " " + r.json());
        }
        token = r.json().get("token").asString();
        return this;
    }

    public Response get(String path) {
        return send(builder(path, Map.of()).GET());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send(builder(path, headers).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response put(String path, Object body, Map<String, String> headers) {
        return send(builder(path, headers).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A multipart/form-data upload of one file in the field {@code file}. */
    public Response upload(String path, String fileName, byte[] bytes) {
        String boundary = "tandem" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder b = builder(path, Map.of()).setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        return send(b);
    }

    private HttpRequest.Builder builder(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept-Language", "en");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::setHeader);
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), json, r.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
