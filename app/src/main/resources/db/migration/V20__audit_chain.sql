-- platform: tamper-evident audit trail: each record carries the SHA-256 of its predecessor, so editing or
-- deleting a row breaks the chain. seq is the position in the chain (1, 2, 3 … without gaps);
-- records written before this migration are chained by the application at its next start.
alter table audit_event add column seq bigint unique;
alter table audit_event add column prev_hash char(64);
alter table audit_event add column hash char(64);

-- The end of the chain. Appending locks this one row (select … for update), so two writers on
-- two nodes can never both extend the same predecessor and fork the chain.
create table audit_chain_head (
    id    smallint primary key check (id = 1),
    seq   bigint not null,
    hash  char(64) not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

-- Every few hundred records the current end of the chain is kept as an anchor. Administrators
-- see anchors on the admin audit page; copied elsewhere (a ticket, a signed mail) they prove
-- that the chain up to that point was not rewritten wholesale later.
create table audit_anchor (
    seq   bigint primary key,
    hash  char(64) not null,
    at    timestamptz not null
);
