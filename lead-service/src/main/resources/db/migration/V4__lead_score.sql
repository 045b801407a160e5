alter table lead_view
    add column score          integer not null default 0,
    add column last_scored_at timestamptz;

update lead_view set last_scored_at = captured_at;

create index lead_view_idle_score on lead_view (last_scored_at) where score > 0;
