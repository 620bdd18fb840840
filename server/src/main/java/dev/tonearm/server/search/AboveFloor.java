package dev.tonearm.server.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The top {@code n} hits that score at least a floor: a part of an answer whose other part already holds
 * {@code n} hits at or above the floor, so nothing below it can reach the merged top. Scorers are told the floor
 * from the first document, and skip the blocks whose score bound is under it; with the index in popularity order
 * ({@code IndexLayout}) that is most of the index. Hits under the floor may still be returned (skipping is by
 * blocks); the merge leaves them out.
 */
final class AboveFloor implements CollectorManager<AboveFloor.Floored, TopDocs> {
  private final TopScoreDocCollectorManager top;
  private final float floor;

  AboveFloor(int n, float floor) {
    this.top = new TopScoreDocCollectorManager(n, n);
    this.floor = floor;
  }

  @Override
  public Floored newCollector() throws IOException {
    return new Floored(top.newCollector(), floor);
  }

  @Override
  public TopDocs reduce(Collection<Floored> collectors) throws IOException {
    return top.reduce(collectors.stream().map(Floored::top).toList());
  }

  /** A top-n collector whose scorers never accept less than the floor. */
  static final class Floored extends FilterCollector {
    private final float floor;

    Floored(TopScoreDocCollector top, float floor) {
      super(top);
      this.floor = floor;
    }

    TopScoreDocCollector top() {
      return (TopScoreDocCollector) in;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          scorer.setMinCompetitiveScore(floor);
          super.setScorer(new FilterScorable(scorer) {
            @Override
            public void setMinCompetitiveScore(float minScore) throws IOException {
              in.setMinCompetitiveScore(Math.max(minScore, floor));
            }
          });
        }
      };
    }
  }
}
