-- project: acceptance councils (nghiệm thu) per party, their members, the products they grade and every member's grades.
create table project_acceptance (
    id           bigserial primary key,
    project_id   bigint not null,
    party_id     bigint not null,
    status       varchar(20) not null,
    formed_by    varchar(100) not null,
    formed_at    timestamptz not null,
    -- SATISFACTORY or UNSATISFACTORY by the grading rule, set when the council concludes.
    result       varchar(20),
    concluded_by varchar(100),
    concluded_at timestamptz,
    foreign key (project_id, party_id) references project_party (project_id, party_id)
);
-- A party has one council at work at a time.
create unique index project_acceptance_grading on project_acceptance (project_id, party_id) where status = 'GRADING';

-- Members are experts of the party's pool; the name is kept as it stood when the council was formed (it goes into the minutes).
create table project_acceptance_member (
    acceptance_id bigint not null references project_acceptance (id),
    person_id     bigint not null,
    position      int not null,
    name          text not null,
    primary key (acceptance_id, person_id)
);

create table project_acceptance_product (
    id            bigserial primary key,
    acceptance_id bigint not null references project_acceptance (id),
    position      int not null,
    name          text not null,
    unique (acceptance_id, position)
);

create table project_acceptance_grade (
    acceptance_id bigint not null,
    person_id     bigint not null,
    product_id    bigint not null references project_acceptance_product (id),
    criterion     varchar(10) not null,
    grade         varchar(20) not null,
    graded_by     varchar(100) not null,
    graded_at     timestamptz not null,
    primary key (product_id, person_id, criterion),
    foreign key (acceptance_id, person_id) references project_acceptance_member (acceptance_id, person_id)
);
