-- A won expansion grows the account's contract: the value won by expansions so far, and when the
-- latest one was won.
alter table customer_view
    add column expansion_value numeric(17, 2) not null default 0,
    add column expanded_at     timestamptz;
