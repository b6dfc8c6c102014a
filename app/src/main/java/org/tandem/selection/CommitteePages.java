package org.tandem.selection;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;

/** The committee's entry: the calls under evaluation or decided in the programmes the reader sits on. */
@Controller
class CommitteePages {

    private final Calls calls;
    private final Programmes programmes;

    CommitteePages(Calls calls, Programmes programmes) {
        this.calls = calls;
        this.programmes = programmes;
    }

    @GetMapping("/committee")
    String index(Model model) {
        TandemUser me = CurrentUser.require();
        List<Call> mine = programmes.all().stream()
                .filter(p -> me.has(Role.COMMITTEE_MEMBER, p.getId(), null) || !me.officerParties(p.getId()).isEmpty())
                .flatMap(p -> calls.ofProgramme(p.getId()).stream())
                .filter(c -> c.status(calls.now()) == CallStatus.UNDER_EVALUATION || c.status(calls.now()) == CallStatus.DECIDED)
                .toList();
        model.addAttribute("calls", mine);
        return "selection/index";
    }
}
