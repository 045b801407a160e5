package io.themodel.platform.command;

import io.themodel.platform.store.StoredEvent;
import java.util.List;

/** What a command did: the state after it and the events it appended (none if it was a no-op). */
public record Decision<S>(S state, List<StoredEvent> events) {}
