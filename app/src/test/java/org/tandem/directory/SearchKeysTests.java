package org.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTests {

    @Test
    void namesMeetAcrossScriptsAndTransliterationHabits() {
        assertThat(SearchKeys.of("Иванов Сергей Петрович")).startsWith(SearchKeys.of("Ivanov Sergei"));
        assertThat(SearchKeys.of("Сергей")).isEqualTo(SearchKeys.of("Sergey")).isEqualTo(SearchKeys.of("Sergej"));
        assertThat(SearchKeys.of("Юрий")).isEqualTo(SearchKeys.of("Yuri")).isEqualTo(SearchKeys.of("Yury"))
                .isEqualTo(SearchKeys.of("Iurii"));
        assertThat(SearchKeys.of("Щукин Хохлов")).isEqualTo(SearchKeys.of("Shchukin Khokhlov"));
        assertThat(SearchKeys.of("Фёдорова")).isEqualTo(SearchKeys.of("Fedorova"));
        assertThat(SearchKeys.of("Nguyễn Văn An")).isEqualTo(SearchKeys.of("Nguyen Van An"));
        assertThat(SearchKeys.of("Đặng")).isEqualTo(SearchKeys.of("Dang"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(SearchKeys.of("Nguyen Van An")).isNotEqualTo(SearchKeys.of("Nguyen Van Anh"));
        assertThat(SearchKeys.of("Ivanov")).isNotEqualTo(SearchKeys.of("Ivanova"));
        assertThat(SearchKeys.of("")).isEmpty();
    }
}
