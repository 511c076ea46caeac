/* eduplans search: the index's files, loaded as scripts (each calls eduplansSearch.put),
 * which works over file:// in the offline bundle, where fetch is refused; and its rows
 * read by the names meta.columns gives them. For a page that needs a plan's items:
 *
 *   eduplans.index.open("../search/").then((index) => index.planItems("qingdao-2024"))
 *     .then((items) => items.map((item) => item.title));  // objects keyed by meta.columns.item
 */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const decode = need("decode");

  /** base: the index folder's URL → {load(name) → Promise of the file's data}. */
  function loader(base) {
    const waiting = new Map();
    const loading = new Map();
    globalThis.eduplansSearch ??= {};
    const hub = globalThis.eduplansSearch;
    const before = hub.put; // another loader's, on a page that opens two indexes
    hub.put = (name, data) => {
      const done = waiting.get(name);
      if (done) {
        waiting.delete(name);
        done(data);
      } else if (before) before(name, data);
    };
    function load(name) {
      if (!loading.has(name)) {
        loading.set(
          name,
          new Promise((resolve, reject) => {
            waiting.set(name, resolve);
            const tag = document.createElement("script");
            tag.src = `${base}${name}.js`;
            tag.onerror = () => {
              loading.delete(name);
              waiting.delete(name);
              reject(new Error(`search index file missing: ${name}`));
            };
            document.head.appendChild(tag);
          }),
        );
      }
      return loading.get(name);
    }
    return { load };
  }

  /** The localities (meta.localities) as objects: name, aliases, province and level by
   * name, parent (its place in the list, -1 for none), id, at (its own place). */
  function localities(meta) {
    return meta.localities.map((row, at) => {
      const loc = decode.named(row, meta.columns.locality);
      return { ...loc, province: meta.provinces[loc.province], level: meta.levels[loc.level], at };
    });
  }

  /** The plans (meta.plans) as objects, in the items' order: id, label, locality (its id),
   * localityAt (its place in meta.localities), year, items (how many), first (the number
   * of its first item: a plan's items are numbered first … first + items - 1), at. */
  function plans(meta) {
    const places = localities(meta);
    let first = 0;
    return meta.plans.map((row, at) => {
      const plan = decode.named(row, meta.columns.plan);
      const place = places[plan.locality];
      const label = meta.label.replace("{locality}", place.name).replace("{year}", String(plan.year));
      const out = {
        id: plan.suffix ? place.id + plan.suffix : plan.id,
        label,
        locality: place.id,
        localityAt: plan.locality,
        year: plan.year,
        items: plan.items,
        first,
        at,
      };
      first += plan.items;
      return out;
    });
  }

  /** The items of an index: item(n) → Promise of item n as an object keyed by column name. */
  function items(load, meta) {
    const files = new Map();
    const file = (n) => Math.floor(n / meta.chunk);
    function rows(at) {
      if (!files.has(at)) {
        files.set(
          at,
          load(`d/${at}`)
            .then(decode.inflate)
            .then((list) => list.map((row) => decode.named(row, meta.columns.item))),
        );
      }
      return files.get(at);
    }
    const item = (n) => rows(file(n)).then((list) => list[n % meta.chunk]);
    return { file, item };
  }

  /** A plan's items, in order, as objects keyed by column name. */
  function planItems(store, plan) {
    return Promise.all(Array.from({ length: plan.items }, (_, i) => store.item(plan.first + i)));
  }

  /** An index from its loader and its meta: {meta, plans, localities, load, item(n),
   * file(n) (the item file holding item n), planItems(id) → Promise of the plan's items}. */
  function over(load, meta) {
    const store = items(load, meta);
    const all = plans(meta);
    const byId = new Map(all.map((plan) => [plan.id, plan]));
    const ofPlan = (id) =>
      byId.has(id) ? planItems(store, byId.get(id)) : Promise.reject(new Error(`no plan ${id} in the index`));
    return {
      meta,
      plans: all,
      localities: localities(meta),
      load,
      item: store.item,
      file: store.file,
      planItems: ofPlan,
    };
  }

  /** The index at base (the search folder's URL from the page): Promise of over(…). */
  function open(base) {
    const { load } = loader(base);
    return load("meta").then((meta) => over(load, meta));
  }

  const api = { loader, localities, plans, items, planItems, over, open };
  ns.index = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
