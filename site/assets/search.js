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

  class SearchEngine {
    constructor(index) {
      this.stop = new Set(index.stop);
      this.entities = index.entities.map(([kind, slug, name, url, target, partners, partnerNames, stage, keys]) => ({
        kind, slug, name, url, target, partners, partnerNames, stage,
        keys: keys.map(([key, type, label]) => ({ key, type, label })),
      }));
      this.filings = [];
      this.terms = [];
      this.post = [];
      this.decoded = [];
      this.filingsOf = this.entities.map(() => []);
    }

    // search/filings.js: filing rows, the sorted dictionary and its delta-encoded postings.
    attachFilings(data) {
      this.filings = data.f.map(([slug, title, date, entities], id) => ({ id, slug, title, date, entities, url: 'filings/' + slug + '.html' }));
      this.terms = data.terms;
      this.post = data.post;
      this.decoded = new Array(data.terms.length);
      for (const f of this.filings) for (const e of f.entities) this.filingsOf[e].push(f.id);
    }

    postingsAt(i) {
      let ids = this.decoded[i];
      if (!ids) {
        ids = [];
        let last = 0;
        for (const entry of this.post[i].split('.')) {
          const plus = entry.indexOf('+');
          last += parseInt(plus < 0 ? entry : entry.slice(0, plus), 36);
          ids.push(last);
          for (let more = plus < 0 ? 0 : parseInt(entry.slice(plus + 1), 36); more > 0; more--) ids.push(++last);
        }
        this.decoded[i] = ids;
      }
      return ids;
    }

    firstAtOrAfter(term) {
      let lo = 0, hi = this.terms.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.terms[mid] < term) lo = mid + 1; else hi = mid;
      }
      return lo;
    }

    postingsOf(term) {
      const i = this.firstAtOrAfter(term);
      return i < this.terms.length && this.terms[i] === term ? this.postingsAt(i) : null;
    }

    search(query, filters = {}, limit = 20) {
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

    passesFiling(filing, f) {
      if ((f.kind && f.kind !== 'filing') || (f.year && filing.date.slice(0, 4) !== String(f.year))) return false;
      return !f.partner || filing.entities.some((e) => this.entities[e].kind === 'partner' && this.entities[e].slug === f.partner);
    }

    // Newest first (highest id) within a score; marks per filing keep a query that hits every filing linear.
    filingHits(query, q, ws, strong, filters, need) {
      const hits = [];
      const n = this.filings.length;
      if (need <= 0 || n === 0) return hits;
      const mark = new Uint8Array(n);
      const because = new Int32Array(n);
      for (const e of strong) {
        for (const f of this.filingsOf[e]) if (mark[f] !== 2) { mark[f] = 2; because[f] = e; }
      }
      this.markText(mark, q, ws);
      const textWhy = 'text "' + query.trim() + '"';
      for (let score = 1; score >= 0 && hits.length < need; score--) {
        for (let f = n - 1; f >= 0 && hits.length < need; f--) {
          const filing = this.filings[f];
          if (mark[f] === score + 1 && this.passesFiling(filing, filters)) {
            const why = score === 1 ? 'mentions ' + this.entities[because[f]].name : textWhy;
            hits.push({ kind: 'filing', slug: filing.slug, title: filing.title, url: filing.url, why, tier: TIER.Text, score, date: filing.date, id: f });
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
        acc = acc === null ? ids : intersect(acc, ids);
        if (acc.length === 0) return;
      }
      markAll(mark, acc || []);
    }

    prefixPostings(prefix) {
      const seen = new Uint8Array(this.filings.length);
      let i = this.firstAtOrAfter(prefix);
      for (let n = 0; i < this.terms.length && n < MAX_PREFIX_TERMS && this.terms[i].startsWith(prefix); i++, n++) {
        for (const id of this.postingsAt(i)) seen[id] = 1;
      }
      const ids = [];
      for (let id = 0; id < seen.length; id++) if (seen[id]) ids.push(id);
      return ids;
    }

    snippetTerms(id, q, ws, strong) {
      const filing = this.filings[id];
      const terms = [q, ...ws.filter((w) => w.length >= 2 && !this.stop.has(w))];
      for (const e of strong) {
        if (filing.entities.includes(e)) for (const k of this.entities[e].keys) if (k.type <= KEY.Alias) terms.push(k.key);
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

  function loadScript(path) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = root + path;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('could not load ' + path));
      document.head.appendChild(s);
    });
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
    const texts = (window.KB_SEARCH_TEXT = window.KB_SEARCH_TEXT || {});
    const pendingShards = new Set();
    let engine = null;
    let active = -1;
    let shardCount = 0;
    let shardSize = 100;

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
        const shard = Math.floor(r.id / shardSize);
        const text = texts[shard]?.[r.id - shard * shardSize];
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
        } else if (shard < shardCount && !pendingShards.has(shard)) {
          pendingShards.add(shard);
          loadScript('search/text-' + String(shard).padStart(3, '0') + '.js').then(run, () => {});
        }
      }
      li.addEventListener('mousemove', () => { const n = items().indexOf(li); if (n !== active) setActive(n); });
      return li;
    }

    let lastRun = null;

    function run() {
      if (!engine) return;
      const query = input.value;
      keepInUrl();
      // A re-render for the same query (more of the index arrived) keeps the keyboard selection.
      const key = JSON.stringify([query, filters()]);
      const keep = key === lastRun ? active : -1;
      lastRun = key;
      out.replaceChildren();
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (normalize(query).length === 0) { status.textContent = ''; return; }
      const results = engine.search(query, filters(), LIMIT);
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
      shardCount = index.textShards;
      shardSize = index.textShardSize;
      for (const e of engine.entities.filter((x) => x.kind === 'partner')) {
        const o = el('option', '', e.name);
        o.value = e.slug;
        partner.append(o);
      }
      partner.value = params.get('partner') ?? '';
      kind.value = params.get('kind') ?? '';
      status.textContent = '';
      run();
      page.dataset.ready = 'entities';
      return index.filings > 0 ? loadScript(index.filingsFile) : null;
    }).then(() => {
      if (window.KB_SEARCH_FILINGS) {
        engine.attachFilings(window.KB_SEARCH_FILINGS);
        const years = [...new Set(engine.filings.map((f) => f.date.slice(0, 4)).filter((y) => y))].sort().reverse();
        for (const y of years) { const o = el('option', '', y); o.value = y; year.append(o); }
        year.value = params.get('year') ?? '';
        run();
      }
      page.dataset.ready = 'all';
    }).catch((err) => {
      status.textContent = 'Search is unavailable: ' + err.message + '.';
      page.dataset.ready = 'error';
    });
    input.focus();
  }

  // For benchmarks and debugging in the console: the engine without the page.
  window.KbSearch = Object.freeze({ SearchEngine, normalize, words, distance, snippet });

  function start() {
    const page = document.getElementById('kb-search');
    if (page) startPage(page);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
