/* 对标 on a plan page, drawn from its data (generator/site/views/alignment.py
 * AlignmentData): under each item the superior's task it takes up, or that it is the
 * place's own; under a superior's item how many child places take it up, with links; the
 * plan's peers of the year, each with its side-by-side view; and a field that picks any
 * other plan as the reader types (planpick.js). What reads without script (the summary,
 * a link to the side-by-side page) is in the page. */
globalThis.eduplans ??= {};
((ns) => {
  "use strict";

  const need = (name) => (typeof require === "function" ? require(`./${name}.js`) : ns[name]);
  const decode = need("decode");
  const dom = need("dom");
  const OTHER_PLAN = "另一份计划：";
  const PLACEHOLDER = "输入地名或年份，如：青岛 2024";
  const SIDE_BY_SIDE = "并排对比";
  const PEERS = "同年相近的计划（不含上级和下辖地区）：";

  const score = (value) => value.toFixed(2);
  const href = (data, plan, anchor) => data.url.replace("{id}", plan.id) + (anchor ? `#${anchor}` : "");

  /** The side-by-side page with this plan and another. */
  function sideBySide(data, other) {
    return data.compare + need("planpick").query(data.plan, other);
  }

  /** anchors: the page's items in order → [{anchor, own, text, links: [{href, label}]}]. */
  function lines(data, anchors) {
    const out = [];
    for (const anchor of anchors) {
      if (anchor in data.up) {
        const row = decode.named(data.up[anchor], data.columns.up);
        const plan = data.plans[row.plan];
        const label = `${plan.label} ${plan.items[row.anchor]}`;
        out.push({
          anchor,
          own: false,
          text: `承接上级任务（相似度 ${score(row.score)}）：`,
          links: [{ href: href(data, plan, row.anchor), label }],
        });
      } else if (data.superior) {
        out.push({ anchor, own: true, text: "本地自有任务", links: [] });
      }
      if (data.children) {
        const links = (data.down[anchor] || []).map((row) => {
          const taker = decode.named(row, data.columns.down);
          const plan = data.plans[taker.plan];
          return { href: href(data, plan, taker.anchor), label: plan.label };
        });
        const text = `下辖 ${data.children} 个地区中 ${links.length} 个有对应任务${links.length ? "：" : ""}`;
        out.push({ anchor, own: false, text, links });
      }
    }
    return out;
  }

  /** The peers: [{href, label, why, sideBySide}]. */
  function peers(data) {
    return data.peers.map((row) => {
      const peer = decode.named(row, data.columns.peers);
      const plan = data.plans[peer.plan];
      const why = `（主题相似度 ${score(peer.themes)}，对应任务 ${Math.round(peer.matched * 100)}%）`;
      return { href: href(data, plan), label: plan.label, why, sideBySide: sideBySide(data, plan.id) };
    });
  }

  function drawLine(document, line) {
    const heading = document.getElementById(line.anchor);
    if (!heading) return;
    let at = heading.nextElementSibling;
    while (!dom.ends(at) && !at.matches("p.chips, details.cite-item, details.related")) at = at.nextElementSibling;
    const p = document.createElement("p");
    p.className = line.own ? "alignment own" : "alignment";
    p.append(line.text);
    line.links.forEach((link, k) => {
      if (k) p.append("、");
      dom.add(p, "a", link.label).href = link.href;
    });
    heading.parentNode.insertBefore(p, at);
  }

  function drawPeers(section, data, before) {
    const found = peers(data);
    if (!found.length) return;
    section.insertBefore(dom.add(section, "p", PEERS), before);
    const list = dom.add(section, "ul", undefined, "peers");
    for (const peer of found) {
      const li = dom.add(list, "li");
      dom.add(li, "a", peer.label).href = peer.href;
      li.append(`${peer.why} · `);
      dom.add(li, "a", SIDE_BY_SIDE).href = peer.sideBySide;
    }
    section.insertBefore(list, before);
  }

  function drawPick(document, data, after) {
    const form = document.createElement("form");
    form.className = "compare-pick";
    form.action = data.compare;
    form.dataset.index = data.index;
    const plan = dom.add(form, "input");
    Object.assign(plan, { type: "hidden", name: "a", value: data.plan });
    const label = dom.add(form, "label", OTHER_PLAN);
    label.htmlFor = "compare-pick-b";
    const field = dom.add(form, "input");
    Object.assign(field, { id: "compare-pick-b", name: "b", placeholder: PLACEHOLDER, autocomplete: "off" });
    field.setAttribute("list", "compare-pick-list");
    dom.add(form, "datalist").id = "compare-pick-list";
    dom.add(form, "button", SIDE_BY_SIDE, "compare-go").type = "submit";
    after.after(form);
    need("planpick").attach(form);
  }

  function draw(document) {
    const data = dom.data(document, ".alignment-data");
    if (!data) return;
    const anchors = [...document.querySelectorAll(".md-typeset .item[id]")].map((h) => h.id);
    for (const line of lines(data, anchors)) drawLine(document, line);
    const link = document.querySelector(".duibiao .compare-pick-link");
    drawPeers(link.parentNode, data, link);
    drawPick(document, data, link);
  }

  const api = { lines, peers, sideBySide, draw };
  ns.alignment = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis.eduplans);
