package org.tandem.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public read API for agencies' own systems: programmes, plans and published calls. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Programmes and calls")
class ProgrammeApi {

    private final Programmes programmes;
    private final Calls calls;

    ProgrammeApi(Programmes programmes, Calls calls) {
        this.programmes = programmes;
        this.calls = calls;
    }

    record PartyJson(long id, String code, String country, Map<String, String> agency, String currency, String timeZone) {
    }

    record FieldJson(String code, Map<String, String> name, List<String> fos) {
    }

    record ProgrammeJson(long id, String code, String name, Map<String, String> names, int firstYear, int lastYear,
                         List<PartyJson> parties, List<FieldJson> priorityFields) {
    }

    record BudgetJson(String party, BigDecimal amount, String currency) {
    }

    record PlanJson(int year, int targetProjects, String plannedOpen, String plannedClose, List<String> fields,
                    List<BudgetJson> budgets) {
    }

    record CallBudgetJson(String party, BigDecimal total, BigDecimal projectCap, String currency) {
    }

    record CallJson(long id, long programmeId, int year, String title, Map<String, String> titles, String status,
                    Instant opensAt, Instant closesAt, Map<String, String> deadlineLocal, List<String> fields,
                    int minDurationMonths, int maxDurationMonths, List<CallBudgetJson> budgets) {
    }

    @GetMapping("/programmes")
    @Operation(summary = "All programmes with their parties and priority fields")
    List<ProgrammeJson> programmes() {
        return programmes.all().stream().map(ProgrammeApi::json).toList();
    }

    @GetMapping("/programmes/{id}")
    ProgrammeJson programme(@PathVariable long id) {
        return json(programmes.get(id));
    }

    @GetMapping("/programmes/{id}/plans")
    @Operation(summary = "The annual plans of a programme, each party's budget in its currency")
    List<PlanJson> plans(@PathVariable long id) {
        Programme p = programmes.get(id);
        return programmes.plans(id).stream().map(pl -> new PlanJson(pl.getYear(), pl.getTargetProjects(),
                String.valueOf(pl.getPlannedOpen()), String.valueOf(pl.getPlannedClose()), List.copyOf(pl.getFieldCodes()),
                pl.getBudgets().stream().map(b -> new BudgetJson(code(p, b.partyId()), b.amount(), b.currency())).toList()))
                .toList();
    }

    @GetMapping("/calls")
    @Operation(summary = "Published calls (upcoming, open, closed, under evaluation, decided); drafts are never listed")
    List<CallJson> calls() {
        return calls.publicCalls().stream().map(this::json).toList();
    }

    @GetMapping("/calls/{id}")
    CallJson call(@PathVariable long id) {
        return json(calls.getPublic(id));
    }

    private CallJson json(Call c) {
        Programme p = programmes.get(c.getProgrammeId());
        Map<String, String> local = new java.util.LinkedHashMap<>();
        for (Party party : p.getParties()) {
            local.put(party.getCode(), c.getClosesAt().atZone(party.zone()).toOffsetDateTime().toString());
        }
        return new CallJson(c.getId(), c.getProgrammeId(), c.getYear(), c.getTitle().getEn(), c.getTitle().asMap(),
                c.status(calls.now()).name(), c.getOpensAt(), c.getClosesAt(), local, List.copyOf(c.getFieldCodes()),
                c.getMinDurationMonths(), c.getMaxDurationMonths(),
                c.getBudgets().stream().map(b -> new CallBudgetJson(code(p, b.partyId()), b.total(), b.projectCap(),
                        b.currency())).toList());
    }

    private static ProgrammeJson json(Programme p) {
        return new ProgrammeJson(p.getId(), p.getCode(), p.getName().getEn(), p.getName().asMap(), p.getFirstYear(),
                p.getLastYear(),
                p.getParties().stream().map(x -> new PartyJson(x.getId(), x.getCode(), x.getCountryCode(),
                        x.getAgency().asMap(), x.getCurrency(), x.getTimeZone())).toList(),
                p.getPriorityFields().stream().map(f -> new FieldJson(f.getCode(), f.getName().asMap(),
                        List.copyOf(f.getFosCodes()))).toList());
    }

    private static String code(Programme p, long partyId) {
        return p.party(partyId).map(Party::getCode).orElse(String.valueOf(partyId));
    }
}
