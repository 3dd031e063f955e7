/* claimkit review page.  Article text and records are data: every node made
   from them is built with textContent, never parsed as HTML. */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("claimkit-data").textContent);
  const DOCS = DATA.docs;
  const VERDICTS = [
    ["correct", "Correct", "1", "✓ correct"],
    ["wrong_source", "Wrong source", "2", "✗ wrong source"],
    ["wrong_span", "Wrong span", "3", "✗ wrong span"],
    ["not_a_claim", "Not a claim", "4", "✗ not a claim"],
  ];
  const VERDICT_LABEL = Object.fromEntries(VERDICTS.map((v) => [v[0], v[3]]));
  const ROLE_ORDER = ["content", "source", "cue", "time", "cert", "missed"];
  const ROLE_NAME = { content: "claim", source: "source", cue: "cue", time: "time", cert: "certainty cue", missed: "missed" };
  const PREFIX = "claimkit:v1:";
  const DOC_KEYS = new Set(DOCS.map((d) => d.key));

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* ---------------------------------------------------------------- store */
  // Verdicts live in localStorage (keyed by record id; missed claims by the
  // document's key and offsets) and in memory, so a reload keeps them.
  const store = {
    mem: new Map(),
    persistent: true,
    load() {
      try {
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i);
          if (!key || !key.startsWith(PREFIX) || key.startsWith(PREFIX + "place:")) continue;
          try {
            const value = JSON.parse(localStorage.getItem(key));
            if (value && typeof value === "object") this.mem.set(key.slice(PREFIX.length), value);
          } catch (e) {
            /* a damaged entry is ignored */
          }
        }
      } catch (e) {
        this.persistent = false;
      }
    },
    get(key) {
      return this.mem.get(key) || null;
    },
    put(key, value) {
      if (value) this.mem.set(key, value);
      else this.mem.delete(key);
      try {
        if (value) localStorage.setItem(PREFIX + key, JSON.stringify(value));
        else localStorage.removeItem(PREFIX + key);
      } catch (e) {
        this.persistent = false;
        showWarning();
      }
    },
  };

  // Which article was open, so that a reload (or the next day's session) goes back to it.
  const PLACE = "claimkit:v1:place:" + DOCS.length + ":" + (DOCS.length ? DOCS[0].key : "");
  function rememberPlace(i) {
    try {
      localStorage.setItem(PLACE, String(i));
    } catch (e) {
      /* nothing to keep it in */
    }
  }
  function lastPlace() {
    try {
      const i = Number(localStorage.getItem(PLACE));
      return Number.isInteger(i) && i >= 0 && i < DOCS.length ? i : 0;
    } catch (e) {
      return 0;
    }
  }

  const claimKey = (id) => "v:" + id;
  const missedKey = (doc, start, end) => "m:" + doc.key + ":" + start + ":" + end;

  function mergeEmbedded() {
    // Verdicts written into the page (--verdicts) fill in what storage lacks;
    // of two verdicts on one claim, the more recent one wins.
    const byId = new Map(DOCS.map((d) => [d.id, d]));
    for (const v of DATA.verdicts || []) {
      const doc = byId.get(v.doc_id);
      if (!doc) continue;
      const key = v.verdict === "missed" ? missedKey(doc, v.start, v.end) : claimKey(v.id);
      const held = store.get(key);
      if (held && (held.reviewed_at || "") >= (v.reviewed_at || "")) continue;
      store.put(key, {
        verdict: v.verdict,
        note: v.note || "",
        reviewed_at: v.reviewed_at || null,
        doc_id: v.doc_id,
        start: v.start,
        end: v.end,
      });
    }
  }

  function showWarning() {
    $("storage-warning").hidden = store.persistent;
  }

  /* -------------------------------------------------------------- offsets */
  // Records count characters as Python does (code points); JavaScript strings
  // count UTF-16 units.  Articles without astral characters need no mapping.
  function offsetMaps(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return { cu: (i) => i, cp: (i) => i };
    const cuOf = [0];
    const cpOf = new Int32Array(text.length + 1);
    let cu = 0;
    let cp = 0;
    for (const ch of text) {
      cpOf[cu] = cp;
      if (ch.length === 2) cpOf[cu + 1] = cp;
      cu += ch.length;
      cp += 1;
      cuOf.push(cu);
    }
    cpOf[cu] = cp;
    return { cu: (i) => cuOf[Math.min(i, cuOf.length - 1)], cp: (i) => cpOf[i] };
  }

  /* ----------------------------------------------------------------- state */
  const state = {
    doc: null,
    docIndex: 0,
    claims: [], // prepared claims of the open document
    pieces: [], // article pieces in text order
    claimPieces: [], // claim index -> its pieces
    cards: [], // claim index -> card element
    visible: [], // claim indices passing the filters, in order
    selected: -1,
    view: "claims",
    missed: [], // missed entries of the open document
  };

  function prepareClaims(doc, maps) {
    return doc.claims.map((c, k) => {
      const spans = [];
      const add = (pair, role) => {
        if (pair) spans.push([maps.cu(pair[0]), maps.cu(pair[1]), role]);
      };
      add(c.c, "content");
      if (c.src) {
        add(c.src.m, "source");
        add(c.src.r, "source");
      }
      if (c.cue) add(c.cue.m, "cue");
      const seen = new Set();
      for (const t of [c.ra, c.et, ...(c.tm || [])]) {
        if (!t || seen.has(t[0] + ":" + t[1])) continue;
        seen.add(t[0] + ":" + t[1]);
        add(t, "time");
      }
      for (const q of c.cc || []) add(q, "cert");
      return Object.assign({ k, spans, n: k + 1 }, c);
    });
  }

  function missedOf(doc) {
    const prefix = "m:" + doc.key + ":";
    const out = [];
    for (const [key, value] of store.mem) {
      if (key.startsWith(prefix) && value.verdict === "missed") out.push(Object.assign({ key }, value));
    }
    out.sort((a, b) => a.start - b.start || a.end - b.end);
    return out;
  }

  /* --------------------------------------------------------------- article */
  function renderArticle(doc, maps) {
    const text = doc.text;
    const spans = [];
    state.claims.forEach((c) => c.spans.forEach((s) => spans.push([s[0], s[1], s[2], c.k])));
    state.missed.forEach((m, i) => spans.push([maps.cu(m.start), maps.cu(m.end), "missed", -1 - i]));
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      cuts.add(s[0]);
      cuts.add(s[1]);
    }
    // the source entities' mentions start and end pieces too, to be lit from the by-source view
    for (const e of Object.values(doc.ents || {})) {
      for (const m of e.m) {
        cuts.add(maps.cu(m[0]));
        cuts.add(maps.cu(m[1]));
      }
    }
    const bounds = Array.from(cuts).sort((a, b) => a - b);
    const index = new Map(bounds.map((b, i) => [b, i]));
    const refs = bounds.map(() => []);
    for (const s of spans) {
      for (let i = index.get(s[0]); i < index.get(s[1]); i++) refs[i].push(s);
    }
    const box = $("article-text");
    const frag = document.createDocumentFragment();
    state.pieces = [];
    state.claimPieces = state.claims.map(() => []);
    for (let i = 0; i + 1 < bounds.length; i++) {
      const piece = el("span", null, text.slice(bounds[i], bounds[i + 1]));
      piece._s = bounds[i];
      piece._refs = refs[i];
      if (refs[i].length) {
        const roles = new Set(refs[i].map((r) => r[2]));
        piece.className = ROLE_ORDER.filter((r) => roles.has(r)).map((r) => "r-" + r).join(" ");
        const seen = new Set();
        const titles = [];
        for (const r of refs[i]) {
          if (r[3] >= 0 && !seen.has(r[3])) {
            seen.add(r[3]);
            state.claimPieces[r[3]].push(piece);
          }
          titles.push(r[3] >= 0 ? "#" + (r[3] + 1) + " " + ROLE_NAME[r[2]] : "missed claim");
        }
        piece.title = Array.from(new Set(titles)).join(" · ");
      }
      frag.appendChild(piece);
      state.pieces.push(piece);
    }
    box.replaceChildren(frag);
  }

  function lightClaim(k) {
    for (const piece of $("article-text").querySelectorAll(".lit")) {
      piece.classList.remove("lit", "l-content", "l-source", "l-cue", "l-time", "l-cert", "l-entity");
    }
    if (k < 0) return;
    for (const piece of state.claimPieces[k]) {
      piece.classList.add("lit");
      for (const r of piece._refs) if (r[3] === k) piece.classList.add("l-" + r[2]);
    }
  }

  function claimAt(piece) {
    // The innermost claim whose content covers the piece, else a claim whose
    // source or cue it is; clicking again moves to the next one out.
    const ks = [];
    for (const r of piece._refs || []) if (r[3] >= 0 && !ks.includes(r[3])) ks.push(r[3]);
    if (!ks.length) return -1;
    const size = (k) => {
      const c = state.claims[k].c;
      const covers = piece._refs.some((r) => r[3] === k && r[2] === "content");
      return (covers ? 0 : 1e9) + (c[1] - c[0]);
    };
    ks.sort((a, b) => size(a) - size(b));
    const at = ks.indexOf(state.selected);
    return ks[(at + 1) % ks.length];
  }

  /* ----------------------------------------------------------------- cards */
  function timeLine(label, t, text) {
    if (!t) return null;
    const line = el("div", "fact");
    line.appendChild(el("span", "fact-label", label));
    line.appendChild(el("span", "fact-text", text.slice(t.a, t.b)));
    line.appendChild(el("span", "iso" + (t[2] ? "" : " unresolved"), t[2] ? "→ " + t[2] : "unresolved"));
    return line;
  }

  // The earlier fact-checks of the claim (extract/review --against): "checked before: rating,
  // by whom, when, link", the claim as checked under it; null when the claim was not looked up.
  function checkedBox(checks) {
    if (!checks) return null;
    const box = el("div", "checked" + (checks.length ? "" : " none"));
    if (!checks.length) {
      box.appendChild(el("span", "muted", "not found in the fact-checks given"));
      return box;
    }
    for (const k of checks) {
      // reads as the table's line: "checked before: rating, by whom, when, link"
      const line = el("div", "checked-line");
      line.appendChild(el("span", "checked-label", "checked before:"));
      line.appendChild(document.createTextNode(" "));
      line.appendChild(el("span", "chip rating", k.r || "not rated"));
      const more = [];
      if (k.by) more.push(el("span", "checked-by", "by " + k.by));
      if (k.d) more.push(el("span", "muted", k.d));
      if (k.u) {
        const a = el("a", "checked-link", k.u);
        a.href = k.u;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        more.push(a);
      } else {
        more.push(el("span", "muted", k.id));
      }
      for (const node of more) {
        line.appendChild(document.createTextNode(", "));
        line.appendChild(node);
      }
      box.appendChild(line);
      if (k.cl) box.appendChild(el("div", "checked-claim", k.cl));
    }
    return box;
  }

  function makeCard(c, doc, maps) {
    const text = doc.text;
    const slice = (p) => text.slice(maps.cu(p[0]), maps.cu(p[1]));
    const card = el("article", "claim mode-" + c.mode);
    card.dataset.claimId = c.id;
    card.tabIndex = -1;

    const head = el("header", "claim-head");
    head.appendChild(el("span", "num", "#" + c.n));
    if (c.src) {
      head.appendChild(el("span", "src-name", c.src.name));
      head.appendChild(el("span", "chip kind", c.src.kind));
    } else {
      head.appendChild(el("span", "src-name none", "the article itself"));
    }
    head.appendChild(el("span", "chip mode", c.mode));
    head.appendChild(el("span", "verdict-badge"));
    card.appendChild(head);

    const quote = el("blockquote", "content", slice(c.c));
    card.appendChild(quote);
    if (c.st && c.st !== slice(c.c)) card.appendChild(el("p", "statement", c.st));
    const checked = checkedBox(c.ck);
    if (checked) card.appendChild(checked);

    const facts = el("div", "facts");
    if (c.cue) {
      const line = el("div", "fact");
      line.appendChild(el("span", "fact-label", "cue"));
      line.appendChild(el("span", "fact-text", slice(c.cue.m)));
      if (c.cue.lemma !== slice(c.cue.m).toLowerCase()) line.appendChild(el("span", "muted", "(" + c.cue.lemma + ")"));
      facts.appendChild(line);
    }
    const t = (x) => (x ? Object.assign([x[0], x[1], x[2]], { a: maps.cu(x[0]), b: maps.cu(x[1]) }) : null);
    const said = timeLine("said", t(c.ra), text);
    if (said) facts.appendChild(said);
    const event = timeLine("event", t(c.et), text);
    if (event) facts.appendChild(event);
    const others = (c.tm || []).filter((x) => !(c.et && x[0] === c.et[0] && x[1] === c.et[1]) && !(c.ra && x[0] === c.ra[0] && x[1] === c.ra[1]));
    for (const x of others) facts.appendChild(timeLine("time", t(x), text));

    const cert = el("div", "fact");
    cert.appendChild(el("span", "fact-label", "certainty"));
    cert.appendChild(el("span", "chip level level-" + c.cl, c.cl));
    if (c.pol === "negative") cert.appendChild(el("span", "chip negated", "negated"));
    if (c.cc && c.cc.length) cert.appendChild(el("span", "muted", "cues: " + c.cc.map(slice).join(", ")));
    facts.appendChild(cert);

    if (c.in !== null && c.in !== undefined) {
      const outer = state.claims.findIndex((o) => o.id === c.in);
      const line = el("div", "fact");
      line.appendChild(el("span", "fact-label", "nested"));
      const link = el("button", "linkish", outer >= 0 ? "inside #" + (outer + 1) : "inside " + c.in);
      link.type = "button";
      if (outer >= 0) link.addEventListener("click", (e) => (e.stopPropagation(), select(outer, true)));
      line.appendChild(link);
      facts.appendChild(line);
    }
    if (c.co !== null && c.co !== undefined) {
      const anchor = state.claims.findIndex((o) => o.id === c.co);
      const line = el("div", "fact");
      line.appendChild(el("span", "fact-label", "continues"));
      const link = el("button", "linkish", anchor >= 0 ? "the account of #" + (anchor + 1) : "the account of " + c.co);
      link.type = "button";
      if (anchor >= 0) link.addEventListener("click", (e) => (e.stopPropagation(), select(anchor, true)));
      line.appendChild(link);
      line.appendChild(el("span", "muted", "no cue of its own"));
      facts.appendChild(line);
    }
    const more = state.claims.filter((o) => o.co === c.id);
    if (more.length) {
      const line = el("div", "fact");
      line.appendChild(el("span", "fact-label", "goes on in"));
      for (const o of more) {
        const link = el("button", "linkish", "#" + o.n);
        link.type = "button";
        link.addEventListener("click", (e) => (e.stopPropagation(), select(o.k, true)));
        line.appendChild(link);
      }
      facts.appendChild(line);
    }
    const inner = state.claims.filter((o) => o.in === c.id);
    if (inner.length) {
      const line = el("div", "fact");
      line.appendChild(el("span", "fact-label", "holds"));
      for (const o of inner) {
        const link = el("button", "linkish", "#" + o.n);
        link.type = "button";
        link.addEventListener("click", (e) => (e.stopPropagation(), select(o.k, true)));
        line.appendChild(link);
      }
      facts.appendChild(line);
    }
    card.appendChild(facts);

    const review = el("div", "review");
    const buttons = el("div", "verdicts");
    for (const [value, label, key] of VERDICTS) {
      const b = el("button", "verdict v-" + value);
      b.type = "button";
      b.dataset.verdict = value;
      b.appendChild(el("kbd", null, key));
      b.appendChild(document.createTextNode(" " + label));
      b.addEventListener("click", (e) => {
        e.stopPropagation();
        select(c.k, false);
        setVerdict(c.k, currentVerdict(c.k) === value ? null : value);
      });
      buttons.appendChild(b);
    }
    review.appendChild(buttons);
    const note = el("textarea", "note");
    note.rows = 1;
    note.placeholder = "Note (n)";
    note.setAttribute("aria-label", "note on claim #" + c.n);
    note.addEventListener("input", () => setNote(c.k, note.value));
    note.addEventListener("focus", () => select(c.k, false));
    review.appendChild(note);
    card.appendChild(review);

    card.addEventListener("click", () => select(c.k, true));
    return card;
  }

  function paintCard(k) {
    const card = state.cards[k];
    const entry = store.get(claimKey(state.claims[k].id));
    const verdict = entry ? entry.verdict : null;
    for (const [value] of VERDICTS) card.classList.toggle("v-" + value, verdict === value);
    card.classList.toggle("reviewed", !!verdict);
    card.querySelector(".verdict-badge").textContent = verdict ? VERDICT_LABEL[verdict] : "";
    for (const b of card.querySelectorAll("button.verdict")) b.setAttribute("aria-pressed", String(b.dataset.verdict === verdict));
    const note = card.querySelector(".note");
    const value = entry ? entry.note || "" : "";
    if (note.value !== value && document.activeElement !== note) note.value = value;
  }

  /* --------------------------------------------------------------- verdicts */
  function currentVerdict(k) {
    const entry = store.get(claimKey(state.claims[k].id));
    return entry ? entry.verdict : null;
  }

  function entryFor(k) {
    const c = state.claims[k];
    return store.get(claimKey(c.id)) || { verdict: null, note: "", doc_id: state.doc.id };
  }

  function saveEntry(k, entry) {
    const key = claimKey(state.claims[k].id);
    const empty = !entry.verdict && !entry.note;
    store.put(key, empty ? null : Object.assign({}, entry, { reviewed_at: new Date().toISOString() }));
    paintCard(k);
    updateProgress();
  }

  function setVerdict(k, verdict) {
    if (k < 0) return;
    saveEntry(k, Object.assign({}, entryFor(k), { verdict }));
  }

  function setNote(k, note) {
    saveEntry(k, Object.assign({}, entryFor(k), { note }));
  }

  /* ----------------------------------------------------------------- missed */
  function pointToCu(node, offset) {
    const box = $("article-text");
    if (node.nodeType === Node.TEXT_NODE) {
      const piece = node.parentNode;
      return piece && piece._s !== undefined ? piece._s + offset : null;
    }
    if (node === box) {
      if (offset >= box.childNodes.length) return state.doc.text.length;
      return box.childNodes[offset]._s;
    }
    if (node._s !== undefined) return offset === 0 ? node._s : node._s + node.textContent.length;
    return null;
  }

  function selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const range = sel.getRangeAt(0);
    const box = $("article-text");
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    let a = pointToCu(range.startContainer, range.startOffset);
    let b = pointToCu(range.endContainer, range.endOffset);
    if (a === null || b === null) return null;
    const text = state.doc.text;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    return a < b ? [a, b] : null;
  }

  function markMissed() {
    const span = selectionOffsets();
    if (!span) {
      flash("Select the words of the missed claim in the article first.");
      return;
    }
    const maps = offsetMaps(state.doc.text);
    const start = maps.cp(span[0]);
    const end = maps.cp(span[1]);
    store.put(missedKey(state.doc, start, end), {
      verdict: "missed",
      note: "",
      doc_id: state.doc.id,
      start,
      end,
      reviewed_at: new Date().toISOString(),
    });
    window.getSelection().removeAllRanges();
    hideMissedButton();
    openDoc(state.docIndex, state.selected);
    flash("Marked as a missed claim (characters " + start + "–" + end + ").");
  }

  function renderMissed(doc, maps) {
    const box = $("missed");
    box.replaceChildren();
    if (!state.missed.length) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    box.appendChild(el("h3", "missed-title", "Missed by claimkit (" + state.missed.length + ")"));
    for (const m of state.missed) {
      const card = el("div", "missed-card");
      card.dataset.missed = m.start + "-" + m.end;
      const quote = el("blockquote", "content", doc.text.slice(maps.cu(m.start), maps.cu(m.end)));
      card.appendChild(quote);
      const row = el("div", "review");
      row.appendChild(el("span", "muted", "characters " + m.start + "–" + m.end));
      const note = el("textarea", "note");
      note.rows = 1;
      note.placeholder = "Note: who said it?";
      note.value = m.note || "";
      note.addEventListener("input", () => store.put(m.key, Object.assign({}, store.get(m.key), { note: note.value, reviewed_at: new Date().toISOString() })));
      row.appendChild(note);
      const remove = el("button", "linkish remove", "remove");
      remove.type = "button";
      remove.addEventListener("click", () => {
        store.put(m.key, null);
        openDoc(state.docIndex, state.selected);
      });
      row.appendChild(remove);
      card.appendChild(row);
      box.appendChild(card);
    }
  }

  function showMissedButton() {
    const button = $("mark-missed");
    const span = selectionOffsets();
    if (!span) return hideMissedButton();
    const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
    button.hidden = false;
    button.style.top = Math.max(4, rect.top - 40) + "px";
    button.style.left = Math.max(4, rect.left) + "px";
  }

  function hideMissedButton() {
    $("mark-missed").hidden = true;
  }

  /* ---------------------------------------------------------------- filters */
  function fillFilters() {
    const sources = new Map();
    for (const c of state.claims) {
      const name = c.src ? c.src.name : "";
      sources.set(name, (sources.get(name) || 0) + 1);
    }
    const menu = $("f-source");
    const keep = menu.options.length ? menu.value : "*";
    menu.replaceChildren(new Option("All sources", "*"));
    for (const [name, count] of Array.from(sources).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      menu.appendChild(new Option((name || "(unattributed)") + " · " + count, name));
    }
    menu.value = sources.has(keep) ? keep : "*";
  }

  function passes(c) {
    const source = $("f-source").value;
    const mode = $("f-mode").value;
    const level = $("f-cert").value;
    const status = $("f-status").value;
    const query = $("f-search").value.trim().toLowerCase();
    if (source !== "*" && (c.src ? c.src.name : "") !== source) return false;
    if (mode !== "*" && c.mode !== mode) return false;
    if (level === "negated" ? c.pol !== "negative" : level !== "*" && c.cl !== level) return false;
    if (status !== "*") {
      const verdict = currentVerdict(c.k);
      if (status === "todo" ? verdict : !verdict) return false;
    }
    if (query) {
      const text = state.doc.text;
      const maps = state.maps;
      const hay = [text.slice(maps.cu(c.c[0]), maps.cu(c.c[1])), c.st || "", c.src ? c.src.name : "", c.cue ? c.cue.lemma : ""];
      const entry = store.get(claimKey(c.id));
      if (entry && entry.note) hay.push(entry.note);
      if (!hay.join("\n").toLowerCase().includes(query)) return false;
    }
    return true;
  }

  function applyFilters() {
    state.visible = [];
    for (const c of state.claims) {
      const ok = passes(c);
      state.cards[c.k].hidden = !ok;
      if (ok) state.visible.push(c.k);
    }
    const n = state.claims.length;
    const noun = n === 1 ? " claim" : " claims";
    $("shown").textContent = state.visible.length === n ? n + noun : state.visible.length + " of " + n + noun;
    $("empty").hidden = state.claims.length > 0 || state.view !== "claims";
    if (state.view === "sources") renderSources();
  }

  /* -------------------------------------------------------------- by source */
  // One row per source entity (schema 1.2: ``source.entity``; records without
  // one are grouped by name and kind), with the words by which the article
  // refers to it; clicking them lights every mention in the article.
  function sourceGroups() {
    const groups = new Map();
    for (const k of state.visible) {
      const c = state.claims[k];
      const key = !c.src ? "" : c.src.e ? "e:" + c.src.e : "n:" + c.src.name + "\u0000" + c.src.kind;
      if (!groups.has(key)) groups.set(key, { src: c.src, ent: c.src && c.src.e ? (state.doc.ents || {})[c.src.e] : null, ks: [] });
      groups.get(key).ks.push(k);
    }
    return Array.from(groups.values()).sort((a, b) => b.ks.length - a.ks.length);
  }

  function mentionsLine(g) {
    const line = el("button", "src-mentions");
    line.type = "button";
    const text = state.doc.text;
    const words = [];
    for (const m of g.ent.m) {
      const w = text.slice(state.maps.cu(m[0]), state.maps.cu(m[1]));
      if (!words.includes(w)) words.push(w);
    }
    line.textContent = "as " + words.map((w) => "“" + w + "”").join(" · ");
    line.title = "Light the " + g.ent.m.length + (g.ent.m.length === 1 ? " mention" : " mentions") + " in the article";
    line.addEventListener("click", () => lightEntity(g.ent));
    return line;
  }

  function lightEntity(ent) {
    select(-1, false);
    const spans = ent.m.map((m) => [state.maps.cu(m[0]), state.maps.cu(m[1])]);
    let first = null;
    for (const piece of state.pieces) {
      const end = piece._s + piece.textContent.length;
      if (spans.some((s) => s[0] <= piece._s && end <= s[1] && s[0] < s[1])) {
        piece.classList.add("lit", "l-source", "l-entity");
        if (!first) first = piece;
      }
    }
    if (first) first.scrollIntoView({ block: "center" });
  }

  function renderSources() {
    const box = $("sources");
    const frag = document.createDocumentFragment();
    for (const g of sourceGroups()) {
      const section = el("section", "source-group");
      const head = el("header", "source-head");
      const name = g.ent ? g.ent.name : g.src ? g.src.name : "the article itself";
      head.appendChild(el("span", "src-name" + (g.src ? "" : " none"), name));
      if (g.src) head.appendChild(el("span", "chip kind", g.ent ? g.ent.kind : g.src.kind));
      head.appendChild(el("span", "count", g.ks.length + (g.ks.length === 1 ? " claim" : " claims")));
      section.appendChild(head);
      if (g.ent && g.ent.m.length) section.appendChild(mentionsLine(g));
      const list = el("ol", "source-claims");
      for (const k of g.ks) list.appendChild(sourceClaim(k));
      section.appendChild(list);
      frag.appendChild(section);
    }
    box.replaceChildren(frag);
    markSelectedInSources();
  }

  function sourceClaim(k) {
    const c = state.claims[k];
    const item = el("li", "source-claim");
    item.dataset.k = String(k);
    item.appendChild(el("span", "num", "#" + c.n));
    const cue = c.cue ? state.doc.text.slice(state.maps.cu(c.cue.m[0]), state.maps.cu(c.cue.m[1])) + ": " : "";
    item.appendChild(el("span", "muted", cue));
    item.appendChild(el("span", null, c.st || state.doc.text.slice(state.maps.cu(c.c[0]), state.maps.cu(c.c[1]))));
    const entry = store.get(claimKey(c.id));
    if (entry && entry.verdict) item.appendChild(el("span", "chip v-chip v-" + entry.verdict, VERDICT_LABEL[entry.verdict]));
    item.addEventListener("click", () => select(k, true));
    return item;
  }

  function markSelectedInSources() {
    for (const item of $("sources").querySelectorAll(".source-claim")) {
      item.classList.toggle("selected", Number(item.dataset.k) === state.selected);
    }
  }

  function setView(view) {
    state.view = view;
    $("claims").hidden = view !== "claims";
    $("sources").hidden = view !== "sources";
    $("view-claims").setAttribute("aria-pressed", String(view === "claims"));
    $("view-sources").setAttribute("aria-pressed", String(view === "sources"));
    applyFilters();
    const item = view === "claims" ? state.cards[state.selected] : $("sources").querySelector(".source-claim.selected");
    if (item) item.scrollIntoView({ block: "nearest" });
    else $("list-pane").scrollTop = 0;
  }

  /* -------------------------------------------------------------- selection */
  function select(k, scrollArticle) {
    if (state.selected >= 0 && state.cards[state.selected]) state.cards[state.selected].classList.remove("selected");
    state.selected = k;
    lightClaim(k);
    if (k < 0) return;
    const card = state.cards[k];
    card.classList.add("selected");
    if (state.view === "claims") card.scrollIntoView({ block: "nearest" });
    else markSelectedInSources();
    if (scrollArticle && state.claimPieces[k].length) state.claimPieces[k][0].scrollIntoView({ block: "center" });
  }

  function step(delta) {
    const list = state.visible;
    if (!list.length) return;
    const at = list.indexOf(state.selected);
    if (at === list.length - 1 && delta > 0 && state.docIndex < DOCS.length - 1) flash("Last claim of this article: ] opens the next one.");
    const next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta));
    select(list[next], true);
  }

  /* --------------------------------------------------------------- progress */
  function docProgress(doc) {
    let done = 0;
    for (const c of doc.claims) {
      const entry = store.get(claimKey(c.id));
      if (entry && entry.verdict) done++;
    }
    return done;
  }

  function docLabel(i) {
    const doc = DOCS[i];
    const done = docProgress(doc);
    const mark = doc.claims.length && done === doc.claims.length ? "✓ " : "";
    return mark + (i + 1) + ". " + (doc.title || doc.id) + " — " + done + "/" + doc.claims.length;
  }

  function updateProgress() {
    const i = state.docIndex;
    const option = $("doc-select").options[i];
    if (option) option.textContent = docLabel(i);
    const done = docProgress(state.doc);
    $("doc-progress").textContent = done + " of " + state.doc.claims.length + " reviewed";
    let reviewed = 0;
    let total = 0;
    let lines = 0;
    for (const d of DOCS) {
      total += d.claims.length;
      for (const c of d.claims) {
        const entry = store.get(claimKey(c.id));
        if (entry && entry.verdict) reviewed++;
        if (entry && (entry.verdict || entry.note)) lines++;
      }
    }
    for (const [key, value] of store.mem) {
      if (value.verdict === "missed" && DOC_KEYS.has(key.split(":")[1])) lines++;
    }
    $("all-progress").textContent = reviewed + " / " + total + " reviewed";
    $("download").textContent = "Download verdicts (" + lines + ")";
  }

  /* --------------------------------------------------------------- download */
  function exportLines() {
    const lines = [];
    for (const doc of DOCS) {
      for (const c of doc.claims) {
        const entry = store.get(claimKey(c.id));
        if (!entry || (!entry.verdict && !entry.note)) continue;
        lines.push({
          id: c.id,
          doc_id: doc.id,
          verdict: entry.verdict || null,
          note: entry.note || "",
          start: null,
          end: null,
          reviewed_at: entry.reviewed_at || null,
          mode: c.mode,
          source_kind: c.src ? c.src.kind : null,
        });
      }
      for (const m of missedOf(doc)) {
        lines.push({
          id: null,
          doc_id: doc.id,
          verdict: "missed",
          note: m.note || "",
          start: m.start,
          end: m.end,
          reviewed_at: m.reviewed_at || null,
          mode: null,
          source_kind: null,
        });
      }
    }
    return lines;
  }

  function download() {
    const body = exportLines().map((line) => JSON.stringify(line) + "\n").join("");
    const blob = new Blob([body], { type: "application/x-ndjson" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "claimkit-verdicts-" + new Date().toISOString().slice(0, 10) + ".jsonl";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  /* -------------------------------------------------------------- documents */
  function openDoc(i, keepSelected) {
    const doc = DOCS[i];
    state.doc = doc;
    state.docIndex = i;
    const maps = offsetMaps(doc.text);
    state.maps = maps;
    state.claims = prepareClaims(doc, maps);
    state.missed = missedOf(doc);
    state.selected = -1;
    $("doc-select").value = String(i);
    rememberPlace(i);
    $("doc-title").textContent = doc.title || doc.id;
    const meta = $("doc-meta");
    meta.replaceChildren();
    if (doc.published) meta.appendChild(el("span", null, doc.published));
    meta.appendChild(el("span", "muted", doc.id));
    if (doc.site) meta.appendChild(el("span", null, doc.site));
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      const link = el("a", null, doc.url.replace(/^https?:\/\//i, ""));
      link.href = doc.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      meta.appendChild(link);
    } else if (doc.url) {
      meta.appendChild(el("span", "muted", doc.url));
    }
    meta.appendChild(el("span", "progress-inline", "")).id = "doc-progress";
    renderArticle(doc, maps);
    const list = $("claim-list");
    const frag = document.createDocumentFragment();
    state.cards = state.claims.map((c) => {
      const card = makeCard(c, doc, maps);
      frag.appendChild(card);
      return card;
    });
    list.replaceChildren(frag);
    state.cards.forEach((_, k) => paintCard(k));
    renderMissed(doc, maps);
    fillFilters();
    applyFilters();
    updateProgress();
    $("prev-doc").disabled = i === 0;
    $("next-doc").disabled = i === DOCS.length - 1;
    if (keepSelected !== undefined && keepSelected >= 0 && keepSelected < state.claims.length) select(keepSelected, false);
    else $("article-pane").scrollTop = 0;
  }

  function switchDoc(delta) {
    const i = state.docIndex + delta;
    if (i >= 0 && i < DOCS.length) openDoc(i);
  }

  /* -------------------------------------------------------------- keyboard */
  function onKey(e) {
    const target = e.target;
    const typing = target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT");
    if (typing) {
      if (e.key === "Escape") target.blur();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key;
    const verdict = VERDICTS.find((v) => v[2] === key);
    if (key === "j" || key === "ArrowDown") step(1);
    else if (key === "k" || key === "ArrowUp") step(-1);
    else if (verdict) {
      if (state.selected < 0) return flash("Select a claim first (j / k).");
      const k = state.selected;
      setVerdict(k, verdict[0]);
      if (state.view === "sources") renderSources();
      step(1);
    } else if (key === "0" || key === "Backspace" || key === "Delete") setVerdict(state.selected, null);
    else if (key === "n") {
      if (state.selected < 0 || state.view !== "claims") return;
      state.cards[state.selected].querySelector(".note").focus();
    } else if (key === "m") markMissed();
    else if (key === "]") switchDoc(1);
    else if (key === "[") switchDoc(-1);
    else if (key === "/") $("f-search").focus();
    else if (key === "s") setView(state.view === "claims" ? "sources" : "claims");
    else if (key === "?") $("help").hidden = !$("help").hidden;
    else if (key === "Escape") {
      $("help").hidden = true;
      select(-1);
    } else return;
    e.preventDefault();
  }

  let flashTimer = 0;
  function flash(message) {
    const box = $("flash");
    box.textContent = message;
    box.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => (box.hidden = true), 2600);
  }

  /* ------------------------------------------------------------------ start */
  function start() {
    store.load();
    mergeEmbedded();
    showWarning();
    const switcher = $("doc-select");
    const frag = document.createDocumentFragment();
    DOCS.forEach((_, i) => frag.appendChild(new Option(docLabel(i), String(i))));
    switcher.appendChild(frag);
    switcher.addEventListener("change", () => openDoc(Number(switcher.value)));
    $("prev-doc").addEventListener("click", () => switchDoc(-1));
    $("next-doc").addEventListener("click", () => switchDoc(1));
    for (const id of ["f-source", "f-mode", "f-cert", "f-status"]) $(id).addEventListener("change", applyFilters);
    $("f-search").addEventListener("input", applyFilters);
    $("view-claims").addEventListener("click", () => setView("claims"));
    $("view-sources").addEventListener("click", () => setView("sources"));
    $("download").addEventListener("click", download);
    $("mark-missed").addEventListener("mousedown", (e) => e.preventDefault());
    $("mark-missed").addEventListener("click", markMissed);
    $("help-toggle").addEventListener("click", () => ($("help").hidden = !$("help").hidden));
    $("help").addEventListener("click", () => ($("help").hidden = true));
    const article = $("article-text");
    article.addEventListener("click", (e) => {
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      const piece = e.target.closest("#article-text > span");
      const k = piece ? claimAt(piece) : -1;
      if (k >= 0) select(k, false);
    });
    document.addEventListener("selectionchange", () => {
      if (selectionOffsets()) showMissedButton();
      else hideMissedButton();
    });
    $("article-pane").addEventListener("scroll", hideMissedButton);
    document.addEventListener("keydown", onKey);
    // Another tab of the same page wrote a verdict: show it here too.
    window.addEventListener("storage", (e) => {
      if (!e.key || !e.key.startsWith(PREFIX) || e.key.startsWith(PREFIX + "place:")) return;
      const key = e.key.slice(PREFIX.length);
      let value = null;
      try {
        value = e.newValue ? JSON.parse(e.newValue) : null;
      } catch (err) {
        return;
      }
      if (value) store.mem.set(key, value);
      else store.mem.delete(key);
      if (key.startsWith("m:")) openDoc(state.docIndex, state.selected);
      else {
        state.cards.forEach((_, k) => paintCard(k));
        updateProgress();
      }
    });
    $("doc-count").textContent = DOCS.length + (DOCS.length === 1 ? " article" : " articles");
    if (DOCS.length) openDoc(lastPlace());
    else $("doc-title").textContent = "No articles";
    document.body.dataset.ready = "true";
  }

  start();
})();
