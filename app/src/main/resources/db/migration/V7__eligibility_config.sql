-- Eligibility rules chosen per call and, for party rules, per party (party_id 0 = a common rule).
create table call_eligibility_rule (
    call_id   bigint not null references funding_call (id) on delete cascade,
    rule      varchar(40) not null,
    party_id  bigint not null default 0,
    enabled   boolean not null,
    param     int,
    primary key (call_id, rule, party_id)
);

-- Whether a researcher holds a doctorate (PhD or equivalent), for party rules that require it.
alter table person add column doctorate boolean not null default false;
