package io.themodel.lead.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * {@code themodel.identity.*}: the golden master's reading/alias table ({@code reading:spelling}
 * pairs, e.g. {@code ピーピーティー:PPT}) and the free-mail domains whose email never identifies a
 * company.
 */
@ConfigMapping(prefix = "themodel.identity")
public interface IdentityConfig {

  Optional<List<String>> aliases();

  @WithDefault("gmail.com,yahoo.co.jp,hotmail.com,outlook.com,icloud.com")
  List<String> freeMailDomains();
}
