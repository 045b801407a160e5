-- The company facts Inside Sales learned, and Marketing's score band, for the toss-up rules.
alter table call_list_entry
    add column revenue_amount    numeric,
    add column revenue_currency  text,
    add column employees         int,
    add column industry          text,
    add column planned_start     date;

create table mql_band (
    lead_id       uuid primary key,
    band          text        not null,
    qualified_at  timestamptz not null
);
