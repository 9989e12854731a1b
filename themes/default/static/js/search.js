/* Duet search: answers queries from the language's search.json in the browser, no server needed.
   The tokenizer, the Bloom filter hashing and the ranking mirror Sources/DuetRender/SearchTokenizer.swift,
   BloomFilter.swift and SearchIndex.swift: change them together. Results are built with DOM nodes and
   textContent only, so whatever the query holds (HTML, regex characters) is shown as text. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !form || !input || !status || !list) return;

  var WEIGHT = { title: 8, authors: 4, excerpt: 2, body: 1 };
  var wordPart = /[\p{L}\p{N}]/u;

  function isCJK(cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
  }

  function folded(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/ς/g, "σ");
  }

  /* Words for Latin text; overlapping character pairs for Chinese, a lone character kept alone. */
  function tokens(text) {
    var out = [], word = "", run = [];
    function flushWord() { if (word) out.push(word); word = ""; }
    function flushRun() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    for (var ch of folded(text)) {
      var cp = ch.codePointAt(0);
      if (isCJK(cp)) { flushWord(); run.push(ch); }
      else if (wordPart.test(ch)) { flushRun(); word += ch; }
      else { flushWord(); flushRun(); }
    }
    flushWord();
    flushRun();
    return out;
  }

  function fieldTokens(text) {
    var set = new Set(tokens(text || ""));
    for (var ch of folded(text || "")) if (isCJK(ch.codePointAt(0))) set.add(ch);
    return set;
  }

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash >>> 0;
  }

  function bloomHas(bits, hashes, token) {
    var first = fnv1a(token);
    var second = ((((first >>> 17) | (first << 15)) ^ 0x9e3779b9) | 1) >>> 0;
    var size = bits.length * 8;
    for (var i = 0; i < hashes; i++) {
      var position = ((first + Math.imul(i, second)) >>> 0) % size;
      if (!(bits[position >> 3] & (1 << (position & 7)))) return false;
    }
    return true;
  }

  function decode(base64) {
    var text = atob(base64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  var index = null;

  function prepare(data) {
    return {
      hashes: data.hashes,
      docs: data.docs.map(function (doc) {
        return {
          doc: doc, bits: decode(doc.b),
          title: fieldTokens(doc.t), authors: fieldTokens(doc.a), excerpt: fieldTokens(doc.e)
        };
      })
    };
  }

  /* Every query token must be somewhere; each counts by the best field it is in. */
  function search(query) {
    var wanted = Array.from(new Set(tokens(query)));
    if (!wanted.length) return [];
    var results = [];
    index.docs.forEach(function (entry, order) {
      var score = 0;
      for (var i = 0; i < wanted.length; i++) {
        var token = wanted[i];
        var weight = entry.title.has(token) ? WEIGHT.title : entry.authors.has(token) ? WEIGHT.authors
          : entry.excerpt.has(token) ? WEIGHT.excerpt : bloomHas(entry.bits, index.hashes, token) ? WEIGHT.body : 0;
        if (!weight) return;
        score += weight;
      }
      results.push({ entry: entry, score: score, order: order });
    });
    return results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
  }

  /* The query's words and Chinese runs, longest first, as literal (escaped) patterns; a word is
     marked only where it stands whole (a query "art" does not mark "part"). */
  function highlighter(query) {
    var terms = [], current = "", kind = null;
    for (var ch of query) {
      var cp = ch.codePointAt(0), next = isCJK(cp) ? "cjk" : wordPart.test(ch) ? "word" : null;
      if (next !== kind && current) { terms.push(current); current = ""; }
      kind = next;
      if (next) current += ch;
    }
    if (current) terms.push(current);
    terms.sort(function (a, b) { return b.length - a.length; });
    if (!terms.length) return null;
    var patterns = terms.map(function (term) {
      var literal = term.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&");
      return isCJK(term.codePointAt(0)) ? literal : "(?<![\\p{L}\\p{N}])" + literal + "(?![\\p{L}\\p{N}])";
    });
    return new RegExp("(" + patterns.join("|") + ")", "giu");
  }

  function appendMarked(parent, text, pattern) {
    if (!pattern) { parent.appendChild(document.createTextNode(text)); return; }
    text.split(pattern).forEach(function (piece, i) {
      if (!piece) return;
      if (i % 2 === 1) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece));
      }
    });
  }

  function fill(template, values) {
    return template.replace(/\{(n|q)\}/g, function (_, key) { return String(values[key]); });
  }

  function show(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query.trim()) { status.textContent = ""; return; }
    var results = search(query);
    status.textContent = fill(results.length ? script.dataset.count : script.dataset.none, { n: results.length, q: query });
    var pattern = highlighter(query);
    results.forEach(function (result) {
      var doc = result.entry.doc;
      var item = document.createElement("li");
      var title = document.createElement("p");
      title.className = "result-title";
      var link = document.createElement("a");
      link.href = doc.u;
      appendMarked(link, doc.t, pattern);
      title.appendChild(link);
      item.appendChild(title);
      if (doc.a) {
        var authors = document.createElement("p");
        authors.className = "result-authors";
        appendMarked(authors, doc.a, pattern);
        item.appendChild(authors);
      }
      var snippet = document.createElement("p");
      snippet.className = "result-snippet";
      appendMarked(snippet, doc.e, pattern);
      item.appendChild(snippet);
      list.appendChild(item);
    });
  }

  function run() {
    var query = input.value;
    if (index) show(query);
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    try { history.replaceState(null, "", url); } catch (e) {}
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  fetch(script.dataset.index)
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (data) {
      index = prepare(data);
      document.documentElement.setAttribute("data-search-ready", "");
      show(input.value);
    })
    .catch(function () { status.textContent = script.dataset.failed; });
})();
