package org.tandem.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problem;
import org.tandem.platform.validation.StaleVersionException;

/** Turns domain exceptions into JSON errors for the API; messages follow Accept-Language. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e, Locale locale) {
        List<ApiError.FieldError> fields = e.problems().stream()
                .map(p -> new ApiError.FieldError(p.field(), p.code(), text(p, locale))).toList();
        return ResponseEntity.unprocessableContent().body(new ApiError("INVALID_INPUT",
                messages.getMessage("error.INVALID_INPUT", null, locale), fields));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, Locale locale) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", locale);
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<ApiError> notAllowed(NotAllowedException e, Locale locale) {
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN", locale);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e, Locale locale) {
        // A stale If-Match is a failed precondition, not a state conflict.
        return error(e instanceof StaleVersionException ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
                e.code(), locale);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(Exception e, Locale locale) {
        return error(HttpStatus.BAD_REQUEST, "BAD_JSON", locale);
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String code, Locale locale) {
        return ResponseEntity.status(status).body(new ApiError(code,
                messages.getMessage("error." + code, null, code, locale), List.of()));
    }

    private String text(Problem p, Locale locale) {
        return messages.getMessage(p.code(), p.args().toArray(), p.code(), locale);
    }
}
