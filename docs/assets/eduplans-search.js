/* eduplans search: the browser side of the static bigram index written by
 * generator/site/search.py (read its docstring for the files and their format).
 *
 * A query is converted to simplified script, normalized like the index (form),
 * cut into keys (keysOf); only the shards of those keys are loaded, the rarest
 * postings intersected, and the phrase is verified on the items' text, so that
 * 上合 never matches 上…合 and 30所 never matches 130所. A query without an exact
 * match shows the items holding most of its keys, marked as closest matches.
 * Hits are ranked before they are paged (ordered): the words in the title first (the
 * index says which postings are title hits), then how often the words occur, then in
 * the opening sentence, then newest; or newest first when the reader asks (sort=new).
 * Files are loaded as scripts (they call eduplansSearch.put), which works over
 * file:// in the offline bundle, where fetch is refused.
 * Everything from the index reaches the page as text nodes, never as markup. */
(function () {
  "use strict";
  var box = document.getElementById("eduplans-search");
  if (!box) return;
  var INDEX = box.getAttribute("data-index"), ROOT = box.getAttribute("data-root");
  var PAGE = 20;          // hits shown at a time
  var VERIFY_FILES = 40;  // candidates in at most this many item files are all verified: counts are exact
  var SNIPPET = 60;       // characters shown each side of a match
  var DROP = /[\s\u200b“”‘’"'《》〈〉「」『』【】()（）]/u;  // as search.DROP
  var WORD = /[\p{L}\p{N}_]/u;                        // as search.RUN (\w)
  var FIELDS = "|";                                   // as search.FIELDS
  var FACETS = [["year", "年份"], ["province", "省份"], ["level", "层级"], ["locality", "地区"], ["theme", "主题"]];
  var TOP = 8;            // facet values shown before "更多"
  var PARAMS = ["q", "sort"].concat(FACETS.map(function (f) { return f[0]; }));  // the state in the URL

  var NEWEST = "new";     // ?sort=new: newest first instead of best match first
  var SORTS = [["", "相关度优先"], [NEWEST, "最新优先"]];

  var waiting = {}, loading = {}, decoded = {}, titled = {}, inflated = {}, meta = null, t2s = {}, firsts = [], places = null;
  window.eduplansSearch = {put: function (name, data) {
    var done = waiting[name];
    if (done) { delete waiting[name]; done(data); }
  }};

  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var tag = document.createElement("script");
        tag.src = INDEX + name + ".js";
        tag.onerror = function () { delete loading[name]; reject(new Error("search index file missing: " + name)); };
        document.head.appendChild(tag);
      });
    }
    return loading[name];
  }

  /* ---- the rules shared with generator/site/search.py ---- */
  function form(text, map) {
    // with map: for each UTF-16 unit of the result, where its source character starts and
    // ends in text (string indexes count UTF-16 units on both sides)
    var out = "", from = [], to = [], i = 0;
    for (var ch of text) {
      for (var c of ch.normalize("NFKC").toLowerCase()) {
        if (DROP.test(c)) continue;
        out += c;
        if (map) for (var k = 0; k < c.length; k++) { from.push(i); to.push(i + ch.length); }
      }
      i += ch.length;
    }
    return map ? {text: out, from: from, to: to} : out;
  }
  function keysOf(formed) {
    var found = [], run = [];
    function flush() {
      if (run.length === 1) found.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) found.push(run[i] + run[i + 1]);
      run = [];
    }
    for (var c of formed) { if (WORD.test(c)) run.push(c); else flush(); }
    flush();
    return Array.from(new Set(found));
  }
  function shardOf(key, shards) {
    var value = 0;
    for (var c of key) value = (Math.imul(value, 31) + c.codePointAt(0)) >>> 0;
    return value % shards;
  }
  function ownFile(key) {
    return "p/" + Array.from(key, function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }
  function decode(text) {
    var bytes = atob(text), out = [], number = -1, delta = 0, shift = 0;
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes.charCodeAt(i);
      delta += (b & 0x7f) * Math.pow(2, shift);
      if (b & 0x80) { shift += 7; } else { number += delta + 1; out.push(number); delta = 0; shift = 0; }
    }
    return out;
  }
  window.eduplansSearch.rules = {form: form, keysOf: keysOf, shardOf: shardOf, decode: decode};

  function simplified(text) {
    return Array.from(text, function (c) { return t2s[c] || c; }).join("");
  }

  /* ---- postings ---- */
  function entry(key) {
    return load("k/" + shardOf(key, meta.shards)).then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
    });
  }
  function postings(key, value) {
    // "<postings>" or "<postings>,<title ranks>": which of the postings are items whose title holds the key
    if (decoded[key]) return Promise.resolve(decoded[key]);
    var text = typeof value === "string" ? Promise.resolve(value) : load(ownFile(key));
    return text.then(function (t) {
      var parts = t.split(","), list = decode(parts[0]);
      titled[key] = parts.length > 1 ? decode(parts[1]).map(function (rank) { return list[rank]; }) : [];
      return (decoded[key] = list);
    });
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  function rarity(x) {  // inline postings (their length) come before the frequent keys with own files
    if (typeof x.value !== "string") return 1e9 + x.value;
    var cut = x.value.indexOf(",");
    return cut < 0 ? x.value.length : cut;
  }

  /* ---- the query ---- */
  function parse(query) {
    // words that name a place (青岛, 荣成市) narrow the search to it when other words remain
    // (青岛 双减); a query of place names alone is searched as text, with links to the places
    var words = [];
    simplified(query).split(/\s+/).forEach(function (word) {
      var formed = form(word), keys = keysOf(formed);
      if (keys.length) words.push({form: formed, keys: keys, place: placeOf(formed)});
    });
    var text = words.filter(function (w) { return w.place === null; });
    var named = words.filter(function (w) { return w.place !== null; }).map(function (w) { return w.place; });
    return {terms: text.length ? text : words, places: text.length ? named : [], suggest: named};
  }
  function placeOf(formed) {
    if (!places) {  // names and aliases of every locality, formed once; the first locality holding one keeps it
      places = new Map();
      meta.localities.forEach(function (loc, at) {
        [loc[0]].concat(loc[1]).forEach(function (name) { if (!places.has(form(name))) places.set(form(name), at); });
      });
    }
    return places.has(formed) ? places.get(formed) : null;
  }
  function edge(c) { return c === undefined ? "" : /[0-9]/.test(c) ? "digit" : /[a-z]/.test(c) ? "letter" : ""; }
  function needsCheck(term) {  // a digit or a letter at either end must not continue a longer number or word
    return edge(term.form[0]) !== "" || edge(term.form[term.form.length - 1]) !== "";
  }
  function occurrences(text, term) {  // start positions of term in the formed text, number and word edges kept
    var found = [], at = text.indexOf(term.form);
    var first = edge(term.form[0]), last = edge(term.form[term.form.length - 1]);
    while (at >= 0) {
      var before = text[at - 1], after = text[at + term.form.length];
      var clean = (!first || (edge(before) !== first && !(first === "digit" && before === ".")))
        && (!last || edge(after) !== last);
      if (clean) found.push(at);
      at = text.indexOf(term.form, at + 1);
    }
    return found;
  }

  /* ---- filters ---- */
  function planOf(item) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (firsts[mid] <= item) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function within(locality, wanted) {
    for (var at = locality; at >= 0; at = meta.localities[at][4]) if (at === wanted) return true;
    return false;
  }
  function planId(plan) {  // [locality, year, items, id after the locality's id (, whole id)]
    var row = meta.plans[plan];
    return row.length > 4 ? row[4] : meta.localities[row[0]][5] + row[3];
  }
  function planLabel(plan) {
    var row = meta.plans[plan];
    return meta.label.replace("{locality}", meta.localities[row[0]][0]).replace("{year}", String(row[1]));
  }
  function facetValues(plan) {
    var row = meta.plans[plan], loc = meta.localities[row[0]];
    return {year: String(row[1]), province: meta.provinces[loc[2]], level: meta.levels[loc[3]], locality: loc[5]};
  }
  function planFilter(state, places) {
    var locs = places.slice();
    if (state.locality) {
      var at = meta.localities.findIndex(function (l) { return l[5] === state.locality; });
      locs.push(at);
    }
    return function (plan) {
      var values = facetValues(plan), row = meta.plans[plan];
      return (!state.year || values.year === state.year) && (!state.province || values.province === state.province)
        && (!state.level || values.level === state.level)
        && locs.every(function (l) { return within(row[0], l); });
    };
  }
  function themeFilter(state) {
    var at = meta.themes.findIndex(function (t) { return t[0] === state.theme; });
    if (!state.theme) return Promise.resolve(null);
    if (at < 0) return Promise.resolve([]);
    return load("t/" + at).then(decode, function () { return []; });
  }

  /* ---- search ---- */
  function candidates(terms) {
    var keys = Array.from(new Set([].concat.apply([], terms.map(function (t) { return t.keys; }))));
    return Promise.all(keys.map(entry)).then(function (values) {
      var info = keys.map(function (k, i) { return {key: k, value: values[i]}; });
      if (info.some(function (x) { return x.value === null; })) return {items: [], complete: true, info: info};
      info.sort(function (a, b) { return rarity(a) - rarity(b); });
      var inline = info.filter(function (x) { return typeof x.value === "string"; });
      var use = inline.length ? inline : info.slice(0, 2);
      return Promise.all(use.map(function (x) { return postings(x.key, x.value); })).then(function (lists) {
        return {items: lists.reduce(intersect), complete: use.length === info.length, info: info};
      });
    });
  }
  function closest(info, terms) {
    // the items holding most of the query's keys (at least half), most first; among
    // equals, those holding more of the query's characters (心里健康: 心理健康 before 健康)
    var chars = Array.from(new Set([].concat.apply([], terms.map(function (t) {
      return Array.from(t.form).filter(function (c) { return WORD.test(c); });
    })))).filter(function (c) { return !info.some(function (x) { return x.key === c; }); });
    return Promise.all(chars.map(entry)).then(function (values) {
      var singles = chars.map(function (c, i) { return {key: c, value: values[i]}; });
      // characters only break ties: the frequent ones (with files of their own) are not worth fetching
      var bigrams = pick(info), characters = pick(singles).filter(function (x) { return typeof x.value === "string"; });
      return Promise.all(bigrams.concat(characters).map(function (x) { return postings(x.key, x.value); }))
        .then(function (lists) { return rank(info.length, lists.slice(0, bigrams.length), lists.slice(bigrams.length)); })
        .then(function (items) { return {items: items, keys: bigrams.map(function (x) { return x.key; })}; });
    });
  }
  function pick(info) {  // the keys worth loading: every inline one, and the two rarest with files of their own
    var usable = info.filter(function (x) { return x.value !== null; }).sort(function (a, b) { return rarity(a) - rarity(b); });
    return usable.filter(function (x) { return typeof x.value === "string"; })
      .concat(usable.filter(function (x) { return typeof x.value !== "string"; }).slice(0, 2));
  }
  function rank(keyCount, bigramLists, charLists) {
    var score = new Map(), chars = new Map(), best = 0;
    bigramLists.forEach(function (list) { list.forEach(function (n) { score.set(n, (score.get(n) || 0) + 1); }); });
    charLists.forEach(function (list) { list.forEach(function (n) { if (score.has(n)) chars.set(n, (chars.get(n) || 0) + 1); }); });
    score.forEach(function (s) { best = Math.max(best, s); });
    // at least half of the keys; a short query (three keys or fewer) keeps its best
    // matches even below half (心里健康 shares only 健康 with 心理健康)
    var need = Math.max(1, Math.ceil(keyCount / 2));
    if (keyCount <= 3) need = Math.min(need, best);
    var items = [];
    score.forEach(function (s, n) { if (s >= need) items.push(n); });
    return items.sort(function (a, b) {
      return score.get(b) - score.get(a) || (chars.get(b) || 0) - (chars.get(a) || 0) || a - b;
    });
  }
  function fileOf(n) { return Math.floor(n / meta.chunk); }
  function inflate(base64) {  /* an item file: gzip-compressed JSON in base64 (search.packed) */
    var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
    var json = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(json).text().then(JSON.parse);
  }
  function items(file) {
    if (!inflated[file]) inflated[file] = load("d/" + file).then(inflate);
    return inflated[file];
  }
  function doc(n) { return items(fileOf(n)).then(function (list) { return list[n % meta.chunk]; }); }
  function filesOf(items) { return new Set(items.map(fileOf)).size; }
  function searchable(doc) { return form([doc[2], doc[3], doc[4]].join(FIELDS)); }
  function verify(items, terms, exact) {
    if (exact) return Promise.resolve({items: items, checked: true});
    if (filesOf(items) > VERIFY_FILES) return Promise.resolve({items: items, checked: false});
    return filterVerified(items, terms);
  }
  function filterVerified(items, terms) {
    return Promise.all(items.map(function (n) {
      return doc(n).then(function (entry) {
        var text = searchable(entry);
        return terms.every(function (t) { return occurrences(text, t).length > 0; }) ? n : -1;
      });
    })).then(function (kept) { return {items: kept.filter(function (n) { return n >= 0; }), checked: true}; });
  }

  /* ---- ranking ---- */
  function titleSets(terms) {
    // per term, the items whose title holds each of its pairs of characters whose postings
    // the query loaded (no file is fetched for this); null for a term without such pairs:
    // one character (titles are indexed by pairs only), or pairs too frequent to load
    return terms.map(function (t) {
      var pairs = t.keys.filter(function (k) { return Array.from(k).length === 2 && decoded[k]; });
      return pairs.length ? new Set(pairs.map(function (k) { return titled[k]; }).reduce(intersect)) : null;
    });
  }
  function measure(entry, terms) {
    // how an item matches: terms in its title, occurrences in its text and other fields,
    // terms in the text's opening sentence; null when it does not hold every term
    var title = form(entry[2]), text = form(entry[3]), other = form(entry[4]), lead = text.split("。")[0];
    var got = {title: 0, count: 0, lead: 0};
    var all = terms.every(function (t) {
      var inTitle = occurrences(title, t).length, inText = occurrences(text, t).length;
      var inOther = occurrences(other, t).length;
      got.title += inTitle ? 1 : 0;
      got.count += inText + inOther;
      got.lead += occurrences(lead, t).length ? 1 : 0;
      return inTitle + inText + inOther > 0;
    });
    return all ? got : null;
  }
  function scored(items, terms) {
    // the exact order of items whose text is loaded (a few files); those not holding every term leave
    return Promise.all(items.map(doc)).then(function (docs) {
      var rows = [];
      docs.forEach(function (entry, i) {
        var got = measure(entry, terms);
        if (got) rows.push({n: items[i], s: got});
      });
      rows.sort(function (a, b) {
        return b.s.title - a.s.title || b.s.count - a.s.count || b.s.lead - a.s.lead || a.n - b.n;
      });
      return rows.map(function (r) { return r.n; });
    });
  }
  function ordered(result) {
    // best matches first, before paging: items whose titles hold the words (from the index,
    // for any number of hits), the order exact where their text fits in VERIFY_FILES files
    // (all hits, else the title hits); the rest newest first
    if (!result.query.terms.length || result.state.sort === NEWEST) {
      result.items = result.items.slice().sort(function (a, b) { return a - b; });
      return Promise.resolve(result);
    }
    if (result.closest) return Promise.resolve(result);
    var sets = titleSets(result.query.terms), inTitle = new Map();
    result.items.forEach(function (n) { inTitle.set(n, sets.filter(function (s) { return s && s.has(n); }).length); });
    var items = result.items.slice().sort(function (a, b) { return inTitle.get(b) - inTitle.get(a) || a - b; });
    var scope = filesOf(items) <= VERIFY_FILES ? items : items.filter(function (n) { return inTitle.get(n) > 0; });
    if (filesOf(scope) > VERIFY_FILES) scope = [];
    return scored(scope, result.query.terms).then(function (best) {
      result.items = best.concat(items.slice(scope.length));
      return result;
    });
  }

  function run(state) {
    var query = parse(state.q || "");
    var filter = planFilter(state, query.places);
    if (!query.terms.length && !query.places.length) return Promise.resolve({state: state, query: query, items: [], empty: true});
    return Promise.all([query.terms.length ? candidates(query.terms) : allItems(), themeFilter(state)]).then(function (got) {
      var found = got[0], theme = got[1];
      var inTheme = theme && new Set(theme);
      var narrow = function (items) {
        return items.filter(function (n) { return filter(planOf(n)) && (!inTheme || inTheme.has(n)); });
      };
      var exact = found.complete && query.terms.every(function (t) {
        return t.keys.length === 1 && t.keys[0] === t.form && !needsCheck(t);
      });
      return verify(narrow(found.items), query.terms, exact).then(function (checked) {
        if (checked.items.length || !query.terms.length) {
          return ordered({state: state, query: query, items: checked.items, checked: checked.checked});
        }
        return closest(found.info, query.terms).then(function (near) {
          return ordered({state: state, query: query, items: narrow(near.items), checked: true, closest: near.keys});
        });
      });
    });
  }
  function allItems() {
    var items = [];
    for (var n = 0; n < meta.items; n++) items.push(n);
    return Promise.resolve({items: items, complete: true, info: []});
  }

  /* ---- showing results ---- */
  var el = {
    input: box.querySelector("input[name=q]"), status: box.querySelector(".search-status"),
    places: box.querySelector(".search-places"), chips: box.querySelector(".search-chips"),
    facets: box.querySelector(".search-facets"), results: box.querySelector(".search-results"),
    sort: box.querySelector(".search-sort"),
    more: box.querySelector(".search-more")
  };
  var current = null;

  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function href(state) {
    var params = new URLSearchParams();
    PARAMS.forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }
  function withValue(state, key, value) {
    var next = Object.assign({}, state);
    if (value) next[key] = value; else delete next[key];
    return next;
  }
  function link(text, state, cls) {
    var a = node("a", cls, text);
    a.href = href(state);
    a.addEventListener("click", function (event) { event.preventDefault(); go(state, true); });
    return a;
  }
  function url(kind, id) { return ROOT + meta.url[kind].replace("{id}", id); }

  function marked(parent, text, ranges) {
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      parent.appendChild(node("mark", "", text.slice(Math.max(r[0], at), r[1])));
      at = Math.max(at, r[1]);
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }
  function matchRanges(text, result) {
    // [start, end) ranges of the original text that match: the terms, or the closest match's keys
    var formed = form(text, true), ranges = [];
    var terms = result.closest ? result.closest.map(function (k) { return {form: k}; }) : result.query.terms;
    terms.forEach(function (t) {
      (result.closest ? plain(formed.text, t.form) : occurrences(formed.text, t)).forEach(function (start) {
        ranges.push([formed.from[start], formed.to[start + t.form.length - 1]]);
      });
    });
    return ranges.sort(function (a, b) { return a[0] - b[0]; });
  }
  function plain(text, part) {
    var out = [], at = text.indexOf(part);
    while (at >= 0) { out.push(at); at = text.indexOf(part, at + 1); }
    return out;
  }
  function snippet(parent, doc, result) {
    var fields = [doc[3], doc[4]];
    for (var i = 0; i < fields.length; i++) {
      var ranges = matchRanges(fields[i], result);
      if (!ranges.length) continue;
      var from = Math.max(0, ranges[0][0] - SNIPPET), to = Math.min(fields[i].length, ranges[0][1] + SNIPPET);
      // the other fields (units, deadlines, task rows) are shown apart by a dot, one character for one
      var part = (i ? fields[i].split(FIELDS).join("·") : fields[i]).slice(from, to);
      var shifted = ranges.filter(function (r) { return r[0] >= from && r[1] <= to; })
        .map(function (r) { return [r[0] - from, r[1] - from]; });
      if (from > 0) parent.appendChild(document.createTextNode("…"));
      marked(parent, part, shifted);
      if (to < fields[i].length) parent.appendChild(document.createTextNode("…"));
      return;
    }
    // the words are in the title only: the text's opening; for an item printed with a title
    // only, the section it is in (search.section_line), else its title
    if (doc[3]) {
      parent.appendChild(document.createTextNode(doc[3].slice(0, SNIPPET * 2) + (doc[3].length > SNIPPET * 2 ? "…" : "")));
    } else if (doc[6]) {
      parent.appendChild(document.createTextNode("所在部分：" + doc[6]));
    } else {
      marked(parent, doc[2] || doc[1], matchRanges(doc[2] || doc[1], result));
    }
  }
  function hit(n) {
    var p = planOf(n);
    return doc(n).then(function (entry) {
      var li = node("li", "search-hit"), a = node("a", "search-hit-link");
      a.href = url("plan", planId(p)) + "#" + encodeURIComponent(entry[0]);
      a.appendChild(node("span", "search-hit-where", planLabel(p)));
      var heading = node("span", "search-hit-heading");
      marked(heading, entry[1], matchRanges(entry[1], current));
      a.appendChild(heading);
      li.appendChild(a);
      var text = node("p", "search-hit-text");
      snippet(text, entry, current);
      li.appendChild(text);
      return li;
    });
  }
  function nextPage(result) {
    // verified results a page at a time; unverified candidates (in many files) are
    // verified file by file until a page of hits is found
    if (result.checked) {
      var page = result.items.slice(result.cursor, result.cursor + PAGE);
      result.cursor += page.length;
      return Promise.resolve(page);
    }
    var kept = [];
    function step() {
      if (kept.length >= PAGE || result.cursor >= result.items.length || result !== current) return Promise.resolve(kept);
      var file = fileOf(result.items[result.cursor]), group = [];
      while (result.cursor < result.items.length && fileOf(result.items[result.cursor]) === file) {
        group.push(result.items[result.cursor++]);
      }
      return filterVerified(group, result.query.terms).then(function (got) { kept = kept.concat(got.items); return step(); });
    }
    return step();
  }
  function showMore() {
    var result = current;
    return nextPage(result).then(function (page) { return Promise.all(page.map(hit)); }).then(function (items) {
      if (result !== current) return;
      items.forEach(function (li) { el.results.appendChild(li); });
      el.more.hidden = result.cursor >= result.items.length;
    });
  }
  function counts(items, theme) {
    var found = {}, plans = new Set();
    FACETS.forEach(function (f) { found[f[0]] = new Map(); });
    items.forEach(function (n) {
      var p = planOf(n), values = facetValues(p);
      plans.add(p);
      ["year", "province", "level", "locality"].forEach(function (k) {
        found[k].set(values[k], (found[k].get(values[k]) || 0) + 1);
      });
    });
    if (theme) theme.forEach(function (t) { found.theme.set(t[0], t[1]); });
    return {facets: found, plans: plans.size};
  }
  function themeCounts(items) {
    // exact counts need the items' themes, which the item files hold
    if (filesOf(items) > VERIFY_FILES) return Promise.resolve(null);
    var tally = new Map();
    return Promise.all(items.map(function (n) {
      return doc(n).then(function (entry) {
        entry[5].forEach(function (t) { var id = meta.themes[t][0]; tally.set(id, (tally.get(id) || 0) + 1); });
      });
    })).then(function () { return Array.from(tally.entries()); });
  }
  function label(key, value) {
    if (key === "locality") {
      var loc = meta.localities.find(function (l) { return l[5] === value; });
      return loc ? loc[0] : value;
    }
    if (key === "theme") {
      var theme = meta.themes.find(function (t) { return t[0] === value; });
      return theme ? theme[1] : value;
    }
    return value;
  }
  function showFacets(result, tally, themes) {
    el.facets.textContent = "";
    FACETS.forEach(function (f) {
      var key = f[0], values = Array.from(tally.facets[key].entries());
      if (key === "theme" && !themes) values = meta.themes.map(function (t) { return [t[0], null]; });
      if (key === "year") values.sort(function (a, b) { return b[0] - a[0]; });
      else values.sort(function (a, b) { return (b[1] || 0) - (a[1] || 0); });
      if (!values.length) return;
      var section = node("section", "search-facet");
      section.appendChild(node("h2", "", f[1]));
      var list = node("ul"), rest = node("ul");
      values.forEach(function (v, i) {
        var li = node("li");
        var selected = result.state[key] === v[0];
        var a = link(label(key, v[0]), withValue(result.state, key, selected ? null : v[0]), selected ? "selected" : "");
        if (selected) a.setAttribute("aria-current", "true");
        li.appendChild(a);
        if (v[1] !== null) li.appendChild(node("span", "search-count", (result.checked ? "" : "≤") + v[1]));
        (i < TOP ? list : rest).appendChild(li);
      });
      section.appendChild(list);
      if (rest.children.length) {
        var more = node("details");
        more.appendChild(node("summary", "", "更多（" + rest.children.length + "）"));
        more.appendChild(rest);
        section.appendChild(more);
      }
      el.facets.appendChild(section);
    });
  }
  function showChips(result) {
    el.chips.textContent = "";
    FACETS.forEach(function (f) {
      var value = result.state[f[0]];
      if (value) el.chips.appendChild(link(f[1] + "：" + label(f[0], value) + " ✕", withValue(result.state, f[0], null), "search-chip"));
    });
    result.query.places.forEach(function (at) {
      el.chips.appendChild(node("span", "search-chip", "地区：" + meta.localities[at][0] + "（查询中的地名）"));
    });
  }
  function showPlaces(result) {
    el.places.textContent = "";
    result.query.suggest.forEach(function (at) {
      var p = node("p", "search-place"), a = node("a", "", meta.localities[at][0]);
      a.href = url("locality", meta.localities[at][5]);
      p.appendChild(document.createTextNode("地区页面："));
      p.appendChild(a);
      el.places.appendChild(p);
    });
  }
  function showSort(result) {
    // best match first (the default) or newest first, a link each, kept in the URL as sort=new
    el.sort.textContent = "";
    el.sort.hidden = !result.query.terms.length || !result.items.length;
    el.sort.appendChild(document.createTextNode("排序："));
    SORTS.forEach(function (s, i) {
      if (i) el.sort.appendChild(document.createTextNode(" · "));
      if ((result.state.sort === NEWEST ? NEWEST : "") === s[0]) {
        var chosen = node("strong", "", s[1]);
        chosen.setAttribute("aria-current", "true");
        el.sort.appendChild(chosen);
      } else {
        el.sort.appendChild(link(s[1], withValue(result.state, "sort", s[0]), ""));
      }
    });
  }
  function statusText(result, plans) {
    var words = result.query.terms.map(function (t) { return "“" + t.form + "”"; }).join("、");
    var total = result.items.length;
    if (result.empty) return "请输入要查找的词语。";
    if (!total) return "没有找到含有" + (words || "所选条件") + "的任务。可以换一个词，或去掉筛选条件。";
    if (result.closest) {
      return "没有任务含有完整的" + words + "。以下是最接近的 " + total + " 条（含其中多数字词，"
        + (result.state.sort === NEWEST ? "按年份从新到旧" : "按相近程度") + "排列）。";
    }
    if (!result.checked) return words + "：至多 " + total + " 条任务，来自 " + plans + " 份计划（边显示边逐条核对短语）。";
    return (words || "所选条件") + "：" + total + " 条任务，来自 " + plans + " 份计划。";
  }
  function show(result) {
    current = result;
    result.cursor = 0;
    el.results.textContent = "";
    return themeCounts(result.items).then(function (themes) {
      if (result !== current) return;
      var tally = counts(result.items, themes);
      showPlaces(result);
      showChips(result);
      showFacets(result, tally, themes);
      showSort(result);
      el.status.textContent = statusText(result, tally.plans);
      box.classList.toggle("search-closest", !!result.closest && result.items.length > 0);
      return showMore();
    }).then(function () {
      if (result !== current) return;
      box.setAttribute("data-state", "done");
    });
  }
  function stateFrom(search) {
    var params = new URLSearchParams(search), state = {};
    PARAMS.forEach(function (k) { if (params.get(k)) state[k] = params.get(k); });
    return state;
  }
  function go(state, push) {
    if (push) history.pushState(null, "", href(state));
    el.input.value = state.q || "";
    box.setAttribute("data-state", "busy");
    return run(state).then(show).catch(function (error) {
      el.status.textContent = "搜索出错：" + error.message;
      box.setAttribute("data-state", "error");
    });
  }

  var timer = null;
  function typed() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var state = withValue(stateFrom(location.search), "q", el.input.value.trim());
      history.replaceState(null, "", href(state));
      go(state, false);
    }, 150);
  }
  Promise.all([load("meta"), load("t2s")]).then(function (got) {
    meta = got[0];
    var first = 0;
    firsts = meta.plans.map(function (p) { var at = first; first += p[2]; return at; });
    for (var i = 0; i + 1 < got[1].length; i += 2) t2s[got[1][i]] = got[1][i + 1];
    el.input.addEventListener("input", typed);
    box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); typed(); });
    el.more.addEventListener("click", showMore);
    window.addEventListener("popstate", function () { go(stateFrom(location.search), false); });
    box.setAttribute("data-ready", "true");
    var state = stateFrom(location.search);
    if (state.q || Object.keys(state).length) go(state, false); else box.setAttribute("data-state", "done");
  }).catch(function (error) {
    el.status.textContent = "无法载入搜索索引：" + error.message;
  });
})();
