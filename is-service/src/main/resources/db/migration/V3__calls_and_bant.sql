-- Where each prospect stands (stage, BANT, calls) and every call made, for the call list and KPIs.
alter table call_list_entry
    add column stage                    text    not null default 'A',
    add column calls                    int     not null default 0,
    add column last_call_at             timestamptz,
    add column last_outcome             text,
    add column budget                   boolean not null default false,
    add column authority                boolean not null default false,
    add column need                     boolean not null default false,
    add column timeline                 boolean not null default false,
    add column qualified_at             timestamptz,
    add column disqualified_at          timestamptz,
    add column disqualification_reason  text;

create table call_log (
    event_id             uuid primary key,
    lead_id              uuid        not null,
    rep                  text        not null,
    outcome              text        not null,
    current_environment  text,
    note                 text,
    called_at            timestamptz not null
);
create index call_log_by_lead on call_log (lead_id, called_at);
create index call_log_by_rep on call_log (rep, called_at);
