package org.tandem.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/** An officer's view of their own party's expert pool; the other party's pool is not shown. */
@Controller
class ExpertPoolPages {

    private final ExpertPools pools;
    private final Programmes programmes;

    ExpertPoolPages(ExpertPools pools, Programmes programmes) {
        this.pools = pools;
        this.programmes = programmes;
    }

    @GetMapping("/officer/programmes/{id}/experts")
    String pools(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Programme programme = programmes.get(id);
        Map<Party, List<ExpertPools.Member>> mine = new LinkedHashMap<>();
        for (Party p : programme.getParties()) {
            if (me.officerParties(id).contains(p.getId())) {
                mine.put(p, pools.pool(id, p.getId()));
            }
        }
        if (mine.isEmpty()) {
            throw new NotAllowedException("not an officer of programme " + id);
        }
        model.addAttribute("programme", programme);
        model.addAttribute("pools", mine);
        return "review/experts";
    }

    @PostMapping("/officer/programmes/{id}/experts")
    String invite(@PathVariable long id, @RequestParam long party, @RequestParam String who, RedirectAttributes redirect) {
        try {
            pools.invite(id, party, who, CurrentUser.require());
            redirect.addFlashAttribute("notice", "experts.invited");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/officer/programmes/" + id + "/experts";
    }
}
