-- review: the form of a call (criteria, scale, thresholds, due date) and the experts' reviews.
create table review_form (
    call_id            bigint primary key references funding_call (id),
    -- [{"code","weight","threshold","name":{"en","vi","ru"}}]: criteria change as a whole, never row by row.
    criteria           jsonb not null,
    scale_max          numeric(4, 1) not null check (scale_max > 0),
    step               numeric(3, 2) not null check (step > 0),
    overall_threshold  numeric(5, 2),
    due_at             timestamptz,
    remind_days        int not null default 3 check (remind_days between 0 and 60),
    updated_by         varchar(100) not null,
    updated_at         timestamptz not null,
    version            bigint not null default 0
);

-- One review per assignment. Scores are kept per criterion; the overall is derived and stored for ranking.
create table review (
    call_id               bigint not null,
    party_id              bigint not null,
    proposal_id           bigint not null,
    person_id             bigint not null,
    scores                jsonb not null default '{}',
    overall               double precision,
    comment_applicants    text,
    comment_confidential  text,
    status                varchar(20) not null,
    submitted_at          timestamptz,
    updated_at            timestamptz not null,
    primary key (call_id, party_id, proposal_id, person_id),
    foreign key (call_id, party_id, proposal_id, person_id)
        references review_assignment (call_id, party_id, proposal_id, person_id)
);

-- Stable pseudonym of an expert within a call ("RU-3"): what the other party and the committee see.
create table review_pseudonym (
    call_id    bigint not null,
    person_id  bigint not null,
    label      varchar(20) not null,
    primary key (call_id, person_id),
    unique (call_id, label)
);

-- One reminder per expert, call and day; the job may run often without mailing twice.
create table review_reminder (
    call_id    bigint not null,
    person_id  bigint not null,
    sent_on    date not null,
    kind       varchar(10) not null,
    primary key (call_id, person_id, sent_on)
);
