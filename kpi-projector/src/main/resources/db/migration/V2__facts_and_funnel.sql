-- One row per event applied, never updated: the facts every figure is derived from.
create table fact (
    event_id      uuid primary key,
    lead_id       uuid,
    account_id    uuid,
    type          text        not null,
    stage         text,
    occurred_at   timestamptz not null,
    rule_version  text,
    rep           text,
    amount        numeric(17, 2),
    currency      char(3),
    recycle_kind  text,
    reason        text,
    competitor    text,
    -- the event's data without personal data, for timelines and drill-downs
    data          jsonb       not null
);
create index fact_by_lead on fact (lead_id, occurred_at);
create index fact_by_stage on fact (stage, occurred_at) where stage is not null;
create index fact_by_type on fact (type, occurred_at);

-- The journey's set-once attributes; whichever event arrives first creates the row.
create table journey (
    lead_id      uuid primary key,
    source       text,
    campaign     text,
    captured_at  timestamptz,
    account_id   uuid
);

-- The funnel's stages in journey order; next_stage is what conversion and velocity measure to.
create table funnel_stage (
    stage       text primary key,
    position    int  not null unique,
    next_stage  text
);
insert into funnel_stage (stage, position, next_stage) values
    ('LEAD_CAPTURED', 1, 'MQL'),
    ('MQL', 2, 'TOSSED_UP'),
    ('TOSSED_UP', 3, 'VALID_OPPORTUNITY'),
    ('VALID_OPPORTUNITY', 4, 'WON'),
    ('WON', 5, 'ONBOARDED'),
    ('ONBOARDED', 6, 'RENEWED_OR_EXPANDED'),
    ('RENEWED_OR_EXPANDED', 7, null);

-- When each journey first reached each funnel stage (a lead that reaches a stage again, after a
-- recycle, counts once per stage). The REST API and Grafana both read these views.
create view funnel_reached as
    select stage, lead_id, min(occurred_at) as first_reached_at
    from fact
    where stage is not null
    group by stage, lead_id;

-- Each journey's time from first reaching a stage to first reaching the next one (null while it
-- has not): the basis of conversion and velocity.
create view funnel_transition as
    select r.stage, r.lead_id, r.first_reached_at, s.next_stage, n.first_reached_at as next_reached_at
    from funnel_reached r
    join funnel_stage s on s.stage = r.stage
    left join funnel_reached n on n.lead_id = r.lead_id and n.stage = s.next_stage;

-- Leads sent back to nurturing: Recycle A (IS), Recycle B (lost deal), win-back (churned).
create view recycle_flow as
    select f.event_id, f.lead_id, f.recycle_kind as kind, f.reason, f.occurred_at as recycled_at
    from fact f
    where f.type = 'LeadRecycled';
