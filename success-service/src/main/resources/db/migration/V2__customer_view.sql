create table customer_view (
    account_id      uuid primary key,
    lead_id         uuid           not null,
    opportunity_id  uuid           not null,
    status          text           not null,
    contract_value  numeric(17, 2) not null,
    currency        char(3)        not null,
    contract_start  date           not null,
    term_months     int            not null,
    onboarded_at    timestamptz    not null
);
create index customer_by_lead on customer_view (lead_id);
