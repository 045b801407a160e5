package io.themodel.lead.identity;

import io.themodel.events.lead.CompaniesMerged;
import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.platform.command.CommandRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The golden master's tables: which company each normalised spelling and each email domain leads
 * to. Resolves a lead's company (name first, then email domain, else a new company) and records
 * what a {@link CompanyResolved} taught it, in the transaction that appends the event.
 */
@ApplicationScoped
public class CompanyDirectory {

  private final EntityManager em;
  private final GoldenMaster master;
  private final Clock clock;

  CompanyDirectory(EntityManager em, GoldenMaster master, Clock clock) {
    this.em = em;
    this.master = master;
    this.clock = clock;
  }

  /**
   * The company of a lead with this name and email.
   *
   * @throws CommandRejected (422, companyName) when the name holds no letters or digits
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CompanyResolution resolve(String companyName, String email) {
    CompanyNameNormaliser normaliser = master.normaliser();
    String key = normaliser.normalise(companyName);
    if (key.isEmpty()) {
      throw CommandRejected.unprocessable(
          "companyName", "a company name needs letters or digits to identify the company");
    }
    // name and domain in one round trip (a new company misses both); no domain matches ""
    Object[] found =
        (Object[])
            em.createNativeQuery(
                    "select (select company_id from company_key where normalised_key = ?1),"
                        + " (select company_id from company_domain where domain = ?2)")
                .setParameter(1, key)
                .setParameter(2, Objects.requireNonNullElse(master.companyDomain(email), ""))
                .getSingleResult();
    if (found[0] != null) {
      CompanyMatch match =
          normaliser.matchesThroughAlias(companyName) ? CompanyMatch.ALIAS : CompanyMatch.NAME;
      return new CompanyResolution((UUID) found[0], key, match);
    }
    if (found[1] != null) {
      return new CompanyResolution((UUID) found[1], key, CompanyMatch.EMAIL_DOMAIN);
    }
    // The id follows from the key, so two leads of one new company captured at once agree on it.
    UUID newId = UUID.nameUUIDFromBytes(("company:" + key).getBytes(StandardCharsets.UTF_8));
    return new CompanyResolution(newId, key, CompanyMatch.NEW_COMPANY);
  }

  /**
   * Records the company, its spelling and (unless free mail) its email domain, in one statement.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void learn(CompanyResolved resolved, String companyName, String email) {
    String domain = master.companyDomain(email);
    String company =
        "with company as (insert into company (company_id, name, created_at) values (?1, ?2, ?3)"
            + " on conflict (company_id) do nothing)";
    String spelling =
        "insert into company_key (normalised_key, company_id) values (?4, ?1)"
            + " on conflict (normalised_key) do nothing";
    var learn =
        em.createNativeQuery(
                domain == null
                    ? company + " " + spelling
                    : company
                        + ", spelling as ("
                        + spelling
                        + ") insert into company_domain (domain, company_id) values (?5, ?1)"
                        + " on conflict (domain) do nothing")
            .setParameter(1, resolved.companyId())
            .setParameter(2, companyName)
            .setParameter(3, clock.instant())
            .setParameter(4, resolved.normalisedKey());
    if (domain != null) {
      learn.setParameter(5, domain);
    }
    learn.executeUpdate();
  }

  /** The companies a query in any spelling (or an email domain) finds: exact key, else prefix. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> search(String query) {
    String key = master.normaliser().normalise(query);
    List<UUID> found =
        ids(
            "select distinct company_id from company_key where normalised_key = ?1"
                + " union select company_id from company_domain where domain = ?2",
            key,
            query.trim().toLowerCase(java.util.Locale.ROOT));
    if (!found.isEmpty() || key.isEmpty()) {
      return found;
    }
    String prefix = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return ids(
        "select distinct company_id from company_key where normalised_key like ?1 limit 50",
        prefix);
  }

  /** A company's name, spellings and domains (none once merged into another), or empty. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Company> company(UUID companyId) {
    List<?> rows =
        em.createNativeQuery("select name, merged_into from company where company_id = ?1")
            .setParameter(1, companyId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    List<String> keys =
        strings(
            "select normalised_key from company_key where company_id = ?1 order by 1", companyId);
    List<String> domains =
        strings("select domain from company_domain where company_id = ?1 order by 1", companyId);
    return Optional.of(new Company(companyId, (String) row[0], keys, domains, (UUID) row[1]));
  }

  /**
   * A company of the golden master: its first-seen name, every known spelling and domain, and the
   * company it was merged into (null while it stands on its own).
   */
  public record Company(
      UUID companyId, String name, List<String> keys, List<String> domains, UUID mergedInto) {}

  /**
   * Locks both companies' rows until the transaction ends, so merges touching either wait for each
   * other; answers the locked companies as they stand then.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockForMerge(UUID first, UUID second) {
    em.createNativeQuery(
            "select company_id from company where company_id in (?1, ?2)"
                + " order by company_id for update")
        .setParameter(1, first)
        .setParameter(2, second)
        .getResultList();
  }

  /**
   * What a {@link CompaniesMerged} changes: the absorbed company's spellings, domains and leads
   * (and companies merged into it before) belong to the survivor.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void absorb(CompaniesMerged merged) {
    UUID survivor = merged.companyId();
    UUID absorbed = merged.absorbedCompanyId();
    update(
        "update company set merged_into = ?1 where company_id = ?2 or merged_into = ?2",
        survivor,
        absorbed);
    update("update company_key set company_id = ?1 where company_id = ?2", survivor, absorbed);
    update("update company_domain set company_id = ?1 where company_id = ?2", survivor, absorbed);
    update("update lead_view set company_id = ?1 where company_id = ?2", survivor, absorbed);
  }

  private void update(String sql, UUID survivor, UUID absorbed) {
    em.createNativeQuery(sql).setParameter(1, survivor).setParameter(2, absorbed).executeUpdate();
  }

  /**
   * One column of ids. Native queries here name no result class: Hibernate caches a native query's
   * interpretation under a key holding its result mapping, and a mapping built for a result class
   * never equals the one built for the query before, so every execution added a cache entry with
   * the same hash, and every capture searched a longer collision chain (found profiling {@code POST
   * /leads}: its CPU went to comparing those keys).
   */
  private List<UUID> ids(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    List<UUID> ids = new ArrayList<>();
    for (Object id : query.getResultList()) {
      ids.add((UUID) id);
    }
    return ids;
  }

  private List<String> strings(String sql, UUID companyId) {
    List<String> values = new ArrayList<>();
    for (Object value : em.createNativeQuery(sql).setParameter(1, companyId).getResultList()) {
      values.add((String) value);
    }
    return values;
  }
}
