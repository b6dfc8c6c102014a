-- proposal: eligibility counts the proposals a PI leads in a call at every submission; without this
-- index that count read every team row of the programme.
create index proposal_team_pi on proposal_team (pi_user_id);
