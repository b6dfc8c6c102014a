-- project: each party's annual and final reports, every version kept with the officer's decision on it.
create table project_report (
    id              bigserial primary key,
    project_id      bigint not null,
    party_id        bigint not null,
    kind            varchar(10) not null,
    -- The project year an annual report covers; 0 for the final report.
    year            int not null,
    status          varchar(20) not null,
    current_version int not null,
    updated_at      timestamptz not null,
    unique (project_id, party_id, kind, year),
    foreign key (project_id, party_id) references project_party (project_id, party_id)
);

create table project_report_version (
    report_id        bigint not null references project_report (id),
    number           int not null,
    scientific       text not null,
    -- Seen by the party's own officers and team only.
    financial_notes  text,
    submitted_by     varchar(100) not null,
    submitted_at     timestamptz not null,
    decision         varchar(20),
    comment          text,
    decided_by       varchar(100),
    decided_at       timestamptz,
    primary key (report_id, number)
);

create table project_report_spending (
    report_id  bigint not null,
    number     int not null,
    year       int not null,
    category   varchar(100) not null,
    amount     numeric(18, 2) not null check (amount >= 0),
    primary key (report_id, number, year, category),
    foreign key (report_id, number) references project_report_version (report_id, number)
);

-- project: what the projects produced (publications, patents, products, software, datasets, prototypes, people trained).
create table project_output (
    id                bigserial primary key,
    project_id        bigint not null references project (id),
    kind              varchar(20) not null,
    title             text not null,
    doi               varchar(200),
    year              int,
    venue             text,
    publication_type  varchar(100),
    authors           text,
    joint             boolean not null default false,
    joint_parties     varchar(100),
    patent_number     varchar(100),
    patent_office     varchar(10),
    application_date  date,
    grant_date        date,
    patent_status     varchar(20),
    holders           text,
    degree            varchar(20),
    party_code        varchar(10),
    gender            varchar(10),
    url               text,
    evidence          text,
    is_public         boolean not null,
    source            varchar(20) not null,
    added_by          varchar(100) not null,
    added_at          timestamptz not null
);
create unique index project_output_doi on project_output (project_id, lower(doi)) where doi is not null;
