package org.tandem.platform.mail;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators read what Tandem sent (or would have sent, with no SMTP server). */
@Controller
class OutboxPage {

    private final Outbox outbox;

    OutboxPage(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("messages", outbox.latest(200));
        return "admin/outbox";
    }
}
