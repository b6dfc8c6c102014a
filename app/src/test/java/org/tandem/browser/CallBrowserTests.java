package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.tandem.support.TandemIntegrationTest;

@TandemIntegrationTest
class CallBrowserTests extends BrowserTest {

    @Test
    void aVisitorSwitchesLanguageAndSeesTheOpenCallWithDeadlinesInEveryZone() {
        Page page = newPage("Asia/Ho_Chi_Minh");
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("Joint research and innovation programmes");

        page.click("nav.lang >> text=Русский");
        assertThat(page.locator("h1")).hasText("Совместные программы исследований и инноваций");
        page.click("text=Совместный конкурс 2026");
        assertThat(page.locator("h1")).containsText("Совместный конкурс 2026");
        assertThat(page.locator(".status")).hasText("Идёт приём заявок");
        assertThat(page.locator(".zones")).containsText("Asia/Ho_Chi_Minh");
        assertThat(page.locator(".zones")).containsText("Europe/Moscow");
        assertThat(page.locator(".countdown")).containsText("дн.");
        // The reader's own zone, as the browser reports it (Chromium names Hanoi's zone Asia/Saigon).
        assertThat(page.locator(".deadline time.reader")).containsText("ICT");

        page.click("nav.lang >> text=Tiếng Việt");
        assertThat(page.locator(".deadline")).containsText("Hạn nộp");
        assertThat(page.locator("h1")).containsText("Đợt gọi chung 2026");
        page.context().close();
    }

    @Test
    void officersOfBothPartiesApproveAndOnlyThenTheCallIsPublic() {
        String title = "Browser call " + System.nanoTime();
        Page vn = signedIn("officer.vn", "Asia/Ho_Chi_Minh");
        vn.navigate(url("/officer/calls"));
        vn.click("a.button");
        vn.selectOption("#year", "2027");
        vn.fill("#titleEn", title);
        vn.fill("#titleVi", "Đợt gọi thử nghiệm");
        vn.fill("#titleRu", "Тестовый конкурс");
        vn.fill("#textEn", "Joint projects on quantum materials.");
        vn.fill("#textVi", "Các dự án chung về vật liệu lượng tử.");
        vn.fill("#textRu", "Совместные проекты по квантовым материалам.");
        LocalDateTime opens = LocalDateTime.now().plusDays(20).truncatedTo(ChronoUnit.DAYS).withHour(9);
        vn.fill("#opensAt", opens.toString());
        vn.fill("#closesAt", opens.plusDays(60).withHour(17).toString());
        vn.check("input[name=fieldCodes][value=MAT]");
        vn.fill("[id='budgets0.total']", "8000000000");
        vn.fill("[id='budgets0.projectCap']", "2000000000");
        vn.fill("[id='budgets1.total']", "40000000");
        vn.fill("[id='budgets1.projectCap']", "10000000");
        vn.click("#save-call");
        assertThat(vn.locator("#call-status")).hasText("Draft");
        String callUrl = vn.url().replaceAll("\\?.*", "");
        String callId = callUrl.replaceAll(".*/", "");

        vn.click("#approve-VN");
        assertThat(vn.locator(".notice")).containsText("Your approval was recorded");
        assertThat(vn.locator("#approve-RU")).hasCount(0);

        // Approved by one party only: nobody outside sees it.
        Page visitor = newPage("Europe/Moscow");
        visitor.navigate(url("/?lang=en"));
        assertThat(visitor.locator("main")).not().containsText(title);
        assertThat(visitor.navigate(url("/calls/" + callId)).status()).isEqualTo(404);

        Page ru = signedIn("officer.ru", "Europe/Moscow");
        ru.navigate(url("/officer/calls/" + callId));
        ru.click("#approve-RU");
        assertThat(ru.locator(".notice")).containsText("the call is published");

        visitor.navigate(url("/?lang=en"));
        assertThat(visitor.locator("main")).containsText(title);
        visitor.click("text=" + title);
        assertThat(visitor.locator(".zones")).containsText("Europe/Moscow");
        vn.context().close();
        ru.context().close();
        visitor.context().close();
    }

    @Test
    void anOfficerSeesBadInputExplainedInVietnamese() {
        Page vn = signedIn("officer.vn", "Asia/Ho_Chi_Minh");
        vn.navigate(url("/officer/calls?lang=vi"));
        vn.click("a.button");
        vn.fill("#titleEn", "Incomplete");
        vn.fill("#opensAt", "2027-03-01T09:00");
        vn.fill("#closesAt", "2027-02-01T09:00");
        vn.fill("[id='budgets0.total']", "-1");
        vn.fill("[id='budgets1.currency']", "USD");
        vn.click("#save-call");
        assertThat(vn.locator("main")).containsText("Thời điểm đóng phải sau thời điểm mở.");
        assertThat(vn.locator("main")).containsText("Số tiền không được âm.");
        assertThat(vn.locator("main")).containsText("Ngân sách của Nga tính bằng RUB, không phải USD.");
        assertThat(vn.locator("main")).containsText("Chương trình yêu cầu bản Tiếng Việt.");
        // What was typed is still there.
        assertThat(vn.locator("#titleEn")).hasValue("Incomplete");
        vn.context().close();
    }
}
