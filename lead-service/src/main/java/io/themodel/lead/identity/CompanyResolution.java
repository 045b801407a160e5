package io.themodel.lead.identity;

import io.themodel.events.lead.CompanyMatch;
import java.util.UUID;

/** The golden master's answer for one lead: its company, the normalised key and how it matched. */
public record CompanyResolution(UUID companyId, String normalisedKey, CompanyMatch match) {}
