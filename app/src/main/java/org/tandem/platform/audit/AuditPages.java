package org.tandem.platform.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;

/** The audit trail of one object, for officers and administrators. */
@Controller
class AuditPages {

    private final AuditTrail audit;

    AuditPages(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit/{type}/{id}")
    String history(@PathVariable String type, @PathVariable String id, Model model) {
        TandemUser me = CurrentUser.require();
        // Accounts carry personal data and grants: only administrators read their history.
        boolean allowed = me.isAdministrator() || (me.has(Role.PROGRAMME_OFFICER) && !"Account".equals(type));
        if (!allowed) {
            throw new NotAllowedException("audit");
        }
        model.addAttribute("type", type);
        model.addAttribute("id", id);
        model.addAttribute("events", audit.history(type, id));
        return "audit";
    }
}
