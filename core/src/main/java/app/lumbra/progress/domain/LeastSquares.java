package app.lumbra.progress.domain;

import java.util.List;
import java.util.OptionalDouble;

/** Ordinary least-squares slope of y over x, used for the PROG-4 plateau. */
public final class LeastSquares {

  private LeastSquares() {}

  /** A point of the fit. */
  public record Point(double x, double y) {}

  /** The slope, or empty with fewer than two distinct x values. */
  public static OptionalDouble slope(List<Point> points) {
    int n = points.size();
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double meanX = points.stream().mapToDouble(Point::x).average().orElseThrow();
    double meanY = points.stream().mapToDouble(Point::y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (Point p : points) {
      sxy += (p.x() - meanX) * (p.y() - meanY);
      sxx += (p.x() - meanX) * (p.x() - meanX);
    }
    return sxx == 0 ? OptionalDouble.empty() : OptionalDouble.of(sxy / sxx);
  }
}
