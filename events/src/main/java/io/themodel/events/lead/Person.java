package io.themodel.events.lead;

/** The person behind a lead, as entered. Personal data: never logged. */
public record Person(String name, String email, String phone, String title) {}
