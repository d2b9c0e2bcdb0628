package dev.pgdesk.connect;

/** A problem with one field of a profile, worded for the user: what is wrong and how to fix it. */
public record FieldError(ProfileField field, String message) {}
