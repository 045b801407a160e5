-- The daily health score and churn risk, for queries by band and risk.
alter table customer_view
    add column health_score int,
    add column health_band  text,
    add column scored_on    date,
    add column at_risk      boolean not null default false,
    add column risk_signals text;
create index customer_by_health on customer_view (health_band, at_risk);
