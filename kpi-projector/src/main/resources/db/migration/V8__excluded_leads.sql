-- The leads that count in no funnel figure as of an instant (excluded_as_of true: merged away, or
-- excluded and not re-included since), as one set. A query over many journeys anti-joins it once;
-- calling excluded_as_of on every row cost GET /funnel ~90 % of its time (a function with
-- sub-selects is never inlined, so each call ran two sub-queries of its own).
create function excluded_leads(as_of timestamptz) returns table (lead_id uuid)
language sql stable as $$
    select m.lead_id
    from fact m
    where m.type = 'LeadsMerged' and m.occurred_at <= as_of and m.lead_id is not null
    union
    select latest.lead_id
    from (select distinct on (x.lead_id) x.lead_id, x.type
          from fact x
          where x.type in ('LeadExcluded', 'LeadReincluded') and x.occurred_at <= as_of
            and x.lead_id is not null
          order by x.lead_id, x.occurred_at desc, x.type desc) latest
    where latest.type = 'LeadExcluded'
$$;
