package org.tandem.programme;

import org.tandem.demo.DemoProgramme;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** The officer's call form over HTTP: errors in the reader's language, nothing stored on bad input. */
@TandemIntegrationTest
class CallPagesTests {

    @LocalServerPort int port;
    @Autowired Programmes programmes;
    @Autowired Calls calls;

    Map<String, String> validForm(Programme p) {
        LocalDateTime opens = LocalDateTime.now().plusDays(20).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> f = new HashMap<>();
        f.put("year", "2027");
        f.put("titleEn", "Form call");
        f.put("titleVi", "Đợt gọi qua biểu mẫu");
        f.put("titleRu", "Конкурс через форму");
        f.put("textEn", "Text");
        f.put("textVi", "Nội dung");
        f.put("textRu", "Текст");
        f.put("zone", "Asia/Ho_Chi_Minh");
        f.put("opensAt", opens.toString());
        f.put("closesAt", opens.plusDays(45).toString());
        f.put("minDurationMonths", "24");
        f.put("maxDurationMonths", "36");
        f.put("fieldCodes", "AI");
        int i = 0;
        for (Party party : p.getParties()) {
            f.put("budgets[" + i + "].partyId", party.getId().toString());
            f.put("budgets[" + i + "].partyCode", party.getCode());
            f.put("budgets[" + i + "].total", party.getCode().equals("VN") ? "10 000 000 000" : "50000000.00");
            f.put("budgets[" + i + "].projectCap", party.getCode().equals("VN") ? "2000000000" : "10000000");
            f.put("budgets[" + i + "].currency", party.getCurrency());
            i++;
        }
        return f;
    }

    @Test
    void anOfficerDraftsACallThroughTheForm() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        officer.get("/officer/calls/new?programme=" + p.getId());
        var r = officer.post("/officer/calls/new?programme=" + p.getId(), validForm(p), "vi");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).contains("/officer/calls/").contains("?created");
        long id = Long.parseLong(r.location().replaceAll(".*/officer/calls/(\\d+).*", "$1"));
        Call call = calls.get(id);
        // 17:00 in Hanoi entered in the Hanoi zone is stored as the matching instant.
        assertThat(call.getOpensAt()).isEqualTo(LocalDateTime.parse(validForm(p).get("opensAt"))
                .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
        assertThat(call.getBudgets()).hasSize(2);
    }

    @Test
    void badInputGetsMessagesInTheUsersLanguageAndStoresNothing() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        int before = calls.ofProgramme(p.getId()).size();
        Map<String, String> f = validForm(p);
        f.put("closesAt", LocalDateTime.parse(f.get("opensAt")).minusDays(1).toString()); // closes before it opens
        f.put("budgets[1].currency", "USD");                                              // wrong currency
        f.put("budgets[0].total", "-100");                                                // negative amount
        f.put("titleRu", "");                                                             // missing translation
        f.put("budgets[1].projectCap", "много");                                           // not a number

        WebSession officer = new WebSession(port).signIn("officer.ru", "demo");
        officer.get("/officer/calls/new?programme=" + p.getId());
        String ru = officer.post("/officer/calls/new?programme=" + p.getId() + "&lang=ru", f, "ru").body();
        assertThat(ru).contains("Окончание приёма должно быть позже начала.")
                .contains("Бюджет стороны Россия указывается в RUB, а не в USD.")
                .contains("Сумма не может быть отрицательной.")
                .contains("Программа требует текст на языке: русский.")
                .contains("Введите число");

        String vi = officer.post("/officer/calls/new?programme=" + p.getId() + "&lang=vi", f, "vi").body();
        assertThat(vi).contains("Thời điểm đóng phải sau thời điểm mở.")
                .contains("Ngân sách của Nga tính bằng RUB, không phải USD.")
                .contains("Số tiền không được âm.");

        String en = officer.post("/officer/calls/new?programme=" + p.getId() + "&lang=en", f, "en").body();
        assertThat(en).contains("The closing time must be after the opening time.")
                .contains("The Russian version is required by this programme.");
        // The form keeps what the officer typed, so nothing they entered is lost.
        assertThat(en).contains("value=\"много\"");
        assertThat(calls.ofProgramme(p.getId())).hasSize(before);
    }

    @Test
    void publicPagesShowTheDeadlineInEveryPartysZone() {
        WebSession visitor = new WebSession(port);
        Call open = calls.openAndUpcoming().stream()
                .filter(c -> c.status(calls.now()) == CallStatus.OPEN).findFirst().orElseThrow();
        String page = visitor.get("/calls/" + open.getId() + "?lang=ru", "ru").body();
        assertThat(page).contains("Asia/Ho_Chi_Minh").contains("Europe/Moscow").contains("Осталось");
        // A new visitor with a Vietnamese browser gets Vietnamese without choosing.
        assertThat(new WebSession(port).get("/calls/" + open.getId(), "vi,en;q=0.8").body()).contains("Hạn nộp");
    }

    @Test
    void draftsAreInvisibleToVisitorsAndOfficerPagesNeedSignIn() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        officer.get("/officer/calls/new?programme=" + p.getId());
        String location = officer.post("/officer/calls/new?programme=" + p.getId(), validForm(p), "en").location();
        String id = location.replaceAll(".*/officer/calls/(\\d+).*", "$1");

        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/calls/" + id).status()).isEqualTo(404);
        assertThat(visitor.get("/officer/calls/" + id).status()).isEqualTo(302);
        WebSession applicant = new WebSession(port).signIn("applicant.vn", "demo");
        assertThat(applicant.get("/officer/calls/" + id).status()).isEqualTo(403);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        Map<String, String> f = validForm(p);
        f.put("_csrf", "forged");
        assertThat(officer.post("/officer/calls/new?programme=" + p.getId(), f, "en").status()).isEqualTo(403);
    }
}
