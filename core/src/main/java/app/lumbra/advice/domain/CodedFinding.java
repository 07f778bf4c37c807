package app.lumbra.advice.domain;

/** A coded problem the EHR sent with its request (a Condition's code): system, code, its text. */
public record CodedFinding(String system, String code, String text) {}
