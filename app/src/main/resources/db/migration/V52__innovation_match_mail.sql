-- innovation: when each owner was last mailed their new matches, so a repeated run sends nothing twice.
create table innovation_match_mail (
    owner_id     bigint primary key,
    last_sent_at timestamptz not null
);
