package org.tandem.innovation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.innovation.Profile.IpStatus;
import org.tandem.innovation.Profile.Partnership;
import org.tandem.innovation.Profile.ProfileType;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.programme.Calls;
import org.tandem.programme.PriorityField;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.project.Outputs;
import org.tandem.project.Outputs.Output;
import org.tandem.project.Project;
import org.tandem.project.Projects;

/**
 * Technology offers drafted by the Centre from what the joint projects produced: a patent, a
 * prototype or a product of a project that reached TRL 4 (validated in the laboratory) or more,
 * below which there is nothing yet to transfer. The draft is pre-filled from the project and
 * owned by the project's lead, who confirms it ({@link Profiles#confirm}).
 */
@Service
public class OutputOffers {

    public static final int MIN_TRL = 4;
    public static final List<String> KINDS = List.of("PATENT", "PROTOTYPE", "PRODUCT");
    /** How long a drafted offer stays valid before the owner must renew it. */
    static final int VALIDITY_MONTHS = 12;

    private final Outputs outputs;
    private final Projects projects;
    private final Calls calls;
    private final Programmes programmes;
    private final Profiles profiles;
    private final org.tandem.platform.security.Accounts accounts;
    private final org.tandem.platform.mail.Outbox outbox;
    private final org.springframework.context.MessageSource messages;

