-- Whether a lead was excluded (育成対象外: student, competitor, …) as of an instant: its latest
-- exclusion or re-inclusion by then was an exclusion. Excluded leads count in no funnel figure.
create function excluded_as_of(lead uuid, as_of timestamptz) returns boolean
language sql stable as $$
    select coalesce((
        select x.type = 'LeadExcluded'
        from fact x
        where x.lead_id = lead
          and x.type in ('LeadExcluded', 'LeadReincluded')
          and x.occurred_at <= as_of
        order by x.occurred_at desc, x.type desc
        limit 1), false)
$$;
