-- project: change requests approved by every party, the work plan's items, report due-date settings, reminders sent and report drafts.
create table project_change (
    id                   bigserial primary key,
    project_id           bigint not null references project (id),
    kind                 varchar(20) not null,
    -- The party whose side changes (budget, PI, members); null when the whole project does.
    party_id             bigint,
    -- The proposed values as JSON, read back when the last party approves.
    proposal             jsonb not null,
    reason               text not null,
    status               varchar(20) not null,
    confirmation_name    text not null,
    confirmation_key     text not null,
    confirmation_sha256  char(64) not null,
    confirmation_bytes   bigint not null,
    raised_by            varchar(100) not null,
    raised_at            timestamptz not null,
    closed_at            timestamptz
);
create index project_change_project on project_change (project_id);

create table project_change_decision (
    change_id   bigint not null references project_change (id),
    party_id    bigint not null,
    decision    varchar(20) not null,
    comment     text,
    decided_by  varchar(100) not null,
    decided_at  timestamptz not null,
    primary key (change_id, party_id)
);

-- Marks a project whose proposal work plan has been turned into items, so it happens once.
create table project_work_plan (
    project_id  bigint primary key references project (id),
    seeded_at   timestamptz not null
);

create table project_work_item (
    id           bigserial primary key,
    project_id   bigint not null references project (id),
    position     int not null,
    kind         varchar(20) not null,
    title        text not null,
    -- Responsible team; null when both teams share the item.
    party_id     bigint,
    -- Month of the project the item is due at the end of, as the proposal said it; due_on overrides it.
    due_month    int,
    due_on       date,
    status       varchar(20) not null,
    done_on      date,
    updated_by   varchar(100) not null,
    updated_at   timestamptz not null
);
create index project_work_item_project on project_work_item (project_id);

-- How long after a contract year's end (and after the contract's end) a party's team has to report.
create table project_report_setting (
    programme_id  bigint not null references programme (id),
    party_id      bigint not null references party (id),
    grace_days    int not null check (grace_days between 0 and 365),
    remind_days   int not null check (remind_days between 1 and 120),
    updated_by    varchar(100) not null,
    updated_at    timestamptz not null,
    primary key (programme_id, party_id)
);

-- One row per reminder mailed: the job checks here first, so a repeated run mails nobody twice.
create table project_report_reminder (
    project_id  bigint not null,
    party_id    bigint not null,
    kind        varchar(10) not null,
    year        int not null,
    stage       varchar(10) not null,
    recipient   text not null,
    sent_at     timestamptz not null,
    primary key (project_id, party_id, kind, year, stage)
);

-- What a principal investigator typed into the report form and has not filed yet.
create table project_report_draft (
    project_id  bigint not null,
    party_id    bigint not null,
    content     jsonb not null,
    saved_by    varchar(100) not null,
    saved_at    timestamptz not null,
    primary key (project_id, party_id),
    foreign key (project_id, party_id) references project_party (project_id, party_id)
);
