-- Won revenue attributed to the journey's first source (how it was captured) and its last source
-- before the win (the latest nurturing touch's source by then, else the capture's).
create view won_attribution as
    select w.event_id, w.lead_id, w.occurred_at as won_at, w.amount, w.currency,
           coalesce(j.source, 'UNKNOWN') as first_source,
           coalesce((select t.data ->> 'source' from fact t
                     where t.lead_id = w.lead_id and t.type = 'LeadTouched'
                       and t.occurred_at <= w.occurred_at
                     order by t.occurred_at desc, t.event_id desc limit 1),
                    j.source, 'UNKNOWN') as last_source
    from fact w
    left join journey j on j.lead_id = w.lead_id
    where w.type = 'DealWon';
