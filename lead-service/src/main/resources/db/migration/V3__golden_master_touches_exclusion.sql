-- The golden master: one row per company, every normalised spelling and email domain that leads to it.
create table company (
    company_id uuid primary key,
    name       text        not null,
    created_at timestamptz not null
);

create table company_key (
    normalised_key text primary key,
    company_id     uuid not null references company (company_id)
);

create table company_domain (
    domain     text primary key,
    company_id uuid not null references company (company_id)
);

alter table lead_view
    add column email_key          text,
    add column title              text,
    add column company_id         uuid,
    add column company_key        text,
    add column excluded           boolean not null default false,
    add column exclusion_reason   text,
    add column exclusion_detail   text,
    add column touches            integer not null default 1,
    add column last_touched_at    timestamptz;

-- One lead per person: earlier duplicates keep their rows, only the first owns the email.
update lead_view v
   set email_key = lower(trim(v.email)), last_touched_at = v.captured_at
 where v.lead_id = (select w.lead_id from lead_view w
                     where lower(trim(w.email)) = lower(trim(v.email))
                     order by w.captured_at, w.lead_id limit 1);
update lead_view set last_touched_at = captured_at where last_touched_at is null;

create unique index lead_view_email_key on lead_view (email_key);
create index lead_view_company on lead_view (company_id);
