-- excluded_as_of tells for one lead what excluded_leads tells for all: one definition of the rule.
-- PostgreSQL pushes the lead into the set's branches, so a call reads that lead's facts only.
create or replace function excluded_as_of(lead uuid, as_of timestamptz) returns boolean
language sql stable as $$
    select exists (select 1 from excluded_leads(as_of) x where x.lead_id = lead)
$$;
