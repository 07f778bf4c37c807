package app.lumbra.careteam.persistence;

import app.lumbra.careteam.domain.CareTeamAssignment;
import app.lumbra.careteam.domain.CareTeamAssignmentRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
class JpaCareTeamAssignmentRepository implements CareTeamAssignmentRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaCareTeamAssignmentRepository() {}

  JpaCareTeamAssignmentRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<CareTeamAssignment> find(String patientId) {
    return Optional.ofNullable(em.find(CareTeamAssignment.class, patientId));
  }

  @Override
  public void add(CareTeamAssignment assignment) {
    em.persist(assignment);
    em.flush();
  }
}
