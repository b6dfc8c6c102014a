package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorsTests {

    @Test
    void namesMatchAcrossOrderDiacriticsScriptsAndInitials() {
        assertThat(Authors.same("Van An Nguyen", "Nguyễn Văn An")).isTrue();
        assertThat(Authors.same("V. A. Nguyen", "Nguyễn Văn An")).isTrue();
        assertThat(Authors.same("Nguyen, V.-A.", "Nguyễn Văn An")).isTrue();
        assertThat(Authors.same("Ivan Petrov", "Иван Петров")).isTrue();
        assertThat(Authors.same("I. Petrov", "Иван Петров")).isTrue();
        assertThat(Authors.same("Ольга Смирнова", "Olga Smirnova")).isTrue();
        assertThat(Authors.same("Thi Binh Tran", "Trần Thị Bình")).isTrue();
    }

    @Test
    void differentPeopleDoNotMatch() {
        assertThat(Authors.same("P. Ivanov", "Иван Петров")).isFalse();
        assertThat(Authors.same("Van Binh Nguyen", "Nguyễn Văn An")).isFalse();
        assertThat(Authors.same("Nguyen", "Nguyễn Văn An")).as("a family name alone").isFalse();
        assertThat(Authors.same("A. V.", "Nguyễn Văn An")).as("initials alone").isFalse();
        assertThat(Authors.same("Maria Garcia", "Иван Петров")).isFalse();
    }

    @Test
    void doisAreReadWithOrWithoutResolver() {
        assertThat(PublicationSources.doi("https://doi.org/10.1000/xyz-1")).contains("10.1000/xyz-1");
        assertThat(PublicationSources.doi("doi: 10.1000/xyz")).contains("10.1000/xyz");
        assertThat(PublicationSources.doi("10.12/abc")).isEmpty();
        assertThat(PublicationSources.doi("10.1000/")).isEmpty();
        assertThat(PublicationSources.doi("not a doi")).isEmpty();
    }
}
