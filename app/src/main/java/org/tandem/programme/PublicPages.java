package org.tandem.programme;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.tasks.Tasks;

/** What a visitor reads without signing in: programmes, the decade plan, open and upcoming calls. */
@Controller
class PublicPages {

    private final Programmes programmes;
    private final Calls calls;
    private final Tasks tasks;

    PublicPages(Programmes programmes, Calls calls, Tasks tasks) {
        this.programmes = programmes;
        this.calls = calls;
        this.tasks = tasks;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("calls", calls.openAndUpcoming());
        model.addAttribute("now", calls.now());
        model.addAttribute("programmeOf", (java.util.function.Function<Long, Programme>) programmes::get);
        // A signed-in person's home starts with what they have to do, from every module.
        CurrentUser.get().ifPresent(user -> model.addAttribute("tasks", tasks.of(user)));
        return "home";
    }

    @GetMapping("/programmes/{id}")
    String programme(@PathVariable long id, Model model) {
        Programme programme = programmes.get(id);
        model.addAttribute("programme", programme);
        var decade = programmes.decade(id);
        model.addAttribute("decade", decade);
        // Years whose calls commit more than the plan are listed above the table, for every reader.
        model.addAttribute("overPlan", decade.stream().filter(r -> r.overPlanAny(programme.getParties())).toList());
        model.addAttribute("calls", calls.ofProgramme(id).stream().filter(c -> c.status(calls.now()).isPublic()).toList());
        model.addAttribute("now", calls.now());
        return "programme";
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable long id, Model model) {
        Call call = calls.getPublic(id);
        model.addAttribute("call", call);
        model.addAttribute("programme", programmes.get(call.getProgrammeId()));
        model.addAttribute("now", calls.now());
        return "call";
    }
}