    OutputOffers(Outputs outputs, Projects projects, Calls calls, Programmes programmes, Profiles profiles,
                 org.tandem.platform.security.Accounts accounts, org.tandem.platform.mail.Outbox outbox,
                 org.springframework.context.MessageSource messages) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.outputs = outputs;
        this.projects = projects;
        this.calls = calls;
        this.programmes = programmes;
        this.profiles = profiles;
    }

    /** An output the Centre may turn into an offer, with the offer already drafted from it, if any. */
    public record Candidate(long outputId, String kind, String outputTitle, long projectId, String projectAcronym,
                            String projectTitle, int trl, String leadName, Long offerId) {
    }

    private static void requireStaff(TandemUser user) {
        if (!user.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(TandemUser staff) {
        requireStaff(staff);
        List<Candidate> out = new ArrayList<>();
        Map<Long, Optional<Project>> byId = new java.util.HashMap<>();
        for (Output o : outputs.ofKinds(KINDS)) {
            Optional<Project> project = byId.computeIfAbsent(o.projectId(), projects::find);
            if (project.isEmpty() || trl(project.get()) < MIN_TRL || lead(project.get()).isEmpty()) {
                continue;
            }
            Project p = project.get();
            out.add(new Candidate(o.id(), o.kind(), o.title(), p.id(), p.acronym(), p.title(), trl(p),
                    lead(p).get().piName(), profiles.draftedFrom(o.id()).orElse(null)));
        }
        return out;
    }

    /** The project's maturity reached so far: the end TRL once set, else the one it started from. */
    static int trl(Project p) {
        return p.trlEnd() != null ? p.trlEnd() : p.trlStart() != null ? p.trlStart() : 0;
    }

    /** The coordinating team's principal investigator (first in party order) owns the offer. */
    static Optional<Project.Part> lead(Project p) {
        return p.parties().stream().filter(x -> x.piUserId() != null).min(Comparator.comparingInt(Project.Part::position));
    }

    @Transactional
    public Profile draft(long outputId, TandemUser staff) {
        requireStaff(staff);
        Output o = outputs.find(outputId).orElseThrow(() -> new NotFoundException("output"));
        Project p = projects.get(o.projectId());
        if (!KINDS.contains(o.kind())) {
            throw new ConflictException("INNOVATION_OUTPUT_KIND");
        }
        if (trl(p) < MIN_TRL) {
            throw new ConflictException("INNOVATION_OUTPUT_TRL");
        }
        Project.Part lead = lead(p).orElseThrow(() -> new ConflictException("INNOVATION_OUTPUT_NO_LEAD"));
        Profile offer = profiles.propose(prefill(o, p, lead), lead.piUserId(), p.id(), o.id(), lead.partyCode(), staff);
        // The lead has to act before anything happens: tell them, in their language.
        var account = accounts.get(lead.piUserId());
        if (account.email() != null && !account.email().isBlank()) {
            Locale locale = Locale.forLanguageTag(account.preferredLanguage() == null ? "en" : account.preferredLanguage());
            outbox.send(account.email(),
                    messages.getMessage("innovation.proposed.mail.subject", new Object[] {p.acronym()}, locale),
                    messages.getMessage("innovation.proposed.mail.body", new Object[] {o.title(), p.acronym(),
                            "/innovation/profiles/" + offer.id()}, locale));
        }
        return offer;
    }

    ProfileInput prefill(Output o, Project p, Project.Part lead) {
        List<Output> patents = outputs.ofKinds(List.of("PATENT")).stream().filter(x -> x.projectId() == p.id()).toList();
        List<Output> protecting = "PATENT".equals(o.kind()) ? List.of(o) : patents;
        IpStatus ip = ipStatus(protecting);
        String numbers = String.join(", ", protecting.stream()
                .filter(x -> "GRANTED".equals(x.patentStatus()) || "APPLIED".equals(x.patentStatus()))
                .map(x -> (x.patentOffice() == null ? "" : x.patentOffice() + " ") + x.patentNumber()).toList());
        List<String> partnerships = new ArrayList<>();
        partnerships.add(ip == IpStatus.NONE ? Partnership.TECHNICAL_COOPERATION.name() : Partnership.LICENCE.name());
        partnerships.add(Partnership.RESEARCH_COOPERATION.name());
        Set<String> countries = new LinkedHashSet<>();
        for (Project.Part part : p.parties()) {
            if (Set.of(Locale.getISOCountries()).contains(part.partyCode())) {
                countries.add(part.partyCode());
            }
        }
        List<String> sectors = new ArrayList<>();
        List<String> fos = new ArrayList<>();
        try {
            Programme programme = programmes.get(p.programmeId());
            Set<String> codes = calls.get(p.callId()).getFieldCodes();
            for (PriorityField f : programme.getPriorityFields()) {
                if (codes.contains(f.getCode())) {
                    sectors.add(f.getName().in(Locale.ENGLISH));
                    f.getFosCodes().stream().filter(c -> c.matches("[1-6]\\.[0-9]{1,2}") && !fos.contains(c)).forEach(fos::add);
                }
            }
        } catch (NotFoundException e) {
            // A project always has its call; should one be gone, the keywords still say what it is about.
        }
        if (sectors.isEmpty()) {
            sectors.add(p.keywords().isEmpty() ? "research and development" : p.keywords().get(0));
        }
        String summary = p.abstractText() == null || p.abstractText().isBlank() ? o.title() : p.abstractText();
        String kindWord = switch (o.kind()) {
            case "PATENT" -> "patented invention";
            case "PROTOTYPE" -> "prototype";
            default -> "product";
        };
        // The project's name and teams stay out of the public text: they would identify the owner.
        String description = "A " + kindWord + " from a joint Vietnamese–Russian research project, at technology "
                + "readiness level " + trl(p) + ". " + summary;
        LocalDate expiry = profiles.today().plusMonths(VALIDITY_MONTHS);
        return new ProfileInput(ProfileType.TECHNOLOGY_OFFER.name(), "en", truncate(o.title(), 300),
                truncate(summary, 2000), truncate(description, 20000), null, Math.min(9, trl(p)), ip.name(),
                numbers.isBlank() ? null : truncate(numbers, 500), partnerships, null, List.copyOf(countries), sectors,
                p.keywords().isEmpty() ? List.of(o.title()) : p.keywords(), fos, expiry.toString(),
                lead.hostOrganisation() == null || lead.hostOrganisation().isBlank() ? p.title() : lead.hostOrganisation(),
                lead.piEmail(), Map.of());
    }

    /** The strongest protection among the patents: granted beats applied; refused or lapsed protect nothing. */
    static IpStatus ipStatus(List<Output> patents) {
        if (patents.stream().anyMatch(x -> "GRANTED".equals(x.patentStatus()))) {
            return IpStatus.PATENT_GRANTED;
        }
        if (patents.stream().anyMatch(x -> "APPLIED".equals(x.patentStatus()))) {
            return IpStatus.PATENT_APPLIED;
        }
        return IpStatus.NONE;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
