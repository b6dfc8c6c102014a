package org.tandem.platform.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Administrators check the whole audit chain and read its anchors, to copy them somewhere
 * Tandem's database administrators cannot reach (an anchor noted elsewhere proves the trail up
 * to it was not rewritten later, even by someone who recomputed every hash).
 */
@Controller
class AuditAdminPage {

    private final AuditTrail audit;

    AuditAdminPage(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String chain(Model model) {
        model.addAttribute("verification", audit.verify());
        model.addAttribute("head", audit.head());
        model.addAttribute("anchors", audit.anchors(50));
        model.addAttribute("anchorEvery", AuditChain.ANCHOR_EVERY);
        return "admin/audit";
    }
}
