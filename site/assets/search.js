// Search for the ImmunoGen knowledge base: the semantics of docs/search.md, structurally the same code as
// src/ImmunoGen.Kb/Search (SearchText.cs, SearchEngine.cs); tests/search-cases.json holds both to it.
// On search.html (the page with #kb-search) it runs queries as you type; on every other page the header's
// search box is a plain form that submits to search.html?q=…, which works with or without this script.
(() => {
  'use strict';

  // ---- SearchText.cs -------------------------------------------------------------------------------
  const ALNUM = /[\p{L}\p{Nd}]/u;
  const isAlnum = (c) => ALNUM.test(c);

  function normalize(text) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (isAlnum(c)) out += c.toLowerCase();
    }
    return out;
  }

  function words(text) {
    return text.split(/\s+/).map(normalize).filter((w) => w.length > 0);
  }

  function maxEdits(length) {
    return length < 4 ? 0 : length < 8 ? 1 : 2;
  }

  // Damerau–Levenshtein (optimal string alignment), or max + 1 once it must exceed max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev2 = new Array(b.length + 1).fill(0);
    let prev = new Array(b.length + 1);
    let cur = new Array(b.length + 1).fill(0);
    for (let j = 0; j <= b.length; j++) prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
      cur[0] = i;
      let rowMin = cur[0];
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        cur[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > max) return max + 1;
      [prev2, prev, cur] = [prev, cur, prev2];
    }
    return Math.min(prev[b.length], max + 1);
  }

  // ---- SearchIndexWriter.cs: the pieces of the index and the postings encoding ------------------------
  const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) DIGIT[DIGITS.charCodeAt(i)] = i;

  const pad3 = (n) => String(n).padStart(3, '0');
  const textFile = (shard) => 'search/text-' + pad3(shard) + '.js';
  const filingFile = (chunk) => 'search/filings-' + pad3(chunk) + '.js';
  const entityPostingsFile = (chunk) => 'search/entities-' + pad3(chunk) + '.js';

  function termFile(prefix) {
    let name = '';
    for (const c of prefix) {
      // for…of walks code points; the writer names UTF-16 units, so split an astral character back into its two.
      for (let i = 0; i < c.length; i++) {
        const u = c.charCodeAt(i);
        name += (u >= 97 && u <= 122) || (u >= 48 && u <= 57) ? c[i] : '_' + u.toString(16).padStart(4, '0');
      }
    }
    return 'search/terms-' + name + '.js';
  }

  // Ascending ids: base-32 numbers (first id, then each gap minus one), or '!' first-id and 6 ids per character.
  function decodePostings(s) {
    const ids = [];
    let i = 0;
    const number = () => {
      let v = 0;
      for (;;) {
        const d = DIGIT[s.charCodeAt(i++)];
        v = (v << 5) | (d & 31);
        if (d < 32) return v;
      }
    };
    if (s.charCodeAt(0) === 33) {
      i = 1;
      const first = number();
      for (let j = 0; i < s.length; i++, j += 6) {
        const b = DIGIT[s.charCodeAt(i)];
        for (let k = 0; b >> k; k++) if (b & (1 << k)) ids.push(first + j + k);
      }
      return ids;
    }
    let last = -1;
    while (i < s.length) { last += number() + 1; ids.push(last); }
    return ids;
  }

  // First position in a sorted array of strings whose value is ≥ s.
  function lowerBound(list, s) {
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < s) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function hasId(ids, id) {
    let lo = 0, hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid] < id) lo = mid + 1; else hi = mid;
    }
    return lo < ids.length && ids[lo] === id;
  }

  // What a lookup returns while the piece of the index it needs is not loaded yet.
  const MISSING = Object.freeze([]);

  // ---- SearchEngine.cs -----------------------------------------------------------------------------
  const KEY = { Name: 0, Alias: 1, Part: 2, Attribute: 3 };
  const TIER = { Text: 1, Fuzzy: 2, Prefix: 3, Attribute: 4, Part: 5, Alias: 6, Name: 7 };
  const TIER_NAMES = ['', 'text', 'fuzzy', 'prefix', 'attribute', 'part', 'alias', 'name'];
  const MAX_PREFIX_TERMS = 50;
  const MAX_SUGGESTIONS = 5;
  const FUZZY_PREFIX_MIN_LENGTH = 5;
  const SNIPPET_BEFORE = 60;
  const SNIPPET_AFTER = 140;
  const KIND_RANK = { compound: 0, partner: 1, person: 2, filing: 3 };

  // The engine over search-index.js and whatever pieces have arrived in `parts` (path → data; the piece files
  // register themselves in window.KB_SEARCH_PARTS). search() answers from what is there and lists in `missing`
  // the pieces it lacked; filings join the results only once nothing is missing, so they are never half-ranked.
  class SearchEngine {
    constructor(index, parts) {
      this.parts = parts || (window.KB_SEARCH_PARTS = window.KB_SEARCH_PARTS || {});
      this.stop = new Set(index.stop);
      this.entities = index.entities.map(([kind, slug, name, url, target, partners, partnerNames, stage, keys]) => ({
        kind, slug, name, url, target, partners, partnerNames, stage,
        keys: keys.map(([key, type, label]) => ({ key, type, label })),
      }));
      this.n = index.filings;
      this.years = index.years;
      this.termStarts = index.terms;
      this.filingChunk = index.filingChunk;
      this.entityChunk = index.entityChunk;
      this.textShard = index.textShard;
      this.shards = new Map();
      this.named = new Array(this.entities.length);
      this.need = null;
      this.missing = [];
    }

    // A piece of the index, or undefined (and noted as missing) when it has not arrived.
    part(path) {
      const data = this.parts[path];
      if (data === undefined && this.need) this.need.add(path);
      return data;
    }

    termShard(s) {
      const path = termFile(this.termStarts[s]);
      let shard = this.shards.get(path);
      if (!shard) {
        const data = this.part(path);
        if (!data) return null;
        shard = { t: data.t, p: data.p, ids: new Array(data.t.length) };
        this.shards.set(path, shard);
      }
      return shard;
    }

    // The shard a term belongs to: the last whose start prefix is ≤ the term (the first shard for anything before).
    shardOf(term) {
      return Math.max(0, lowerBound(this.termStarts, term + '\0') - 1);
    }

    postingsIn(shard, i) {
      return shard.ids[i] || (shard.ids[i] = decodePostings(shard.p[i]));
    }

    postingsOf(term) {
      const shard = this.termShard(this.shardOf(term));
      if (!shard) return MISSING;
      const i = lowerBound(shard.t, term);
      return i < shard.t.length && shard.t[i] === term ? this.postingsIn(shard, i) : null;
    }

    // The filings that name entity e (ascending ids).
    filingsNaming(e) {
      if (this.named[e]) return this.named[e];
      const chunk = Math.floor(e / this.entityChunk);
      const data = this.part(entityPostingsFile(chunk));
      if (!data) return MISSING;
      return (this.named[e] = decodePostings(data[e - chunk * this.entityChunk]));
    }

    // [slug, title, date] of filing id.
    row(id) {
      const chunk = Math.floor(id / this.filingChunk);
      const data = this.part(filingFile(chunk));
      return data ? data[id - chunk * this.filingChunk] : undefined;
    }

    textFileOf(id) { return textFile(Math.floor(id / this.textShard)); }

    text(id) {
      const data = this.parts[this.textFileOf(id)];
      return data ? data[id % this.textShard] : undefined;
    }

    // Ids [from, to) of the filings dated in a year (ids follow dates, undated first).
    yearRange(year) {
      const i = this.years.findIndex(([y]) => y === year);
      if (i < 0) return [0, 0];
      return [this.years[i][1], i + 1 < this.years.length ? this.years[i + 1][1] : this.n];
    }

    search(query, filters = {}, limit = 20) {
      this.need = new Set();
      try {
        const q = normalize(query);
        if (q.length === 0 || limit <= 0) return [];
        const ws = words(query);
        const hits = [];
        const strong = [];
        this.entities.forEach((entity, e) => {
          const match = matchEntity(entity, q, ws);
          if (!match) return;
          if (match.tier >= TIER.Attribute) strong.push(e);
          if (passesEntity(entity, filters)) hits.push(entityResult(entity, match));
        });
        hits.sort(compare);
        const top = hits.slice(0, limit);
        for (const f of this.filingHits(query, q, ws, strong, filters, limit - top.length)) {
          f.terms = this.snippetTerms(f.id, q, ws, strong);
          top.push(f);
        }
        return top;
      } finally {
        this.missing = [...this.need];
        this.need = null;
      }
    }

    suggest(query) {
      const q = normalize(query);
      if (q.length === 0) return [];
      const found = this.entities.map((e) => {
        let best = Infinity;
        for (const k of e.keys) if (k.type !== KEY.Attribute) best = Math.min(best, distance(q, k.key, q.length + k.key.length));
        return { kind: e.kind, slug: e.slug, name: e.name, url: e.url, distance: best };
      });
      found.sort((a, b) => a.distance - b.distance || KIND_RANK[a.kind] - KIND_RANK[b.kind] || cmp(a.slug, b.slug));
      return found.slice(0, MAX_SUGGESTIONS);
    }

    // Newest first (highest id) within a score; marks per filing keep a query that hits every filing linear.
    // The year filter is an id range; the partner filter, the filings that name the partner.
    filingHits(query, q, ws, strong, filters, need) {
      const hits = [];
      const n = this.n;
      if (need <= 0 || n === 0 || (filters.kind && filters.kind !== 'filing')) return hits;
      const mark = new Uint8Array(n);
      const because = new Int32Array(n);
      for (const e of strong) {
        for (const f of this.filingsNaming(e)) if (mark[f] !== 2) { mark[f] = 2; because[f] = e; }
      }
      let partner = null;
      if (filters.partner) {
        partner = new Uint8Array(n);
        const p = this.entities.findIndex((x) => x.kind === 'partner' && x.slug === filters.partner);
        if (p >= 0) for (const f of this.filingsNaming(p)) partner[f] = 1;
      }
      this.markText(mark, q, ws);
      if (this.need.size > 0) return hits;
      const [from, to] = filters.year ? this.yearRange(filters.year) : [0, n];
      const textWhy = 'text "' + query.trim() + '"';
      for (let score = 1; score >= 0 && hits.length < need; score--) {
        for (let f = to - 1; f >= from && hits.length < need; f--) {
          if (mark[f] === score + 1 && (!partner || partner[f])) {
            const [slug, title, date] = this.row(f) || [];
            const why = score === 1 ? 'mentions ' + this.entities[because[f]].name : textWhy;
            hits.push({ kind: 'filing', slug, title, url: 'filings/' + slug + '.html', why, tier: TIER.Text, score, date, id: f });
          }
        }
      }
      return hits;
    }

    markText(mark, q, ws) {
      const whole = q.length >= 2 ? this.postingsOf(q) : null;
      if (whole) markAll(mark, whole);
      const terms = ws.filter((w) => w.length >= 2 && !this.stop.has(w));
      if (terms.length === 0) return;
      let acc = null;
      for (let i = 0; i < terms.length; i++) {
        const ids = i === terms.length - 1 && terms[i].length >= 3 ? this.prefixPostings(terms[i]) : this.postingsOf(terms[i]) || [];
        if (ids === MISSING) continue; // not loaded: ask for every word's shard at once, answer on the next pass
        acc = acc === null ? ids : intersect(acc, ids);
        if (acc.length === 0 && this.need.size === 0) return;
      }
      markAll(mark, acc || []);
    }

    // Union of the postings of the first MAX_PREFIX_TERMS terms starting with prefix; they may run on into later shards.
    prefixPostings(prefix) {
      let s = this.shardOf(prefix);
      let shard = this.termShard(s);
      if (!shard) return MISSING;
      const seen = new Uint8Array(this.n);
      let i = lowerBound(shard.t, prefix);
      for (let n = 0; n < MAX_PREFIX_TERMS;) {
        if (i >= shard.t.length) {
          if (++s >= this.termStarts.length) break;
          shard = this.termShard(s);
          if (!shard) return MISSING;
          i = 0;
          continue;
        }
        if (!shard.t[i].startsWith(prefix)) break;
        for (const id of this.postingsIn(shard, i)) seen[id] = 1;
        i++;
        n++;
      }
      const ids = [];
      for (let id = 0; id < seen.length; id++) if (seen[id]) ids.push(id);
      return ids;
    }

    snippetTerms(id, q, ws, strong) {
      const terms = [q, ...ws.filter((w) => w.length >= 2 && !this.stop.has(w))];
      for (const e of strong) {
        if (hasId(this.filingsNaming(e), id)) for (const k of this.entities[e].keys) if (k.type <= KEY.Alias) terms.push(k.key);
      }
      return [...new Set(terms)];
    }
  }

  function matchEntity(entity, q, ws) {
    let best = matchKeys(entity, q);
    if (ws.length > 1) {
      let weakest = null;
      for (const w of ws) {
        const m = matchKeys(entity, w);
        if (!m) { weakest = null; break; }
        if (!weakest || better(weakest, m)) weakest = m;
      }
      if (weakest && (!best || better(weakest, best))) best = weakest;
    }
    return best;
  }

  function matchKeys(entity, q) {
    let best = null;
    const edits = maxEdits(q.length);
    for (const k of entity.keys) {
      let m = null;
      if (k.key === q) {
        m = { tier: exactTier(k.type), score: 0, key: k };
      } else if (k.type !== KEY.Attribute) {
        if (q.length >= 2 && k.key.startsWith(q)) {
          m = { tier: TIER.Prefix, score: q.length - k.key.length, key: k };
        } else if (edits > 0) {
          // A typo in a whole key scores 2 per edit; in the start of a longer key (still typing) one more.
          const d = distance(q, k.key, edits);
          if (d <= edits) {
            m = { tier: TIER.Fuzzy, score: -2 * d, key: k };
          } else if (q.length >= FUZZY_PREFIX_MIN_LENGTH && k.key.length > q.length) {
            const dp = distance(q, k.key.slice(0, q.length), edits);
            if (dp <= edits) m = { tier: TIER.Fuzzy, score: -2 * dp - 1, key: k };
          }
        }
      }
      if (m && (!best || better(m, best))) best = m;
    }
    return best;
  }

  const better = (a, b) => (a.tier !== b.tier ? a.tier > b.tier : a.score > b.score);

  function exactTier(type) {
    return type === KEY.Name ? TIER.Name : type === KEY.Alias ? TIER.Alias : type === KEY.Part ? TIER.Part : TIER.Attribute;
  }

  function why(tier, key) {
    switch (tier) {
      case TIER.Name: return 'exact name';
      case TIER.Alias: return 'alias ' + key.label;
      case TIER.Part: return 'part of ' + key.label;
      case TIER.Attribute: return key.label;
      case TIER.Prefix: return 'prefix of ' + key.label;
      default: return 'close to ' + key.label;
    }
  }

  function entityResult(e, m) {
    return {
      kind: e.kind, slug: e.slug, title: e.name, url: e.url, why: why(m.tier, m.key), tier: m.tier, score: m.score,
      target: e.target, partner: e.kind === 'compound' ? e.partnerNames.join(', ') : '', stage: e.stage, date: '',
    };
  }

  function passesEntity(e, f) {
    return (!f.kind || f.kind === e.kind) && !f.year && (!f.partner || (e.kind !== 'person' && e.partners.includes(f.partner)));
  }

  function markAll(mark, ids) {
    for (const id of ids) if (mark[id] === 0) mark[id] = 1;
  }

  function intersect(a, b) {
    const r = [];
    let i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { r.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return r;
  }

  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  // Entity order: tier, score, kind (compound, partner, person), slug.
  function compare(a, b) {
    return b.tier - a.tier || b.score - a.score || KIND_RANK[a.kind] - KIND_RANK[b.kind] || cmp(a.slug, b.slug);
  }

  // The passage around the earliest term that starts a word, with every term occurrence in it highlighted.
  function snippet(text, terms) {
    let norm = '';
    const at = [];
    for (let i = 0; i < text.length; i++) {
      if (isAlnum(text[i])) { norm += text[i].toLowerCase(); at.push(i); }
    }
    const occ = [];
    for (const t of terms) {
      if (t.length === 0) continue;
      for (let p = norm.indexOf(t); p >= 0; p = norm.indexOf(t, p + 1)) {
        const start = at[p];
        if (start === 0 || !isAlnum(text[start - 1])) occ.push([start, at[p + t.length - 1] + 1]);
      }
    }
    occ.sort((a, b) => (a[0] !== b[0] ? a[0] - b[0] : b[1] - a[1]));
    const first = occ.length > 0 ? occ[0][0] : 0;
    let from = Math.max(0, first - SNIPPET_BEFORE);
    if (from > 0) {
      const space = text.indexOf(' ', from);
      from = space >= 0 && space < first ? space + 1 : from;
    }
    let to = Math.min(text.length, first + SNIPPET_AFTER);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      to = space > first ? space : to;
    }
    const lead = from > 0 ? '…' : '';
    const out = lead + text.slice(from, to).replace(/\n/g, ' ') + (to < text.length ? '…' : '');
    const highlights = [];
    let end = -1;
    for (const [s, e] of occ) {
      if (s >= from && e <= to && s >= end) { highlights.push([s - from + lead.length, e - s]); end = e; }
    }
    return { text: out, highlights };
  }

  // ---- The page ------------------------------------------------------------------------------------
  const root = document.documentElement.dataset.root ?? document.body?.dataset.root ?? '';

  // Each file once: a script tag relative to the site root (works from file:// and under any base path).
  const loading = new Map();
  function loadScript(path) {
    let p = loading.get(path);
    if (!p) {
      p = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = root + path;
        s.onload = () => resolve();
        s.onerror = () => { loading.delete(path); s.remove(); reject(new Error('could not load ' + path)); };
        document.head.appendChild(s);
      });
      loading.set(path, p);
    }
    return p;
  }

  const GROUPS = [['compound', 'Compounds'], ['partner', 'Partners'], ['person', 'People'], ['filing', 'Filings']];
  const LIMIT = 50;

  function el(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function startPage(page) {
    const input = page.querySelector('#kb-q');
    const kind = page.querySelector('#kb-kind');
    const partner = page.querySelector('#kb-partner');
    const year = page.querySelector('#kb-year');
    const status = page.querySelector('#kb-status');
    const out = page.querySelector('#kb-results');
    const header = document.getElementById('site-q');
    const textsAsked = new Set();
    let engine = null;
    let active = -1;

    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    if (header) header.value = input.value;

    function filters() {
      return { kind: kind.value || null, partner: partner.value || null, year: year.value ? Number(year.value) : null };
    }

    function keepInUrl() {
      const p = new URLSearchParams();
      if (input.value) p.set('q', input.value);
      for (const [name, sel] of [['kind', kind], ['partner', partner], ['year', year]]) if (sel.value) p.set(name, sel.value);
      const qs = p.toString();
      try { history.replaceState(null, '', qs ? '?' + qs : location.pathname); } catch { /* some file:// setups refuse; the page still works */ }
    }

    function items() { return [...out.querySelectorAll('.kb-result')]; }

    function setActive(i) {
      const list = items();
      if (list.length === 0) { active = -1; return; }
      active = Math.max(0, Math.min(i, list.length - 1));
      list.forEach((li, n) => li.setAttribute('aria-selected', n === active ? 'true' : 'false'));
      list[active].scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', list[active].id);
    }

    function renderResult(r, rank) {
      const li = el('li', 'kb-result');
      li.id = 'kb-r' + rank;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.kind = r.kind;
      li.dataset.slug = r.slug;
      li.dataset.rank = String(rank);
      li.dataset.tier = TIER_NAMES[r.tier];
      const a = el('a', 'kb-title', r.title);
      a.href = root + r.url;
      li.append(a, ' ', el('span', 'kb-why', r.why));
      const details = r.kind === 'filing' ? [r.date] : [r.target, r.partner, r.stage];
      const shown = details.filter((d) => d);
      if (shown.length > 0) li.append(el('div', 'kb-meta', shown.join(' · ')));
      if (r.kind === 'filing') {
        const text = engine.text(r.id);
        if (text !== undefined) {
          const s = snippet(text, r.terms);
          const p = el('p', 'kb-snippet');
          let at = 0;
          for (const [start, length] of s.highlights) {
            p.append(s.text.slice(at, start), el('mark', '', s.text.slice(start, start + length)));
            at = start + length;
          }
          p.append(s.text.slice(at));
          li.append(p);
        } else if (!textsAsked.has(engine.textFileOf(r.id))) {
          textsAsked.add(engine.textFileOf(r.id));
          loadScript(engine.textFileOf(r.id)).then(run, () => {});
        }
      }
      li.addEventListener('mousemove', () => { const n = items().indexOf(li); if (n !== active) setActive(n); });
      return li;
    }

    let lastRun = null;
    let generation = 0;

    // Runs the query on what has arrived and shows it; when the query needs pieces of the index that have not
    // (term shards of its words, the filings of the entities it found, the rows of the filings it shows), loads
    // them all at once and runs again. data-done says the results on screen are complete for that query.
    function run() {
      if (!engine) return;
      const gen = ++generation;
      const query = input.value;
      keepInUrl();
      // A re-render for the same query (more of the index arrived) keeps the keyboard selection.
      const key = JSON.stringify([query, filters()]);
      const keep = key === lastRun ? active : -1;
      lastRun = key;
      out.replaceChildren();
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (normalize(query).length === 0) { status.textContent = ''; page.dataset.done = query; return; }
      const results = engine.search(query, filters(), LIMIT);
      const missing = engine.missing;
      if (missing.length > 0) {
        delete page.dataset.done;
        Promise.all(missing.map(loadScript)).then(() => { if (gen === generation) run(); }, (err) => {
          if (gen !== generation) return;
          status.textContent = 'Search is unavailable: ' + err.message + '.';
          page.dataset.ready = 'error';
        });
      } else {
        page.dataset.done = query;
      }
      if (results.length === 0 && missing.length > 0) {
        status.textContent = 'Searching…';
        return;
      }
      if (results.length === 0) {
        status.textContent = 'No results for “' + query.trim() + '”.';
        const sugg = engine.suggest(query);
        if (sugg.length > 0) {
          const p = el('p', 'kb-suggest', 'Closest: ');
          sugg.forEach((s, i) => {
            const a = el('a', 'kb-suggestion', s.name);
            a.href = '?q=' + encodeURIComponent(s.name);
            a.dataset.slug = s.slug;
            a.addEventListener('click', (ev) => { ev.preventDefault(); input.value = s.name; run(); input.focus(); });
            p.append(i > 0 ? ', ' : '', a);
          });
          out.append(p);
        }
        return;
      }
      status.textContent = results.length + (results.length === LIMIT ? '+' : '') + ' results';
      // Groups in the order of their best result, so the top result is always first on the page.
      const groups = GROUPS
        .map(([k, label]) => ({ label, list: results.map((r, rank) => ({ r, rank })).filter((x) => x.r.kind === k) }))
        .filter((g) => g.list.length > 0)
        .sort((a, b) => a.list[0].rank - b.list[0].rank);
      for (const g of groups) {
        const section = el('section', 'kb-group');
        section.append(el('h2', '', g.label + ' (' + g.list.length + ')'));
        const ul = el('ul', 'kb-list');
        ul.setAttribute('role', 'listbox');
        for (const { r, rank } of g.list) ul.append(renderResult(r, rank));
        section.append(ul);
        out.append(section);
      }
      if (keep >= 0) setActive(keep);
    }

    input.addEventListener('input', run);
    for (const sel of [kind, partner, year]) sel.addEventListener('change', run);
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown') { ev.preventDefault(); setActive(active + 1); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); setActive(active - 1); }
      else if (ev.key === 'Enter') {
        ev.preventDefault();
        const list = items();
        const target = list[active >= 0 ? active : 0];
        if (target) location.href = target.querySelector('a').href;
      } else if (ev.key === 'Escape') { input.value = ''; run(); }
    });
    page.querySelector('form')?.addEventListener('submit', (ev) => ev.preventDefault());

    status.textContent = 'Loading the index…';
    loadScript('search-index.js').then(() => {
      const index = window.KB_SEARCH_INDEX;
      engine = new SearchEngine(index);
      for (const e of engine.entities.filter((x) => x.kind === 'partner')) {
        const o = el('option', '', e.name);
        o.value = e.slug;
        partner.append(o);
      }
      for (const [y] of [...engine.years].reverse()) { const o = el('option', '', String(y)); o.value = String(y); year.append(o); }
      partner.value = params.get('partner') ?? '';
      kind.value = params.get('kind') ?? '';
      year.value = params.get('year') ?? '';
      status.textContent = '';
      run();
      page.dataset.ready = 'all';
    }).catch((err) => {
      status.textContent = 'Search is unavailable: ' + err.message + '.';
      page.dataset.ready = 'error';
    });
    input.focus();
  }

  // For benchmarks and debugging in the console: the engine without the page.
  window.KbSearch = Object.freeze({ SearchEngine, normalize, words, distance, snippet, decodePostings, load: loadScript });

  function start() {
    const page = document.getElementById('kb-search');
    if (page) startPage(page);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
