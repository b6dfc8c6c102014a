-- innovation: offers drafted by the Centre from project outputs, incubation cohorts and the start-ups' yearly reports.
-- The project and output an offer was drafted from are kept by id only (the project module owns those rows);
-- one offer per output, so drafting twice is refused rather than duplicated.
alter table innovation_profile add column project_id bigint;
alter table innovation_profile add column project_output_id bigint;
alter table innovation_profile add column party_code varchar(10);
-- The party whose figures a profile counts in (AUTM dashboard): the owner's country, written first.
update innovation_profile set party_code = split_part(countries, ',', 1) where party_code is null;
create unique index innovation_profile_output on innovation_profile (project_output_id) where project_output_id is not null;

-- innovation: an incubation programme's intake of one year.
create table innovation_cohort (
    id          bigserial primary key,
    name        varchar(300) not null,
    party_code  varchar(10)  not null,
    year        int          not null check (year between 2000 and 2100),
    created_by  varchar(100) not null,
    created_at  timestamptz  not null
);

-- innovation: a start-up applying to, then going through, a cohort (workflow innovationStartup).
create table innovation_startup (
    id            bigserial primary key,
    cohort_id     bigint       not null references innovation_cohort (id),
    founder_id    bigint       not null,
    founder_name  varchar(200) not null,
    name          varchar(300) not null,
    pitch         text         not null,
    stage         varchar(20)  not null,
    profile_id    bigint references innovation_profile (id),
    formed_on     date,
    graduated_on  date,
    exited_on     date,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    unique (cohort_id, name)
);

-- innovation: one panel member's score of an application, 1 (weak) to 10 (excellent).
create table innovation_startup_score (
    startup_id  bigint       not null references innovation_startup (id),
    panelist    varchar(100) not null,
    score       int          not null check (score between 1 and 10),
    comment     text,
    at          timestamptz  not null,
    primary key (startup_id, panelist)
);

-- innovation: what a graduated start-up reports for one year after graduation (1 to 5).
create table innovation_startup_report (
    startup_id    bigint         not null references innovation_startup (id),
    report_year   int            not null check (report_year between 1 and 5),
    calendar_year int            not null,
    revenue       numeric(18, 2) not null check (revenue >= 0),
    investment    numeric(18, 2) not null check (investment >= 0),
    currency      varchar(3)     not null,
    jobs          int            not null check (jobs >= 0),
    ip_count      int            not null check (ip_count >= 0),
    submitted_by  varchar(100)   not null,
    submitted_at  timestamptz    not null,
    primary key (startup_id, report_year)
);

-- innovation: reminders already mailed for a year's report, so a repeated job run mails nothing twice.
create table innovation_startup_reminder (
    startup_id   bigint      not null references innovation_startup (id),
    report_year  int         not null,
    sent_at      timestamptz not null,
    primary key (startup_id, report_year)
);
