/* eduplans search: the search page (templates/search.md.j2), over the static bigram index
 * written by generator/site/search.py (read its docstring for the files and their format).
 *
 * A query is converted to simplified script, normalized like the index (normalise.form),
 * cut into keys (keys.keysOf); only the shards of those keys are loaded, the rarest
 * postings intersected, and the phrase is verified on the items' text, so that
 * 上合 never matches 上…合 and 30所 never matches 130所. A query without an exact
 * match shows the items holding most of its keys, marked as closest matches.
 * Hits are ranked before they are paged (ordered): the words in the title first (the
 * index says which postings are title hits), then how often the words occur, then in
 * the opening sentence, then newest; or newest first when the reader asks (sort=new). */
// The every-page file (js/eduplans.js: decode, index) runs after this page's own scripts:
// the page starts once all of them have.
document.addEventListener("DOMContentLoaded", () => {
  "use strict";

  const { normalise, keys, decode, shards, index, ranking, render } = globalThis.eduplans;
  const box = document.getElementById("eduplans-search");
  if (!box) return;
  const ROOT = box.getAttribute("data-root");
  const PAGE = 20; // hits shown at a time
  const VERIFY_FILES = 40; // candidates in at most this many item files are all verified: counts are exact
  const FACETS = [
    ["year", "年份"],
    ["province", "省份"],
    ["level", "层级"],
    ["locality", "地区"],
    ["theme", "主题"],
  ];
  const TOP = 8; // facet values shown before "更多"
  const PARAMS = ["q", "sort"].concat(FACETS.map((f) => f[0])); // the state in the URL
  const NEWEST = "new"; // ?sort=new: newest first instead of best match first
  const SORTS = [
    ["", "相关度优先"],
    [NEWEST, "最新优先"],
  ];

  const el = {
    input: box.querySelector("input[name=q]"),
    status: box.querySelector(".search-status"),
    places: box.querySelector(".search-places"),
    chips: box.querySelector(".search-chips"),
    facets: box.querySelector(".search-facets"),
    results: box.querySelector(".search-results"),
    sort: box.querySelector(".search-sort"),
    more: box.querySelector(".search-more"),
  };
  // the page's state: the opened index, and the result shown
  const page = {
    ix: null,
    rules: null,
    postings: null,
    t2s: null,
    places: null,
    firsts: [],
    current: null,
    timer: null,
  };

  /* ---- the query ---- */
  function parse(query) {
    // words that name a place (青岛, 荣成市) narrow the search to it when other words remain
    // (青岛 双减); a query of place names alone is searched as text, with links to the places
    const words = [];
    for (const word of normalise.simplified(query, page.t2s).split(/\s+/)) {
      const formed = normalise.form(word, page.rules);
      const found = keys.keysOf(formed, page.rules);
      if (found.length) words.push({ form: formed, keys: found, place: placeOf(formed) });
    }
    const text = words.filter((w) => w.place === null);
    const named = words.filter((w) => w.place !== null).map((w) => w.place);
    return { terms: text.length ? text : words, places: text.length ? named : [], suggest: named };
  }
  function placeOf(formed) {
    if (!page.places) {
      // names and aliases of every locality, formed once; the first locality holding one keeps it
      page.places = new Map();
      for (const loc of page.ix.localities) {
        for (const name of [loc.name].concat(loc.aliases)) {
          const f = normalise.form(name, page.rules);
          if (!page.places.has(f)) page.places.set(f, loc.at);
        }
      }
    }
    return page.places.has(formed) ? page.places.get(formed) : null;
  }

  /* ---- filters ---- */
  function planOf(item) {
    const firsts = page.firsts;
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= item) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  function within(locality, wanted) {
    for (let at = locality; at >= 0; at = page.ix.localities[at].parent) if (at === wanted) return true;
    return false;
  }
  function facetValues(plan) {
    const p = page.ix.plans[plan];
    const loc = page.ix.localities[p.localityAt];
    return { year: String(p.year), province: loc.province, level: loc.level, locality: loc.id };
  }
  function planFilter(state, places) {
    const locs = places.slice();
    if (state.locality) locs.push(page.ix.localities.findIndex((l) => l.id === state.locality));
    return (plan) => {
      const values = facetValues(plan);
      return (
        (!state.year || values.year === state.year) &&
        (!state.province || values.province === state.province) &&
        (!state.level || values.level === state.level) &&
        locs.every((l) => within(page.ix.plans[plan].localityAt, l))
      );
    };
  }
  function themeFilter(state) {
    if (!state.theme) return Promise.resolve(null);
    const at = page.ix.meta.themes.findIndex((t) => t[0] === state.theme);
    if (at < 0) return Promise.resolve([]);
    return page.ix.load(`t/${at}`).then(decode.numbers, () => []);
  }

  /* ---- search ---- */
  const filesOf = (items) => new Set(items.map(page.ix.file)).size;
  function filterVerified(items, terms) {
    return Promise.all(
      items.map((n) => page.ix.item(n).then((item) => (ranking.holds(item, terms, page.rules) ? n : -1))),
    ).then((kept) => ({ items: kept.filter((n) => n >= 0), checked: true }));
  }
  function verify(items, terms, exact) {
    if (exact) return Promise.resolve({ items, checked: true });
    if (filesOf(items) > VERIFY_FILES) return Promise.resolve({ items, checked: false });
    return filterVerified(items, terms);
  }
  function ordered(result) {
    // best matches first, before paging: items whose titles hold the words (from the index,
    // for any number of hits), the order exact where their text fits in VERIFY_FILES files
    // (all hits, else the title hits); the rest newest first
    if (!result.query.terms.length || result.state.sort === NEWEST) {
      result.items = result.items.slice().sort((a, b) => a - b);
      return Promise.resolve(result);
    }
    if (result.closest) return Promise.resolve(result);
    const { items, inTitle } = ranking.byTitle(result.items, shards.titleSets(page.postings, result.query.terms));
    let scope = filesOf(items) <= VERIFY_FILES ? items : items.filter((n) => inTitle.get(n) > 0);
    if (filesOf(scope) > VERIFY_FILES) scope = [];
    return Promise.all(scope.map(page.ix.item)).then((loaded) => {
      result.items = ranking.byMeasure(scope, loaded, result.query.terms, page.rules).concat(items.slice(scope.length));
      return result;
    });
  }
  function allItems() {
    return Promise.resolve({
      items: Array.from({ length: page.ix.meta.items }, (_, n) => n),
      complete: true,
      info: [],
    });
  }
  function run(state) {
    const query = parse(state.q || "");
    const filter = planFilter(state, query.places);
    if (!query.terms.length && !query.places.length) return Promise.resolve({ state, query, items: [], empty: true });
    const found = query.terms.length ? shards.candidates(page.postings, query.terms) : allItems();
    return Promise.all([found, themeFilter(state)]).then(([got, theme]) => {
      const inTheme = theme && new Set(theme);
      const narrow = (items) => items.filter((n) => filter(planOf(n)) && (!inTheme || inTheme.has(n)));
      const exact =
        got.complete && query.terms.every((t) => t.keys.length === 1 && t.keys[0] === t.form && !ranking.needsCheck(t));
      return verify(narrow(got.items), query.terms, exact).then((checked) => {
        if (checked.items.length || !query.terms.length) {
          return ordered({ state, query, items: checked.items, checked: checked.checked });
        }
        return shards
          .closest(page.postings, got.info, query.terms, page.rules)
          .then((near) => ordered({ state, query, items: narrow(near.items), checked: true, closest: near.keys }));
      });
    });
  }

  /* ---- showing results ---- */
  function href(state) {
    const params = new URLSearchParams();
    for (const k of PARAMS) if (state[k]) params.set(k, state[k]);
    const text = params.toString();
    return text ? `?${text}` : location.pathname;
  }
  function withValue(state, key, value) {
    const next = { ...state };
    if (value) next[key] = value;
    else delete next[key];
    return next;
  }
  function link(text, state, cls) {
    const a = render.node("a", cls, text);
    a.href = href(state);
    a.addEventListener("click", (event) => {
      event.preventDefault();
      go(state, true);
    });
    return a;
  }
  const url = (kind, id) => ROOT + page.ix.meta.url[kind].replace("{id}", id);

  function hit(n) {
    const plan = page.ix.plans[planOf(n)];
    return page.ix.item(n).then((item) => render.hit(item, plan, url("plan", plan.id), page.current, page.rules));
  }
  function nextPage(result) {
    // verified results a page at a time; unverified candidates (in many files) are
    // verified file by file until a page of hits is found
    if (result.checked) {
      const shown = result.items.slice(result.cursor, result.cursor + PAGE);
      result.cursor += shown.length;
      return Promise.resolve(shown);
    }
    let kept = [];
    function step() {
      if (kept.length >= PAGE || result.cursor >= result.items.length || result !== page.current)
        return Promise.resolve(kept);
      const file = page.ix.file(result.items[result.cursor]);
      const group = [];
      while (result.cursor < result.items.length && page.ix.file(result.items[result.cursor]) === file) {
        group.push(result.items[result.cursor++]);
      }
      return filterVerified(group, result.query.terms).then((got) => {
        kept = kept.concat(got.items);
        return step();
      });
    }
    return step();
  }
  function showMore() {
    const result = page.current;
    return nextPage(result)
      .then((shown) => Promise.all(shown.map(hit)))
      .then((items) => {
        if (result !== page.current) return;
        for (const li of items) el.results.appendChild(li);
        el.more.hidden = result.cursor >= result.items.length;
      });
  }
  function counts(items, theme) {
    const found = {};
    const plans = new Set();
    for (const f of FACETS) found[f[0]] = new Map();
    for (const n of items) {
      const p = planOf(n);
      const values = facetValues(p);
      plans.add(p);
      for (const k of ["year", "province", "level", "locality"])
        found[k].set(values[k], (found[k].get(values[k]) || 0) + 1);
    }
    if (theme) for (const [id, count] of theme) found.theme.set(id, count);
    return { facets: found, plans: plans.size };
  }
  function themeCounts(items) {
    // exact counts need the items' themes, which the item files hold
    if (filesOf(items) > VERIFY_FILES) return Promise.resolve(null);
    const tally = new Map();
    return Promise.all(
      items.map((n) =>
        page.ix.item(n).then((item) => {
          for (const t of item.themes) {
            const id = page.ix.meta.themes[t][0];
            tally.set(id, (tally.get(id) || 0) + 1);
          }
        }),
      ),
    ).then(() => Array.from(tally.entries()));
  }
  function label(key, value) {
    if (key === "locality") {
      const loc = page.ix.localities.find((l) => l.id === value);
      return loc ? loc.name : value;
    }
    if (key === "theme") {
      const theme = page.ix.meta.themes.find((t) => t[0] === value);
      return theme ? theme[1] : value;
    }
    return value;
  }
  function showFacets(result, tally, themes) {
    el.facets.textContent = "";
    for (const [key, title] of FACETS) {
      let values = Array.from(tally.facets[key].entries());
      if (key === "theme" && !themes) values = page.ix.meta.themes.map((t) => [t[0], null]);
      if (key === "year") values.sort((a, b) => b[0] - a[0]);
      else values.sort((a, b) => (b[1] || 0) - (a[1] || 0));
      if (!values.length) continue;
      const section = render.node("section", "search-facet");
      section.appendChild(render.node("h2", "", title));
      const list = render.node("ul");
      const rest = render.node("ul");
      values.forEach(([value, count], i) => {
        const li = render.node("li");
        const selected = result.state[key] === value;
        const a = link(
          label(key, value),
          withValue(result.state, key, selected ? null : value),
          selected ? "selected" : "",
        );
        if (selected) a.setAttribute("aria-current", "true");
        li.appendChild(a);
        if (count !== null) li.appendChild(render.node("span", "search-count", (result.checked ? "" : "≤") + count));
        (i < TOP ? list : rest).appendChild(li);
      });
      section.appendChild(list);
      if (rest.children.length) {
        const more = render.node("details");
        more.appendChild(render.node("summary", "", `更多（${rest.children.length}）`));
        more.appendChild(rest);
        section.appendChild(more);
      }
      el.facets.appendChild(section);
    }
  }
  function showChips(result) {
    el.chips.textContent = "";
    for (const [key, title] of FACETS) {
      const value = result.state[key];
      if (value)
        el.chips.appendChild(
          link(`${title}：${label(key, value)} ✕`, withValue(result.state, key, null), "search-chip"),
        );
    }
    for (const at of result.query.places) {
      el.chips.appendChild(render.node("span", "search-chip", `地区：${page.ix.localities[at].name}（查询中的地名）`));
    }
  }
  function showPlaces(result) {
    el.places.textContent = "";
    for (const at of result.query.suggest) {
      const p = render.node("p", "search-place");
      const a = render.node("a", "", page.ix.localities[at].name);
      a.href = url("locality", page.ix.localities[at].id);
      p.appendChild(document.createTextNode("地区页面："));
      p.appendChild(a);
      el.places.appendChild(p);
    }
  }
  function showSort(result) {
    // best match first (the default) or newest first, a link each, kept in the URL as sort=new
    el.sort.textContent = "";
    el.sort.hidden = !result.query.terms.length || !result.items.length;
    el.sort.appendChild(document.createTextNode("排序："));
    SORTS.forEach(([value, name], i) => {
      if (i) el.sort.appendChild(document.createTextNode(" · "));
      if ((result.state.sort === NEWEST ? NEWEST : "") === value) {
        const chosen = render.node("strong", "", name);
        chosen.setAttribute("aria-current", "true");
        el.sort.appendChild(chosen);
      } else {
        el.sort.appendChild(link(name, withValue(result.state, "sort", value), ""));
      }
    });
  }
  function show(result) {
    page.current = result;
    result.cursor = 0;
    el.results.textContent = "";
    return themeCounts(result.items)
      .then((themes) => {
        if (result !== page.current) return;
        const tally = counts(result.items, themes);
        showPlaces(result);
        showChips(result);
        showFacets(result, tally, themes);
        showSort(result);
        el.status.textContent = render.statusText(result, tally.plans, result.state.sort === NEWEST);
        box.classList.toggle("search-closest", !!result.closest && result.items.length > 0);
        return showMore();
      })
      .then(() => {
        if (result === page.current) box.setAttribute("data-state", "done");
      });
  }
  function stateFrom(search) {
    const params = new URLSearchParams(search);
    const state = {};
    for (const k of PARAMS) if (params.get(k)) state[k] = params.get(k);
    return state;
  }
  function go(state, push) {
    if (push) history.pushState(null, "", href(state));
    el.input.value = state.q || "";
    box.setAttribute("data-state", "busy");
    return run(state)
      .then(show)
      .catch((error) => {
        el.status.textContent = `搜索出错：${error.message}`;
        box.setAttribute("data-state", "error");
      });
  }
  function typed() {
    clearTimeout(page.timer);
    page.timer = setTimeout(() => {
      const state = withValue(stateFrom(location.search), "q", el.input.value.trim());
      history.replaceState(null, "", href(state));
      go(state, false);
    }, 150);
  }

  const { load } = index.loader(box.getAttribute("data-index"));
  Promise.all([load("meta"), load("t2s")])
    .then(([meta, pairs]) => {
      const ix = index.over(load, meta);
      page.ix = ix;
      page.rules = normalise.compile(ix.meta.rules);
      page.postings = shards.store(ix.load, ix.meta.shards);
      page.t2s = normalise.t2sTable(pairs);
      page.firsts = ix.plans.map((p) => p.first);
      el.input.addEventListener("input", typed);
      box.querySelector("form").addEventListener("submit", (event) => {
        event.preventDefault();
        clearTimeout(page.timer);
        typed();
      });
      el.more.addEventListener("click", showMore);
      window.addEventListener("popstate", () => go(stateFrom(location.search), false));
      box.setAttribute("data-ready", "true");
      const state = stateFrom(location.search);
      if (state.q || Object.keys(state).length) go(state, false);
      else box.setAttribute("data-state", "done");
    })
    .catch((error) => {
      el.status.textContent = `无法载入搜索索引：${error.message}`;
    });
});
