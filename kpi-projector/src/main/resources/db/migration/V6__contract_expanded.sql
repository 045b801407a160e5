-- A won expansion (ContractExpanded: the same account's contract grew) is an account event too.
create or replace view account_event as
    select account_id, lead_id, type, occurred_at, amount, currency, reason,
           data ->> 'band' as health_band
    from fact
    where account_id is not null
      and type in ('CustomerOnboarded', 'Renewed', 'Churned', 'ExpansionIdentified',
                   'ContractExpanded', 'HealthScored', 'AdvocateMarked', 'ReferralMade');
