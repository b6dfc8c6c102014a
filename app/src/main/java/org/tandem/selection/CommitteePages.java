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
    private final Decisions decisions;

    CommitteePages(Calls calls, Programmes programmes, Decisions decisions) {
        this.calls = calls;
        this.programmes = programmes;
        this.decisions = decisions;
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
        model.addAttribute("dropped", decisions.droppedFor(me, mine.stream().map(Call::getId).toList()));
        if (mine.isEmpty()) {
            // Nothing to do yet: say which call comes next and when, so the page is not a dead end.
            List<Call> coming = programmes.all().stream()
                    .filter(p -> me.has(Role.COMMITTEE_MEMBER, p.getId(), null) || !me.officerParties(p.getId()).isEmpty())
                    .flatMap(p -> calls.ofProgramme(p.getId()).stream())
                    .filter(c -> c.status(calls.now()) == CallStatus.OPEN || c.status(calls.now()) == CallStatus.PUBLISHED
                            || c.status(calls.now()) == CallStatus.CLOSED)
                    .sorted(java.util.Comparator.comparing(Call::getClosesAt)).toList();
            model.addAttribute("reviewing", coming.stream().filter(c -> c.status(calls.now()) == CallStatus.CLOSED).findFirst()
                    .orElse(null));
            model.addAttribute("nextCall", coming.stream().filter(c -> c.status(calls.now()) != CallStatus.CLOSED).findFirst()
                    .orElse(null));
        }
        return "selection/index";
    }
}
