package org.tandem.innovation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;

/** Forum pages: register, wish to meet, the staff compute the agenda, everyone downloads their own. */
@Controller
class ForumPages {

    private final Forums forums;
    private final org.tandem.platform.pdf.PdfDocuments pdf;
    private final org.springframework.context.MessageSource messages;
    private final org.tandem.platform.i18n.Times times;

    ForumPages(Forums forums, org.tandem.platform.pdf.PdfDocuments pdf, org.springframework.context.MessageSource messages,
               org.tandem.platform.i18n.Times times) {
        this.forums = forums;
        this.pdf = pdf;
        this.messages = messages;
        this.times = times;
    }

    @GetMapping("/innovation/forums")
    String list(Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("forums", forums.all());
        model.addAttribute("staff", me.has(Role.INNOVATION_STAFF));
        return "innovation/forums";
    }

    @PostMapping("/innovation/forums")
    String create(@RequestParam String name, @RequestParam String place, @RequestParam String firstSlot,
                  @RequestParam int slots, @RequestParam int minutes, @RequestParam int tables, RedirectAttributes redirect) {
        List<Forums.NewSlot> all = new ArrayList<>();
        try {
            Instant start = Instant.parse(firstSlot.strip().length() == 16 ? firstSlot.strip() + ":00Z" : firstSlot.strip());
            for (int i = 0; i < Math.min(Math.max(slots, 0), 48); i++) {
                all.add(new Forums.NewSlot(start.plusSeconds(60L * minutes * i), minutes, tables));
            }
            Forums.Forum f = forums.create(name, place, all, CurrentUser.require());
            return "redirect:/innovation/forums/" + f.id();
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problems", List.of(org.tandem.platform.validation.Problem.of("firstSlot",
                    "innovation.error.date", Profiles.label("firstSlot"))));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/innovation/forums";
    }

    @GetMapping("/innovation/forums/{id}")
    String forum(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("forum", forums.forum(id));
        model.addAttribute("slots", forums.slots(id));
        model.addAttribute("participants", forums.participants(id));
        Forums.Participant mine = forums.participantOf(id, me);
        model.addAttribute("mine", mine);
        model.addAttribute("agenda", forums.agenda(id, me));
        model.addAttribute("staff", me.has(Role.INNOVATION_STAFF));
        model.addAttribute("booked", me.has(Role.INNOVATION_STAFF) ? forums.meetings(id, me) : List.of());
        return "innovation/forum";
    }

    @PostMapping("/innovation/forums/{id}/register")
    String register(@PathVariable long id, @RequestParam(required = false) String organisation,
                    @RequestParam(defaultValue = "0") int maxMeetings, RedirectAttributes redirect) {
        return run(id, redirect, "innovation.forum.registered",
                () -> forums.register(id, organisation, maxMeetings, CurrentUser.require()));
    }

    @PostMapping("/innovation/forums/{id}/wish")
    String wish(@PathVariable long id, @RequestParam long target, @RequestParam(defaultValue = "0") int priority,
                RedirectAttributes redirect) {
        return run(id, redirect, "innovation.forum.wished", () -> forums.wish(id, target, priority, CurrentUser.require()));
    }

    @PostMapping("/innovation/forums/{id}/agenda")
    String compute(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Forums.Outcome o = forums.computeAgenda(id, CurrentUser.require());
            redirect.addFlashAttribute("outcome", o);
            redirect.addFlashAttribute("notice", "innovation.forum.computed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/forums/" + id;
    }

    @PostMapping("/innovation/forums/{id}/meetings/{meeting}/move")
    String move(@PathVariable long id, @PathVariable long meeting, @RequestParam long slot, RedirectAttributes redirect) {
        return run(id, redirect, "innovation.forum.moved", () -> forums.moveMeeting(id, meeting, slot, CurrentUser.require()));
    }

    @GetMapping("/innovation/forums/{id}/agenda.ics")
    ResponseEntity<String> ics(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"agenda-" + id + ".ics\"")
                .body(forums.ics(id, CurrentUser.require()));
    }

    /**
     * The participant's agenda as a PDF in the reader's language, times in the reader's zone (the
     * zone is named, since the forum may be elsewhere).
     */
    @GetMapping("/innovation/forums/{id}/agenda.pdf")
    ResponseEntity<byte[]> agendaPdf(@PathVariable long id) {
        TandemUser me = CurrentUser.require();
        Forums.Forum forum = forums.forum(id);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Forums.Participant mine = forums.participantOf(id, me);
        if (mine == null) {
            throw new org.tandem.platform.validation.NotFoundException("participant");
        }
        List<org.tandem.platform.pdf.PdfDocuments.Line> lines = new ArrayList<>();
        lines.add(new org.tandem.platform.pdf.PdfDocuments.Line(messages.getMessage("innovation.field.place", null, locale),
                forum.place()));
        lines.add(new org.tandem.platform.pdf.PdfDocuments.Line(messages.getMessage("innovation.pdf.participant", null, locale),
                mine.name() + " — " + mine.organisation()));
        List<Forums.Meeting> agenda = forums.agenda(id, me);
        for (Forums.Meeting m : agenda) {
            lines.add(new org.tandem.platform.pdf.PdfDocuments.Line(
                    messages.getMessage("innovation.pdf.slot", new Object[] {times.reader(m.slot().startsAt()),
                            m.slot().minutes()}, locale),
                    m.with().organisation() + " — " + m.with().name()));
        }
        String note = agenda.isEmpty() ? messages.getMessage("innovation.forum.noAgenda", null, locale)
                : messages.getMessage("innovation.pdf.zone", new Object[] {times.readerZoneName(), agenda.size()}, locale);
        byte[] body = pdf.simple(messages.getMessage("innovation.pdf.title", new Object[] {forum.name()}, locale), lines, note);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"agenda-" + id + ".pdf\"")
                .body(body);
    }

    private String run(long id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/forums/" + id;
    }
}
