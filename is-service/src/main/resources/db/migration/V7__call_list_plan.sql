-- The company each lead was captured for, and each business day's call list per rep.
create table lead_company (
    lead_id       uuid primary key,
    company_name  text not null,
    company_key   text not null
);
create index lead_company_key on lead_company (company_key);

create table planned_call (
    day       date not null,
    lead_id   uuid not null,
    rep       text not null,
    position  int  not null,
    primary key (day, lead_id)
);
