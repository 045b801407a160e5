package io.themodel.platform.store;

import io.themodel.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the contract's codec (envelope, data, schemas) injectable; built once per service. */
@ApplicationScoped
public class CodecProducer {

  @Produces
  @Singleton
  EventCodec codec() {
    return new EventCodec();
  }
}
