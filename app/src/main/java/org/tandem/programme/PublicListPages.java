package org.tandem.programme;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The visitor's way in besides the home page: every published call, filtered as a researcher
 * looks for one (open now, coming, closed; by programme and field), the programmes, and each
 * programme's annual plans. The same data as the public API, as pages.
 */
@Controller
class PublicListPages {

    /** How a visitor groups calls; each group is a set of statuses read against the clock. */
    enum CallGroup {
        OPEN(Set.of(CallStatus.OPEN)),
        FORTHCOMING(Set.of(CallStatus.PUBLISHED)),
        CLOSED(Set.of(CallStatus.CLOSED, CallStatus.UNDER_EVALUATION, CallStatus.DECIDED));

        private final Set<CallStatus> statuses;

        CallGroup(Set<CallStatus> statuses) {
            this.statuses = statuses;
        }

        boolean contains(CallStatus status) {
            return statuses.contains(status);
        }

        public String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String messageKey() {
            return "calls.group." + param();
        }

        static CallGroup parse(String value) {
            for (CallGroup g : values()) {
                if (g.param().equalsIgnoreCase(value)) {
                    return g;
                }
            }
            return null;
        }
    }

    private final Programmes programmes;
    private final Calls calls;

    PublicListPages(Programmes programmes, Calls calls) {
        this.programmes = programmes;
        this.calls = calls;
    }

    @GetMapping("/calls")
    String calls(@RequestParam(required = false) String status, @RequestParam(required = false) Long programme,
                 @RequestParam(required = false) String field, Model model) {
        CallGroup group = CallGroup.parse(status);
        Instant now = calls.now();
        String fieldCode = field == null || field.isBlank() ? null : field;
        List<Call> shown = calls.publicCalls().stream()
                .filter(c -> group == null || group.contains(c.status(now)))
                .filter(c -> programme == null || programme.equals(c.getProgrammeId()))
                .filter(c -> fieldCode == null || c.getFieldCodes().contains(fieldCode))
                .toList();
        List<Programme> all = programmes.all();
        // Field codes are shared by programmes that fund the same field; one entry per code.
        Map<String, PriorityField> fields = new LinkedHashMap<>();
        all.forEach(p -> p.getPriorityFields().forEach(f -> fields.putIfAbsent(f.getCode(), f)));
        model.addAttribute("calls", shown);
        model.addAttribute("groups", CallGroup.values());
        model.addAttribute("group", group);
        model.addAttribute("programmes", all);
        model.addAttribute("programmeId", programme);
        model.addAttribute("fields", List.copyOf(fields.values()));
        model.addAttribute("fieldCode", fieldCode);
        model.addAttribute("now", now);
        model.addAttribute("programmeOf", (java.util.function.Function<Long, Programme>) programmes::get);
        return "calls";
    }

    @GetMapping("/programmes")
    String programmes(Model model) {
        model.addAttribute("programmes", programmes.all());
        return "programmes";
    }

    @GetMapping("/programmes/{id}/plans")
    String plans(@PathVariable long id, Model model) {
        Programme programme = programmes.get(id);
        model.addAttribute("programme", programme);
        model.addAttribute("plans", programmes.plans(id));
        return "plans";
    }
}
