package org.tandem.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;

/** Domain exceptions on HTML pages become a page in the reader's language with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, 404, "error.NOT_FOUND");
    }

    @ExceptionHandler(NotAllowedException.class)
    String notAllowed(HttpServletResponse response, Model model) {
        return page(response, model, 403, "error.FORBIDDEN");
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        return page(response, model, 409, "error." + e.code());
    }

    private static String page(HttpServletResponse response, Model model, int status, String key) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", key);
        return "error";
    }
}
