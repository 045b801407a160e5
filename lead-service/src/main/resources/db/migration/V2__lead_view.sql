create table lead_view (
    lead_id          uuid primary key,
    source           text        not null,
    campaign         text,
    person_name      text        not null,
    email            text        not null,
    company_name     text        not null,
    stage            text        not null,
    band             text        not null,
    captured_at      timestamptz not null,
    qualified_at     timestamptz,
    follow_up_due_at timestamptz
);
