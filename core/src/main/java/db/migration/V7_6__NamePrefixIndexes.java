package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes for the name prefix searches (FHIR-9: Patient family, given, name, birthdate+family). A
 * search term is a {@code LIKE 'term%'} on the lower-cased name keys. H2 answers that from a plain
 * index; PostgreSQL only from a {@code varchar_pattern_ops} index unless the database collation is
 * C, and H2 does not know operator classes, so one script cannot serve both.
 */
public class V7_6__NamePrefixIndexes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    boolean postgresql =
        context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
    String prefix = postgresql ? " varchar_pattern_ops" : "";
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(
          "CREATE INDEX ix_patient_family_prefix_birth ON patient (family_name_key"
              + prefix
              + ", birth_date)");
      if (postgresql) {
        // H2 already answers these from ix_patient_family_name_key and ix_patient_given_names_key.
        statement.execute(
            "CREATE INDEX ix_patient_given_names_prefix ON patient (given_names_key"
                + prefix
                + ")");
      }
    }
  }
}
