package io.themodel.success.renewal;

import io.themodel.platform.problem.InvalidParameter;
import io.themodel.success.customer.Customer;
import io.themodel.success.customer.CustomerResource.CustomerResponse;
import io.themodel.success.customer.CustomerView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Renewals (契約更新) due in a period: customers whose current term ends in it. */
@Path("/renewals")
public class RenewalsDueResource {

  /** Customers (not churned) whose current term ends between {@code from} and {@code to}. */
  @GET
  public List<CustomerResponse> due(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (last.isBefore(first)) {
      throw new InvalidParameter("to", "must not be before from");
    }
    List<CustomerView> views =
        CustomerView.list(
            "contractEnd between ?1 and ?2 and status <> ?3 order by contractEnd, accountId",
            first,
            last,
            Customer.Status.CHURNED);
    return views.stream().map(CustomerResponse::of).toList();
  }

  private static LocalDate date(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameter(parameter, "is required (a date such as 2026-12-31)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(parameter, "must be a date such as 2026-12-31");
    }
  }
}
