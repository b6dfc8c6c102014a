package org.tandem.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.web.ApiError;

@RestController
@Tag(name = "Authentication")
class TokenApi {

    private final ApiTokens tokens;
    private final MessageSource messages;

    TokenApi(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    record Credentials(String username, String password) {
    }

    record Token(String token, long expiresInSeconds) {
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(summary = "Exchange a user name and password for a bearer token (valid 12 hours)")
    ResponseEntity<?> token(@RequestBody Credentials credentials, HttpServletRequest request, Locale locale) {
        var issued = tokens.issue(credentials.username() == null ? "" : credentials.username().trim().toLowerCase(),
                credentials.password(), request.getRemoteAddr());
        if (issued.token() != null) {
            return ResponseEntity.ok(new Token(issued.token(), ApiTokens.LIFETIME.toSeconds()));
        }
        HttpStatus status = issued.refusal() == ApiTokens.Refusal.LOCKED ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
        String key = switch (issued.refusal()) {
            case LOCKED -> "login.locked";
            case DISABLED -> "login.disabled";
            case BAD_CREDENTIALS -> "login.error";
        };
        return ResponseEntity.status(status).body(new ApiError(issued.refusal().name(),
                messages.getMessage(key, null, locale), List.of()));
    }
}
