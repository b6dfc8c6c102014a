-- programme: the budget categories a call asks proposals to use, in the call's order
create table call_budget_category (
    call_id   bigint not null references funding_call (id) on delete cascade,
    position  int not null,
    code      varchar(40) not null,
    primary key (call_id, position)
);
