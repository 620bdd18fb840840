package dev.tonearm.server.search;

import dev.tonearm.catalog.Viewer;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.indexer.SearchSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Every credited artist of one index reader, looked up by the start of any word of its name, with the number of
 * tracks each kind of caller may see. Built once per reader (one facet count over the public and one over the
 * private tracks, and the private ones per owner), so a keystroke's artist suggestions cost a binary search and a
 * few counts instead of counting the artists of every matching track.
 */
final class ArtistDirectory {
  /** Prefixes up to this long keep their set of names. */
  static final int KEPT_PREFIX_CHARS = 2;
  private final String[] names;
  private final int[] publicTracks;
  private final int[] privateTracks;
  private final int maxPrivateTracks;
  /** Each name's analysed words run together. */
  private final String[] joined;
  private final Map<String, FixedBitSet> keptPrefixes = new ConcurrentHashMap<>();
  /** Owner → their private tracks per credited artist: what a listener sees beyond the public ones. */
  private final Map<String, Own> privateByOwner = new HashMap<>();
  /** The analysed words of every name (and each multi-word name run together), sorted, beside their name. */
  private final String[] words;
  private final int[] wordName;

  private ArtistDirectory(String[] names, int[] publicTracks, int[] privateTracks,
      Map<String, Map<String, Integer>> privateByOwner) {
    this.names = names;
    privateByOwner.forEach((owner, counts) -> this.privateByOwner.put(owner, Own.of(counts)));
    this.publicTracks = publicTracks;
    this.privateTracks = privateTracks;
    this.maxPrivateTracks = Arrays.stream(privateTracks).max().orElse(0);
    List<Map.Entry<String, Integer>> entries = new ArrayList<>();
    this.joined = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      List<String> nameWords = NameMatch.words(names[i]);
      joined[i] = String.join("", nameWords);
      for (String word : nameWords) {
        entries.add(Map.entry(word, i));
      }
      if (nameWords.size() > 1) {
        entries.add(Map.entry(String.join("", nameWords), i));
      }
    }
    entries.sort(Map.Entry.comparingByKey());
    words = new String[entries.size()];
    wordName = new int[entries.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = entries.get(i).getKey();
      wordName[i] = entries.get(i).getValue();
    }
  }

  /** The directory of {@code searcher}'s reader; {@code table} is that reader's facet table. */
  static ArtistDirectory build(IndexSearcher searcher, FacetTable table) throws IOException {
    Map<String, Integer> publicCounts = counts(searcher, table, visibility(Visibility.PUBLIC));
    Map<String, Integer> privateCounts = counts(searcher, table, visibility(Visibility.PRIVATE));
    Set<String> all = new LinkedHashSet<>(publicCounts.keySet());
    all.addAll(privateCounts.keySet());
    // Most public tracks first: a lookup visits names in that order and stops once no later one can place.
    String[] names = all.stream()
        .sorted(Comparator.comparingInt((String name) -> -publicCounts.getOrDefault(name, 0))
            .thenComparing(Comparator.naturalOrder()))
        .toArray(String[]::new);
    int[] publicTracks = new int[names.length];
    int[] privateTracks = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      publicTracks[i] = publicCounts.getOrDefault(names[i], 0);
      privateTracks[i] = privateCounts.getOrDefault(names[i], 0);
    }
    return new ArtistDirectory(names, publicTracks, privateTracks,
        privateByOwner(searcher.getIndexReader(), table.state().getField()));
  }

  /**
   * One owner's private tracks per credited artist, and the most of any one artist: how far a name's count can
   * pass its public count for them.
   */
  private record Own(Map<String, Integer> byArtist, int most) {
    static final Own NONE = new Own(Map.of(), 0);

    static Own of(Map<String, Integer> byArtist) {
      return new Own(byArtist, byArtist.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }
  }

  /** One suggested artist: its name and how many tracks the caller may see. */
  record Artist(String name, int trackCount, boolean whole) {}

  /**
   * The artists whose name {@code typed} is being typed into, that have a track the viewer may see: names the
   * typed words make whole first, then by those tracks, most first.
   */
  List<Artist> find(Viewer viewer, NameMatch typed, int limit) {
    if (typed.words().isEmpty()) {
      return List.of();
    }
    FixedBitSet candidates = startingWith(typed.words().get(0));
    if (typed.words().size() > 1) {
      candidates = candidates.clone();
      for (String word : typed.words().subList(1, typed.words().size())) {
        candidates.and(startingWith(word));
      }
    }
    Own own = viewer.admin() ? Own.NONE : privateByOwner.getOrDefault(viewer.userId(), Own.NONE);
    // The most a name's count can exceed its public count for this viewer: names come by public count, so once
    // a name's public count plus this cannot pass the worst kept one, no later name can either.
    int extra = viewer.admin() ? maxPrivateTracks : own.most();
    Comparator<Artist> order = Comparator.comparing(Artist::whole).thenComparingInt(Artist::trackCount);
    PriorityQueue<Artist> best = new PriorityQueue<>(limit + 1, order);
    int[] whole = wholeNames(typed);
    // Whole names first: they rank above every other, whatever their counts.
    for (int i : whole) {
      if (candidates.get(i)) {
        offer(best, limit, names[i], tracks(viewer, own, i), true);
      }
    }
    for (int i = nextName(candidates, 0); i != NONE; i = nextName(candidates, i + 1)) {
      Artist worst = best.size() < limit ? null : best.peek();
      if (worst != null && (worst.whole() || publicTracks[i] + extra <= worst.trackCount())) {
        break;
      }
      if (Arrays.binarySearch(whole, i) < 0) {
        offer(best, limit, names[i], tracks(viewer, own, i), false);
      }
    }
    List<Artist> found = new ArrayList<>(best);
    found.sort(order.reversed().thenComparing(Artist::name));
    return found;
  }

  private int tracks(Viewer viewer, Own own, int i) {
    return publicTracks[i] + (viewer.admin() ? privateTracks[i] : own.byArtist().getOrDefault(names[i], 0));
  }

  private static void offer(PriorityQueue<Artist> best, int limit, String name, int tracks, boolean isWhole) {
    Artist worst = best.size() < limit ? null : best.peek();
    if (tracks > 0 && (worst == null || worst.whole() == isWhole && worst.trackCount() < tracks
        || !worst.whole() && isWhole)) {
      best.add(new Artist(name, tracks, isWhole));
      if (best.size() > limit) {
        best.poll();
      }
    }
  }

  private static final int NONE = -1;

  private static int nextName(FixedBitSet names, int from) {
    if (from >= names.length()) {
      return NONE;
    }
    int next = names.nextSetBit(from);
    return next == DocIdSetIterator.NO_MORE_DOCS ? NONE : next;
  }

  /**
   * Names the typed words make whole: the name's words run together equal the typed words run together (as
   * {@link NameMatch#isWhole}), found among the entries that equal them; sorted, a handful at most.
   */
  private int[] wholeNames(NameMatch typed) {
    String key = String.join("", typed.words());
    IntStream.Builder found = IntStream.builder();
    for (int i = lowerBound(key); i < words.length && words[i].equals(key); i++) {
      if (joined[wordName[i]].equals(key)) {
        found.add(wordName[i]);
      }
    }
    return found.build().sorted().distinct().toArray();
  }

  /**
   * Names with a word (or the whole name run together) that starts with {@code prefix}; not to be changed. The
   * sets of the shortest prefixes, the first keystrokes, are large and asked for all the time: they are kept.
   */
  private FixedBitSet startingWith(String prefix) {
    if (prefix.length() <= KEPT_PREFIX_CHARS) {
      return keptPrefixes.computeIfAbsent(prefix, this::collectStartingWith);
    }
    return collectStartingWith(prefix);
  }

  private FixedBitSet collectStartingWith(String prefix) {
    FixedBitSet set = new FixedBitSet(Math.max(1, names.length));
    int from = lowerBound(prefix);
    for (int i = from; i < words.length && words[i].startsWith(prefix); i++) {
      set.set(wordName[i]);
    }
    return set;
  }

  private int lowerBound(String key) {
    int low = 0;
    int high = words.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (words[mid].compareTo(key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static Query visibility(Visibility visibility) {
    return new TermQuery(new Term(SearchSchema.VISIBILITY, visibility.wireName()));
  }

  /**
   * Private tracks per owner and credited artist. Private tracks are a small part of a catalog: each owner's are
   * found through the owner field's postings, their facet ordinals counted, and only the distinct ones looked up.
   */
  private static Map<String, Map<String, Integer>> privateByOwner(IndexReader reader, String facetField)
      throws IOException {
    String dimension = SearchSchema.ARTIST + FacetsConfig.DELIM_CHAR;
    Term privateTerm = new Term(SearchSchema.VISIBILITY, Visibility.PRIVATE.wireName());
    Map<String, Map<String, Integer>> byOwner = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FixedBitSet privateDocs = liveDocsOf(leaf.reader(), privateTerm);
      Terms owners = leaf.reader().terms(SearchSchema.OWNER);
      if (privateDocs == null || owners == null) {
        continue;
      }
      TermsEnum owner = owners.iterator();
      PostingsEnum docs = null;
      for (BytesRef term = owner.next(); term != null; term = owner.next()) {
        docs = owner.postings(docs, PostingsEnum.NONE);
        SortedSetDocValues ords = DocValues.getSortedSet(leaf.reader(), facetField);
        Map<Long, Integer> perOrd = new HashMap<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (privateDocs.get(doc) && ords.advanceExact(doc)) {
            for (int i = 0; i < ords.docValueCount(); i++) {
              perOrd.merge(ords.nextOrd(), 1, Integer::sum);
            }
          }
        }
        if (perOrd.isEmpty()) {
          continue;
        }
        Map<String, Integer> counts = byOwner.computeIfAbsent(term.utf8ToString(), o -> new HashMap<>());
        for (Map.Entry<Long, Integer> e : perOrd.entrySet()) {
          String path = ords.lookupOrd(e.getKey()).utf8ToString();
          if (path.startsWith(dimension)) {
            counts.merge(path.substring(dimension.length()), e.getValue(), Integer::sum);
          }
        }
      }
    }
    return byOwner;
  }

  /** The live documents of {@code leaf} holding {@code term}, or null if none does. */
  private static FixedBitSet liveDocsOf(LeafReader leaf, Term term) throws IOException {
    Terms terms = leaf.terms(term.field());
    TermsEnum te = terms == null ? null : terms.iterator();
    if (te == null || !te.seekExact(term.bytes())) {
      return null;
    }
    FixedBitSet set = new FixedBitSet(leaf.maxDoc());
    PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
    Bits live = leaf.getLiveDocs();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (live == null || live.get(doc)) {
        set.set(doc);
      }
    }
    return set;
  }

  /** Tracks per credited artist among those {@code query} matches. */
  private static Map<String, Integer> counts(IndexSearcher searcher, FacetTable table, Query query)
      throws IOException {
    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
    Map<String, Integer> counts = new HashMap<>();
    if (hits.getMatchingDocs().stream().allMatch(m -> m.totalHits() == 0)) {
      return counts;
    }
    FacetResult all = table.count(hits).getAllChildren(SearchSchema.ARTIST);
    if (all != null) {
      for (LabelAndValue lv : all.labelValues) {
        counts.put(lv.label, lv.value.intValue());
      }
    }
    return counts;
  }
}
