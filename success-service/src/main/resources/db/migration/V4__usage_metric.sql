-- Each usage metric once per account and day: what makes re-sent usage batches change nothing.
create table usage_metric (
    account_id  uuid        not null,
    day         date        not null,
    metric      text        not null,
    value       int         not null,
    recorded_at timestamptz not null,
    primary key (account_id, day, metric)
);
