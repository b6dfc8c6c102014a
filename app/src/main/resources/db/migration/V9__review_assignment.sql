-- review: the proposed (and later invited) experts of each party for each proposal of a call.
create table review_assignment (
    call_id      bigint not null,
    party_id     bigint not null,
    proposal_id  bigint not null,
    person_id    bigint not null references person (id),
    score        double precision not null,
    why          text,
    status       varchar(20) not null,
    created_by   varchar(100) not null,
    created_at   timestamptz not null,
    primary key (call_id, party_id, proposal_id, person_id)
);
create index review_assignment_call on review_assignment (call_id, party_id);
