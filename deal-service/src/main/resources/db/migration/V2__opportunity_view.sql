create table opportunity_view (
    opportunity_id  uuid primary key,
    lead_id         uuid        not null,
    kind            text        not null,
    status          text        not null,
    assigned_rep    text        not null,
    handoff_comment text,
    opened_at       timestamptz not null,
    accepted_by     text,
    accepted_at     timestamptz,
    amount          numeric(17, 2),
    currency        char(3),
    contract_start  date,
    term_months     int,
    won_at          timestamptz
);
create index opportunity_by_status on opportunity_view (status, opened_at);
create index opportunity_by_lead on opportunity_view (lead_id);
