-- The account opens at the win and is onboarded when its checklist is complete; it can renew,
-- churn and become an advocate.
alter table customer_view alter column onboarded_at drop not null;
alter table customer_view
    add column opened_at    timestamptz,
    add column contract_end date,
    add column renewed_at   timestamptz,
    add column churned_at   timestamptz,
    add column churn_reason text,
    add column advocate     boolean not null default false;
update customer_view
   set opened_at = onboarded_at,
       contract_end = (contract_start + make_interval(months => term_months))::date;
alter table customer_view
    alter column opened_at set not null,
    alter column contract_end set not null;
create index customer_by_contract_end on customer_view (contract_end);

create table onboarding_step_view (
    account_id   uuid        not null references customer_view (account_id),
    step         text        not null,
    position     int         not null,
    completed_at timestamptz,
    completed_by text,
    primary key (account_id, step)
);
