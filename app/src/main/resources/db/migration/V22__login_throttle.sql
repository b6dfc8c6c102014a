-- platform: failed sign-ins, shared by every node. Throttling is per (account, client address) and per
-- address, with a growing wait instead of a lockout: someone guessing a password from one place
-- slows only themselves, and the real officer signing in from elsewhere is not affected.
create table login_failure (
    id        bigserial primary key,
    at        timestamptz not null,
    username  varchar(100) not null,
    address   varchar(64) not null
);
create index login_failure_account_address on login_failure (username, address, at);
create index login_failure_address on login_failure (address, at);
create index login_failure_at on login_failure (at);
