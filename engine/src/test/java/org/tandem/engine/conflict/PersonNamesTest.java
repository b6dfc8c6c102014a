package org.tandem.engine.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "Иванов Сергей | Sergei Ivanov",
            "Иванов Сергей | Sergey Ivanov",
            "Ivanov, Sergey | Сергей Иванов",
            "Иванов Сергей Петрович | Sergei Ivanov",
            "Иванов Сергей Петрович | Ivanov Sergey Petrovich",
            "Юрий Гагарин | Yuri Gagarin",
            "Юрий Гагарин | Yury Gagarin",
            "Юрий Гагарин | Iurii Gagarin",
            "Юрий Гагарин | Jurij Gagarin",
            "Пётр Фёдоров | Pyotr Fyodorov",
            "Пётр Фёдоров | Petr Fedorov",
            "Михаил Хабаров | Mikhail Khabarov",
            "Михаил Жуков | Mihail Zhukov",
            "Евгений Цветков | Yevgeny Tsvetkov",
            "Евгений Цветков | Evgenii Cvetkov",
            "Наталья Щербакова | Natalya Shcherbakova",
            "Юлия Хрущёва | Iuliia Khrushcheva",
            "Юлия Хрущёва | Yulia Khrushchyova",
            "Татьяна Ильина | Tatiana Ilyina",
            "Татьяна Ильина | Tatyana Il'ina",
            "Алексей Дмитриев | Alexei Dmitriev",
            "Nguyễn Văn An | Nguyen Van An",
            "Đặng Thị Hồng | Dang Thi Hong",
            "Đặng Thị Hồng | DANG THI HONG",
            "Trần Văn Đức | Tran Van Duc",
    })
    void sameAcrossScriptsDiacriticsAndOrder(String a, String b) {
        assertThat(PersonNames.match(a, b)).isEqualTo(NameMatch.SAME);
        assertThat(PersonNames.samePerson(b, a)).isTrue();
        assertThat(PersonNames.key(a)).isEqualTo(PersonNames.key(b));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', value = {
            "Nguyen Van An | Nguyen Van Anh",
            "Nguyễn Văn An | Nguyễn Văn Anh",
            "Ivanov Sergei | Ivanova Svetlana",
            "Ivanov Sergei | Ivanov Svetlana",
            "Ivanov Sergei | Petrov Sergei",
            "Иванов Сергей Петрович | Иванов Сергей Иванович",
            "Nguyen Van Khoa | Nguyen Van Hoa",
            "Le Thi Khanh | Le Thi Hanh",
            "S. Ivanov | Svetlana Ivanova",
            "Ivanov | Petrov",
    })
    void differentPeople(String a, String b) {
        assertThat(PersonNames.match(a, b)).isEqualTo(NameMatch.DIFFERENT);
        assertThat(PersonNames.match(b, a)).isEqualTo(NameMatch.DIFFERENT);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "S. Ivanov | Sergei Ivanov",
            "С. Иванов | Sergei Ivanov",
            "Ivanov S.P. | Иванов Сергей Петрович",
            "Yu. Gagarin | Юрий Гагарин",
            "Sh. Ivanov | Shamil Ivanov",
            "S. Ivanov | Shamil Ivanov",
            "Nguyen V. An | Nguyen Van An",
            "Nguyen An | Nguyen Van An",
    })
    void initialsAndPartialNamesArePossibleOnly(String a, String b) {
        assertThat(PersonNames.match(a, b)).isEqualTo(NameMatch.POSSIBLE);
        assertThat(PersonNames.match(b, a)).isEqualTo(NameMatch.POSSIBLE);
        assertThat(PersonNames.samePerson(a, b)).isFalse();
    }

    @Test
    void orcidTakesPrecedenceOverNames() {
        Person a = Person.of("Sergei Ivanov", "0000-0002-1825-0097", null);
        Person sameNameOtherOrcid = Person.of("Сергей Иванов", "0000-0001-5109-3700", null);
        Person otherNameSameOrcid = Person.of("S. P. Ivanov-Smirnov", "https://orcid.org/0000-0002-1825-0097", null);
        Person noOrcid = Person.of("Иванов Сергей", null, null);

        assertThat(PersonNames.match(a, sameNameOtherOrcid)).isEqualTo(NameMatch.DIFFERENT);
        assertThat(PersonNames.match(a, otherNameSameOrcid)).isEqualTo(NameMatch.SAME);
        assertThat(PersonNames.match(a, noOrcid)).isEqualTo(NameMatch.SAME);
    }

    @Test
    void keyDropsPatronymicAndOrder() {
        assertThat(PersonNames.key("Иванов Сергей Петрович")).isEqualTo(PersonNames.key("Sergei Ivanov"));
        assertThat(PersonNames.key("Nguyen Van An")).isNotEqualTo(PersonNames.key("Nguyen Van Anh"));
    }

    @Test
    void matchingNamesMeetInTheIndex() {
        String[][] pairs = {{"S. Ivanov", "Sergei Ivanov"}, {"Yu. Gagarin", "Юрий Гагарин"},
                {"Sh. Ivanov", "Шамиль Иванов"}, {"Иванов Сергей Петрович", "Sergei Ivanov"},
                {"Ivanov S.", "Ivanov S. P."}, {"Nguyen An", "Nguyen Van An"}, {"Madonna", "Madonna"}};
        for (String[] p : pairs) {
            PersonIndex<String> index = new PersonIndex<>();
            index.add(Person.of(p[1]), p[1]);
            assertThat(index.lookup(Person.of(p[0]))).as(p[0] + " / " + p[1]).hasSize(1);
            index = new PersonIndex<>();
            index.add(Person.of(p[0]), p[0]);
            assertThat(index.lookup(Person.of(p[1]))).as(p[1] + " / " + p[0]).hasSize(1);
        }
    }
}
