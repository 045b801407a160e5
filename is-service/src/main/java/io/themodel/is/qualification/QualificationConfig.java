package io.themodel.is.qualification;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** {@code themodel.qualification.bant-condition}: the BANT items that make a lead qualified. */
@ConfigMapping(prefix = "themodel.qualification")
public interface QualificationConfig {

  List<BantItem> bantCondition();
}
