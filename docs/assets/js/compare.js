/* 对标: the compare/ page (compare/?a=<plan id>&b=<plan id>; views/alignment.py
 * compare_plans_page): two fields that suggest plans as the reader types (a datalist of
 * every plan of the index), the URL as the page's state, and the two plans drawn side by
 * side from sidebyside.js's model. Only the two plans' items are loaded (index.js). Every
 * text from the index reaches the page as a text node, never as markup. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const { compare } = ns.sidebyside;
  const add = (...args) => ns.dom.add(...args); // dom.js comes in the every-page file, after this one

  function page(box) {
    const { open } = ns.index;
    const { query, names, finder, fill } = ns.planpick;
    const form = box.querySelector("form");
    const status = box.querySelector(".compare-status");
    const out = box.querySelector(".compare-result");
    const rules = { takeupMin: Number(box.dataset.takeupMin), indicatorMin: Number(box.dataset.indicatorMin) };
    const root = box.dataset.root;
    const say = (text) => {
      status.textContent = text;
    };
    say("正在载入计划列表……");
    return open(box.dataset.index)
      .then((index) => {
        const named = names(index.plans);
        const find = finder(index.plans);
        fill(box.querySelector("datalist"), index.plans);
        const themes = index.meta.themes.map(([id, name]) => ({ id, name }));
        const href = (plan, anchor) =>
          root + index.meta.url.plan.replace("{id}", plan.id) + (anchor ? `#${anchor}` : "");

        function show(a, b) {
          out.textContent = "";
          box.dataset.state = "loading";
          const missing = [a, b].filter((id) => id && !find(id));
          if (missing.length) {
            box.dataset.state = "missing";
            say(
              `${missing.map((id) => `“${id}”`).join("和")}不在本站收录的计划中：请在上面的框中选择计划。${box.dataset.part || ""}`,
            );
            return Promise.resolve();
          }
          if (!a || !b) {
            box.dataset.state = "choosing";
            say("请选择两份计划：在框中输入地名或年份，从列出的计划中选择。");
            return Promise.resolve();
          }
          const [left, right] = [find(a), find(b)];
          say(`正在载入${left.label}和${right.label}……`);
          return Promise.all([index.planItems(left.id), index.planItems(right.id)]).then(([itemsA, itemsB]) => {
            const model = compare({ plan: left, items: itemsA }, { plan: right, items: itemsB }, themes, rules);
            draw(out, model, left, right, href);
            say(
              `${left.label}：${itemsA.length} 条任务，${model.matched} 条在${right.label}中有对应任务；` +
                `${right.label}：${itemsB.length} 条任务，${model.onlyB} 条为其独有。`,
            );
            box.dataset.state = "done";
          });
        }

        function fromUrl() {
          const params = new URLSearchParams(location.search);
          const [a, b] = [params.get("a") || "", params.get("b") || ""];
          // an id, or a plan's name as a plan page's field sends it without its script
          form.a.value = find(a) ? named.get(find(a).id) : a;
          form.b.value = find(b) ? named.get(find(b).id) : b;
          return show(a, b);
        }

        form.addEventListener("submit", (event) => {
          event.preventDefault();
          const [a, b] = [find(form.a.value), find(form.b.value)];
          if (!a || !b) {
            say(`找不到计划“${(a ? form.b : form.a).value}”：请从输入时列出的计划中选择。`);
            return;
          }
          history.pushState(null, "", query(a.id, b.id));
          show(a.id, b.id);
        });
        box.querySelector(".compare-swap").addEventListener("click", () => {
          [form.a.value, form.b.value] = [form.b.value, form.a.value];
          form.requestSubmit();
        });
        window.addEventListener("popstate", fromUrl);
        if (!new URLSearchParams(location.search).get("b")) form.b.focus();
        return fromUrl();
      })
      .catch((error) => {
        say(`无法载入计划：${error.message}`);
        box.dataset.state = "error";
      });
  }

  function itemLink(parent, plan, item, href) {
    add(parent, "a", item.label).href = href(plan, item.anchor);
  }

  /* a theme: its matched pairs in a table, then the items only one plan has, in lists */
  function drawSection(out, section, left, right, href) {
    add(out, "h3", section.theme);
    add(
      out,
      "p",
      `甲 ${section.counts.a} 条 · 乙 ${section.counts.b} 条 · 其中对应 ${section.counts.both} 对`,
      "compare-counts",
    );
    const pairs = section.rows.filter((r) => r.a && r.b);
    if (pairs.length) {
      const table = add(out, "table", undefined, "compare-table");
      const head = add(add(table, "thead"), "tr");
      add(head, "th", `甲：${left.label}`);
      add(head, "th", `乙：${right.label}`);
      const body = add(table, "tbody");
      for (const row of pairs) {
        const tr = add(body, "tr");
        itemLink(add(tr, "td"), left, row.a, href);
        const cell = add(tr, "td");
        itemLink(cell, right, row.b, href);
        add(cell, "span", ` 相似度 ${row.score.toFixed(2)}`, "compare-score");
      }
    }
    for (const [side, plan, who] of [
      ["a", left, "甲"],
      ["b", right, "乙"],
    ]) {
      const alone = section.rows.filter((r) => r[side] && !(r.a && r.b)).map((r) => r[side]);
      if (!alone.length) continue;
      add(out, "p", `仅${who}（${plan.label}）有：`, `compare-only compare-only-${side}`);
      const list = add(out, "ul", undefined, `compare-only-list compare-only-${side}`);
      for (const item of alone) itemLink(add(list, "li"), plan, item, href);
    }
  }

  function draw(out, model, left, right, href) {
    const heading = add(out, "h2");
    add(heading, "a", left.label).href = href(left);
    heading.appendChild(document.createTextNode(" 与 "));
    add(heading, "a", right.label).href = href(right);
    for (const section of model.sections) drawSection(out, section, left, right, href);
    if (!model.targets.length) return;
    add(out, "h3", "同一指标的目标");
    const table = add(out, "table", undefined, "compare-table compare-targets");
    const head = add(add(table, "thead"), "tr");
    for (const label of ["指标", `甲：${left.label}`, `乙：${right.label}`]) add(head, "th", label);
    const body = add(table, "tbody");
    for (const group of model.targets) {
      const tr = add(body, "tr");
      add(tr, "td", group.unit ? `${group.indicator}（${group.unit}）` : group.indicator);
      for (const [plan, targets] of [
        [left, group.a],
        [right, group.b],
      ]) {
        const cell = add(tr, "td");
        targets.forEach((t, k) => {
          if (k) cell.appendChild(document.createTextNode("；"));
          const text = `${t.value}${group.unit}${t.year ? `（到${t.year}年）` : ""}`;
          add(cell, "a", text).href = href(plan, t.item.anchor);
        });
      }
    }
  }

  // The every-page file (js/eduplans.js: dom, index, planpick) comes after this page's
  // own scripts: the page starts once all of them have run.
  if (typeof document === "object") {
    document.addEventListener("DOMContentLoaded", () => {
      const box = document.getElementById("compare-plans");
      if (box) page(box);
    });
  }
})(globalThis.eduplans);
