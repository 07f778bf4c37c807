package app.lumbra.outcome.domain;

import app.lumbra.shared.InvalidValueException;

/** Who did something, as the records keep it: a non-blank name of at most 200 characters. */
final class Authors {

  static final int MAX = 200;

  private Authors() {}

  static String check(String author) {
    if (author == null || author.isBlank() || author.length() > MAX) {
      throw new InvalidValueException(
          "author", author, "a non-blank name of at most " + MAX + " characters");
    }
    return author.strip();
  }

  static String note(String note, int max) {
    if (note == null || note.isBlank()) {
      return null;
    }
    if (note.length() > max) {
      throw new InvalidValueException("note", note.length() + " characters", "at most " + max);
    }
    return note.strip();
  }
}
