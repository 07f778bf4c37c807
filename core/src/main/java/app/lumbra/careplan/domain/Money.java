package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** An amount in a currency (ISO 4217), never negative, kept to the currency's minor unit. */
public record Money(BigDecimal amount, String currency) {

  public Money {
    InvalidValueException.required("amount", amount, "0 or more");
    if (amount.signum() < 0) {
      throw new InvalidValueException("amount", amount, "0 or more");
    }
    currency = currency(currency);
    amount = amount.setScale(2, RoundingMode.HALF_UP);
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  private static String currency(String code) {
    InvalidValueException.required("currency", code, "an ISO 4217 code such as EUR");
    try {
      return Currency.getInstance(code).getCurrencyCode();
    } catch (IllegalArgumentException unknown) {
      throw new InvalidValueException("currency", code, "an ISO 4217 code such as EUR");
    }
  }

  public Money times(long count) {
    return new Money(amount.multiply(BigDecimal.valueOf(count)), currency);
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount), currency);
  }

  public boolean exceeds(Money other) {
    return amount.compareTo(other.amount) > 0;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
