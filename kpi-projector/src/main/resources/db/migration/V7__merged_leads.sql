-- A lead Marketing merged into another (LeadsMerged, recorded on the absorbed lead) was the same
-- person as its survivor: from the merge on, the absorbed journey counts in no funnel figure (the
-- survivor's journey does, once) and leaves the funnel (EXITED). A merge is final; no
-- re-inclusion brings the absorbed journey back. Facts stay insert-only, so the order in which the
-- merge and the journey's other events arrive does not matter.
create function merged_as_of(lead uuid, as_of timestamptz) returns boolean
language sql stable as $$
    select exists (
        select 1 from fact m
        where m.lead_id = lead and m.type = 'LeadsMerged' and m.occurred_at <= as_of)
$$;

create or replace function excluded_as_of(lead uuid, as_of timestamptz) returns boolean
language sql stable as $$
    select merged_as_of(lead, as_of) or coalesce((
        select x.type = 'LeadExcluded'
        from fact x
        where x.lead_id = lead
          and x.type in ('LeadExcluded', 'LeadReincluded')
          and x.occurred_at <= as_of
        order by x.occurred_at desc, x.type desc
        limit 1), false)
$$;

drop view stage_stay;
drop view stage_change;

create view stage_change as
    select lead_id, stage as state, occurred_at as entered_at, event_id
    from fact
    where stage is not null and lead_id is not null
    union all
    select lead_id,
           case type
               when 'TossUpRejected' then 'IS_CONTACT'
               when 'LeadReincluded' then 'NURTURING'
               else 'EXITED'
           end,
           occurred_at, event_id
    from fact
    where lead_id is not null
      and type in ('Disqualified', 'DealLost', 'Churned', 'LeadExcluded', 'TossUpRejected',
                   'LeadReincluded', 'LeadsMerged');

create view stage_stay as
    select lead_id, state, entered_at, event_id,
           lead(entered_at) over (partition by lead_id order by entered_at, event_id) as left_at
    from stage_change;
