package org.tandem.platform.web;

import java.util.List;

/** Every API error: a stable code for programs and a message in the caller's language for people. */
public record ApiError(String code, String message, List<FieldError> problems) {

    public record FieldError(String field, String code, String message) {
    }
}
