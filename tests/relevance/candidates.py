#!/usr/bin/env python3
"""Draws candidate judged queries for the relevance suite from the shared data sets, with a fixed seed.

usage: candidates.py <datasetsDir> > candidates.tsv

Prints category, query, title, artist lines in the format of
server/src/main/resources/relevance/judgments.tsv. The output is a starting point: a person reviews it, drops
ambiguous lines (several tracks legitimately sharing the name) and keeps the rest unchanged. Popularity follows
RelevanceCorpus: Billboard weeks on chart, Spotify 10*log10(best weekly streams / 10,000), demo tracks 0.
"""
import csv, gzip, json, math, random, re, sys, unicodedata
from collections import defaultdict
from pathlib import Path

SEED = 20261122
ARTICLES = {"the", "a", "an", "le", "la", "les", "el", "los", "las", "die", "der", "das", "il"}
SPECIAL = str.maketrans({"ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ð": "d",
                         "\u2019": "'", "\u2018": "'"})
CREDIT = re.compile(r"\s*,\s*|\s+(?:&|x|\+|and|with|feat\.?|ft\.?|featuring|vs\.?)\s+", re.I)


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower().translate(SPECIAL))
    return "".join(c for c in s if not unicodedata.combining(c)).translate(SPECIAL)


def key(s):
    words = fold(s).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return re.sub(r"[\W_]+", "", " ".join(words))


def base(title):
    return re.sub(r"\s+(?:[(\[].*|-\s.*)$", "", title).strip()


def credits(artist):
    return [p for p in CREDIT.split(re.sub(r"[()\[\]]", " ", artist or "").strip()) if p] or [""]


