package dev.tonearm.server.recommend;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.indexer.SearchSchema;
import dev.tonearm.indexer.TrackQueries;
import dev.tonearm.server.http.Problem;
import dev.tonearm.server.search.SearchIndex;
import dev.tonearm.server.search.StoredTrack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Similar tracks and personal recommendations, both diversified by artist. */
public final class RecommendService {
  /** How much each shared trait weighs in similarity: the same artist counts most. */
  static final Map<String, Float> TRAIT_WEIGHTS = Map.of(SearchSchema.ARTIST, 4f, SearchSchema.GENRE, 2f,
      SearchSchema.ALBUM, 1.5f, SearchSchema.DECADE, 1f);
  static final int MAX_PER_ARTIST = 2;
  static final int CANDIDATES_PER_RESULT = 10;
  static final int HISTORY = 200;

  private final SearchIndex index;

  public RecommendService(SearchIndex index) {
    this.index = index;
  }

  public Map<String, Object> similar(Viewer viewer, String id, int limit) throws IOException {
    ReferenceManager<IndexSearcher> manager = index.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs seed = searcher.search(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(SearchSchema.ID, id)), Occur.MUST)
          .add(TrackQueries.visibleTo(viewer), Occur.FILTER).build(), 1);
      if (seed.scoreDocs.length == 0) {
        throw Problem.notFound("no track with id '" + id + "'");
      }
      BooleanQuery.Builder traits = new BooleanQuery.Builder();
      // Traits are what the music is (artist, genre, album, era); a rating bucket says nothing of that.
      FacetLabels.of(searcher, seed.scoreDocs[0].doc).forEach((dim, labels) -> labels.stream()
          .filter(label -> TRAIT_WEIGHTS.containsKey(dim))
          .forEach(label -> traits.add(new BoostQuery(trait(dim, label), TRAIT_WEIGHTS.get(dim)), Occur.SHOULD)));
      Query query = new BooleanQuery.Builder()
          .add(traits.build(), Occur.MUST)
          .add(popularity(), Occur.SHOULD)
          .add(new TermQuery(new Term(SearchSchema.ID, id)), Occur.MUST_NOT)
          .add(TrackQueries.visibleTo(viewer), Occur.FILTER)
          .build();
      return Map.of("seed", id, "tracks", diversified(searcher, query, limit));
    } finally {
      manager.release(searcher);
    }
  }

  public Map<String, Object> forCaller(Viewer viewer, int limit) throws IOException {
    ReferenceManager<IndexSearcher> manager = index.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      Term mine = new Term(SearchSchema.OWNER, viewer.userId());
      Map<String, Integer> genres = new HashMap<>();
      for (ScoreDoc own : searcher.search(new TermQuery(mine), HISTORY).scoreDocs) {
        FacetLabels.of(searcher, own.doc).getOrDefault(SearchSchema.GENRE, List.of())
            .forEach(g -> genres.merge(g, 1, Integer::sum));
      }
      BooleanQuery.Builder query = new BooleanQuery.Builder()
          .add(TrackQueries.visibleTo(viewer), Occur.FILTER)
          .add(new TermQuery(mine), Occur.MUST_NOT)
          .add(popularity(), Occur.SHOULD);
      if (genres.isEmpty()) {
        query.add(new MatchAllDocsQuery(), Occur.MUST);
      } else {
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        genres.forEach((genre, count) -> near.add(new BoostQuery(trait(SearchSchema.GENRE, genre), count), Occur.SHOULD));
        query.add(near.build(), Occur.MUST);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("basis", genres.isEmpty() ? "popular" : "genres of your tracks");
      body.put("tracks", diversified(searcher, query.build(), limit));
      return body;
    } finally {
      manager.release(searcher);
    }
  }

  /** The best {@code limit} hits with at most {@value #MAX_PER_ARTIST} per display artist. */
  private static List<Map<String, Object>> diversified(IndexSearcher searcher, Query query, int limit)
      throws IOException {
    List<Map<String, Object>> picked = new ArrayList<>();
    Map<String, Integer> perArtist = new HashMap<>();
    for (ScoreDoc hit : searcher.search(query, limit * CANDIDATES_PER_RESULT).scoreDocs) {
      Document doc = searcher.storedFields().document(hit.doc);
      String artist = String.valueOf(doc.get(SearchSchema.ARTIST));
      if (perArtist.merge(artist, 1, Integer::sum) > MAX_PER_ARTIST) {
        continue;
      }
      picked.add(StoredTrack.of(doc));
      if (picked.size() == limit) {
        break;
      }
    }
    return picked;
  }

  private static Query trait(String dim, String label) {
    return new TermQuery(DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, dim, label));
  }

  private static Query popularity() {
    return FeatureField.newSaturationQuery(SearchSchema.FEATURES, SearchSchema.POPULARITY);
  }
}
