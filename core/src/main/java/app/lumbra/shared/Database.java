package app.lumbra.shared;

/** Names shared by the persistence unit, the schema migrations and the data source definition. */
public final class Database {
  /** JNDI name of Lumbra's data source, defined by the web module from configuration. */
  public static final String DATA_SOURCE = "java:app/jdbc/lumbra";

  /** Name of the JPA persistence unit in {@code META-INF/persistence.xml}. */
  public static final String PERSISTENCE_UNIT = "lumbra";

  private Database() {}
}