def load(root):
    cat = Path(root) / "catalog" if (Path(root) / "catalog").is_dir() else Path(root)
    tracks = []
    demo = Path(__file__).resolve().parents[2] / "server/src/main/resources/demo/demo-catalog.jsonl.gz"
    with gzip.open(demo, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            tracks.append((r["title"], r.get("artist") or ", ".join(r.get("artists", [])), 0.0))
    with open(cat / "spotify-charts-2017/unique_tracks.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            pop = max(0.0, 10 * math.log10(max(1, int(r["max_weekly_streams"])) / 10000))
            tracks.append((r["track_name"], r["artist"], pop))
    with open(cat / "billboard-hot100/hot100_unique_songs.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            tracks.append((r["song"], r["artist"], float(r["weeks_total"])))
    return tracks


def main(root):
    rnd = random.Random(SEED)
    tracks = load(root)
    by_title = defaultdict(set)  # title key -> primary artist keys
    artist_pop = defaultdict(float)
    artist_name = {}
    for title, artist, pop in tracks:
        by_title[key(base(title))].add(key(credits(artist)[0]) if artist else "")
        for a in credits(artist or ""):
            artist_pop[key(a)] += pop
            artist_name.setdefault(key(a), a)
    unique = lambda title: len(by_title[key(base(title))]) == 1
    popular = sorted((t for t in tracks if t[2] > 0), key=lambda t: -t[2])[:3000]
    artists = sorted(artist_pop, key=lambda a: -artist_pop[a])[:600]
    out = []

    def emit(cat, query, title, artist):
        out.append((cat, query, title, artist))

    # exact: whole unique titles and whole artist names
    for title, artist, _ in rnd.sample(popular, 30):
        if unique(title):
            emit("exact", fold(base(title)), base(title), credits(artist)[0])
    for a in rnd.sample(artists, 15):
        emit("exact", fold(artist_name[a]), "*", artist_name[a])

    # prefix-1-5: the first k keystrokes of a popular title or artist; expected = the most popular track whose
    # title or credited artist (leading article dropped) starts with them; artist-level when it is the artist
    for k in range(1, 6):
        for _ in range(8):
            title, artist, _ = rnd.choice(popular[:1000])
            name = rnd.choice([base(title), credits(artist)[0]])
            typed = fold(name)[:k]
            if not typed.strip():
                continue
            p = key(typed)
            best = None
            for t, a, pop in popular:
                if key(base(t)).startswith(p) and (best is None or pop > best[2]):
                    best = (base(t), credits(a)[0], pop)
                for c in credits(a):
                    if key(c).startswith(p) and (best is None or pop > best[2]):
                        best = ("*", c, pop)
            if best:
                emit("prefix-1-5", typed, best[0], best[1])

    # typo: one edit (drop, double, swap, neighbour key) in a word of five or more letters
    keys = "qwertyuiop asdfghjkl zxcvbnm"
    def typo(word):
        i = rnd.randrange(1, len(word) - 1)
        kind = rnd.choice(["drop", "double", "swap", "near"])
        if kind == "drop":
            return word[:i] + word[i + 1:]
        if kind == "double":
            return word[:i] + word[i] + word[i:]
        if kind == "swap":
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        pos = keys.find(word[i])
        near = [keys[j] for j in (pos - 1, pos + 1) if 0 <= j < len(keys) and keys[j] != " "] if pos >= 0 else []
        return word[:i] + (rnd.choice(near) if near else "e") + word[i + 1:]
    for title, artist, _ in rnd.sample(popular, 60):
        name, is_artist = rnd.choice([(base(title), False), (credits(artist)[0], True)])
        words = fold(name).split()
        long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if len(words) > 4 or not long or (not is_artist and not unique(title)):
            continue
        i = rnd.choice(long)
        words[i] = typo(words[i])
        emit("typo", " ".join(words), "*" if is_artist else base(title), credits(artist)[0])

    nonascii_latin = lambda s: any(ord(c) > 127 and unicodedata.name(c, "").startswith("LATIN") for c in s)
    # diacritics: names with accented Latin letters, typed without the accents
    pool = [t for t in tracks if nonascii_latin(t[0]) or nonascii_latin(t[1])]
    for title, artist, _ in rnd.sample(pool, 40):
        if nonascii_latin(credits(artist)[0]) and rnd.random() < 0.5:
            emit("diacritics", fold(credits(artist)[0]), "*", credits(artist)[0])
        elif nonascii_latin(base(title)) and unique(title):
            emit("diacritics", fold(base(title)), base(title), credits(artist)[0])

    # punctuation: names with punctuation, typed without it
    punct = re.compile(r"[!$'’./&\-,?:]")
    pool = [t for t in popular if punct.search(base(t[0])) or punct.search(credits(t[1])[0])]
    for title, artist, _ in rnd.sample(pool, 45):
        a = credits(artist)[0]
        if punct.search(a) and rnd.random() < 0.4:
            emit("punctuation", re.sub(r"\s+", " ", re.sub(r"[!$'’./&\-,?:]", "", fold(a))).strip(), "*", a)
        elif punct.search(base(title)) and unique(title):
            emit("punctuation", re.sub(r"\s+", " ", re.sub(r"[!$'’./&\-,?:]", "", fold(base(title)))).strip(),
                 base(title), a)

    # article: names starting with an article, typed without it
    starts = lambda s: len(s.split()) > 1 and s.split()[0].lower() in ARTICLES
    pool = [t for t in popular if starts(base(t[0])) or starts(credits(t[1])[0])]
    for title, artist, _ in rnd.sample(pool, 40):
        a = credits(artist)[0]
        if starts(a) and rnd.random() < 0.5:
            emit("article", fold(a).split(" ", 1)[1], "*", a)
        elif starts(base(title)) and unique(title):
            emit("article", fold(base(title)).split(" ", 1)[1], base(title), a)

    # featured: a title with its featured artist, in either order
    feat = re.compile(r"\((?:feat\.|ft\.|featuring)\s+([^)]+)\)", re.I)
    pool = []
    for title, artist, pop in popular:
        m = feat.search(title)
        parts = credits(artist)
        guest = credits(m.group(1))[0] if m else (parts[1] if len(parts) > 1 else None)
        if guest and unique(title):
            pool.append((base(title), parts[0], guest))
    for title, main_artist, guest in rnd.sample(pool, 35):
        query = f"{fold(title)} {fold(guest)}" if rnd.random() < 0.5 else f"{fold(guest)} {fold(title)}"
        emit("featured", query, title, main_artist)

    # non-latin: titles and artists in other scripts, typed as written (Greek also without its accents)
    other = lambda s: any(ord(c) > 0x24f and unicodedata.category(c).startswith("L") for c in s)
    pool = [t for t in tracks if other(base(t[0])) or other(credits(t[1])[0])]
    for title, artist, _ in rnd.sample(pool, 40):
        a = credits(artist)[0]
        if other(a) and rnd.random() < 0.4:
            emit("non-latin", fold(a) if rnd.random() < 0.5 else a.lower(), "*", a)
        elif other(base(title)) and unique(title):
            emit("non-latin", fold(base(title)) if rnd.random() < 0.5 else base(title).lower(), base(title), a)

    seen = set()
    for line in out:
        if (line[0], line[1]) not in seen:
            seen.add((line[0], line[1]))
            print("\t".join(line))


if __name__ == "__main__":
    main(sys.argv[1])
