package dev.tonearm.server.recommend;

import dev.tonearm.catalog.RatingRepository;
import dev.tonearm.catalog.TrackRating;
import dev.tonearm.catalog.Viewer;
import dev.tonearm.indexer.AudioVectors;
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
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** Similar tracks and personal recommendations (from the caller's ratings and tracks), both diversified by artist. */
public final class RecommendService {
  /** How much each shared trait weighs in similarity: the same artist counts most. */
  static final Map<String, Float> TRAIT_WEIGHTS = Map.of(SearchSchema.ARTIST, 4f, SearchSchema.GENRE, 2f,
      SearchSchema.ALBUM, 1.5f, SearchSchema.DECADE, 1f);
  /** How much sounding alike weighs (the vector part scores 1 / (1 + d²), so at most this). */
  static final float SOUND_WEIGHT = 3f;
  static final int MAX_PER_ARTIST = 2;
  static final int CANDIDATES_PER_RESULT = 10;
  static final int HISTORY = 200;
  /** Stars from which a rating says "more like this", and up to which it says "never this". */
  static final int LIKED = 4;
  static final int DISLIKED = 2;
  /** Traits a personal query holds at most: the heaviest, well under Lucene's clause limit. */
  static final int TASTE_TERMS = 200;

  private final SearchIndex index;
  private final RatingRepository ratings;

  public RecommendService(SearchIndex index, RatingRepository ratings) {
    this.index = index;
    this.ratings = ratings;
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
      int seedDoc = seed.scoreDocs[0].doc;
      BooleanQuery.Builder traits = new BooleanQuery.Builder();
      // Traits are what the music is (artist, genre, album, era); a rating bucket says nothing of that.
      FacetLabels.of(searcher, seedDoc).forEach((dim, labels) -> labels.stream()
          .filter(label -> TRAIT_WEIGHTS.containsKey(dim))
          .forEach(label -> traits.add(new BoostQuery(trait(dim, label), TRAIT_WEIGHTS.get(dim)), Occur.SHOULD)));
      Query query = new BooleanQuery.Builder()
          .add(alike(traits.build(), AudioVectors.ofDocument(searcher, seedDoc), viewer, id, limit), Occur.MUST)
          .add(popularity(), Occur.SHOULD)
          .add(new TermQuery(new Term(SearchSchema.ID, id)), Occur.MUST_NOT)
          .add(TrackQueries.visibleTo(viewer), Occur.FILTER)
          .build();
      return Map.of("seed", id, "tracks", diversified(searcher, query, limit));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * What a similar track must have: a shared trait, or, when the seed's sound is known, a place among the
   * {@code limit × }{@value #CANDIDATES_PER_RESULT} tracks that sound nearest to it (weighted {@value #SOUND_WEIGHT}:
   * a near sound lifts a track above those sharing only the era, about as much as a shared genre, never above the
   * seed's own artist). Only tracks the viewer may see are candidates. A seed without features is matched on its
   * traits alone, exactly as before sound was known.
   */
  private static Query alike(Query traits, float[] sound, Viewer viewer, String seedId, int limit) {
    if (sound == null) {
      return traits;
    }
    Query candidates = new BooleanQuery.Builder()
        .add(TrackQueries.visibleTo(viewer), Occur.FILTER)
        .add(new TermQuery(new Term(SearchSchema.ID, seedId)), Occur.MUST_NOT)
        .build();
    Query near = AudioVectors.nearest(sound, limit * CANDIDATES_PER_RESULT, candidates);
    return new BooleanQuery.Builder()
        .add(traits, Occur.SHOULD)
        .add(new BoostQuery(near, SOUND_WEIGHT), Occur.SHOULD)
        .build();
  }

  /**
   * For the caller, from what they rate and keep: the artists and genres of the tracks they rated {@value
   * #LIKED} stars or more weigh most, the genres of their own tracks after; the most popular of the rest fill what
   * those leave of the page (all of it without either). Never a track they rated (the ones rated {@value
   * #DISLIKED} or less least of all) or one of their own.
   */
  public Map<String, Object> forCaller(Viewer viewer, int limit) throws IOException {
    List<TrackRating> rated = ratings.byUser(viewer.userId(), HISTORY);
    ReferenceManager<IndexSearcher> manager = index.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      Map<String, Map<String, Float>> taste = new HashMap<>();
      List<String> liked = rated.stream().filter(r -> r.stars() >= LIKED).map(TrackRating::trackId).toList();
      for (ScoreDoc hit : searcher.search(tracks(liked, viewer), HISTORY).scoreDocs) {
        Map<String, List<String>> labels = FacetLabels.of(searcher, hit.doc);
        labels.getOrDefault(SearchSchema.ARTIST, List.of()).forEach(a -> weigh(taste, SearchSchema.ARTIST, a, 4f));
        labels.getOrDefault(SearchSchema.GENRE, List.of()).forEach(g -> weigh(taste, SearchSchema.GENRE, g, 2f));
      }
      boolean fromRatings = !taste.isEmpty();
      Term mine = new Term(SearchSchema.OWNER, viewer.userId());
      for (ScoreDoc own : searcher.search(new TermQuery(mine), HISTORY).scoreDocs) {
        FacetLabels.of(searcher, own.doc).getOrDefault(SearchSchema.GENRE, List.of())
            .forEach(g -> weigh(taste, SearchSchema.GENRE, g, 1f));
      }
      BooleanQuery.Builder query = new BooleanQuery.Builder()
          .add(TrackQueries.visibleTo(viewer), Occur.FILTER)
          .add(new TermQuery(mine), Occur.MUST_NOT)
          .add(ids(rated.stream().map(TrackRating::trackId).toList()), Occur.MUST_NOT)
          .add(popularity(), Occur.SHOULD);
      // Taste ranks first; the most popular of the rest fill the page, so a narrow history never leaves it empty.
      query.add(new MatchAllDocsQuery(), Occur.MUST);
      if (!taste.isEmpty()) {
        query.add(near(taste), Occur.SHOULD);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("basis", fromRatings ? "your ratings" : taste.isEmpty() ? "popular" : "genres of your tracks");
      body.put("tracks", diversified(searcher, query.build(), limit));
      return body;
    } finally {
      manager.release(searcher);
    }
  }

  private static void weigh(Map<String, Map<String, Float>> taste, String dim, String label, float weight) {
    taste.computeIfAbsent(dim, d -> new HashMap<>()).merge(label, weight, Float::sum);
  }

  /** Any of the heaviest {@value #TASTE_TERMS} traits, each boosted by its weight. */
  private static Query near(Map<String, Map<String, Float>> taste) {
    BooleanQuery.Builder near = new BooleanQuery.Builder();
    taste.entrySet().stream()
        .flatMap(dim -> dim.getValue().entrySet().stream().map(e -> Map.entry(trait(dim.getKey(), e.getKey()),
            e.getValue())))
        .sorted(Map.Entry.<Query, Float>comparingByValue().reversed())
        .limit(TASTE_TERMS)
        .forEach(e -> near.add(new BoostQuery(e.getKey(), e.getValue()), Occur.SHOULD));
    return near.build();
  }

  /** The tracks with these ids that {@code viewer} may see. */
  private static Query tracks(List<String> ids, Viewer viewer) {
    return new BooleanQuery.Builder().add(ids(ids), Occur.MUST).add(TrackQueries.visibleTo(viewer), Occur.FILTER)
        .build();
  }

  private static Query ids(List<String> ids) {
    return new TermInSetQuery(SearchSchema.ID, ids.stream().map(BytesRef::new).toList());
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
