// The answer page, enhanced: answers stream in (sources first), follow-ups keep the conversation,
// and each finished answer is rendered by the server's own template (POST /answer/view), so the
// page looks the same with JavaScript off. All text from the stream is set as text, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("ask");
  if (!form || !window.fetch || !window.ReadableStream || !window.TextDecoder) return;
  var conversation = document.getElementById("conversation");
  var live = document.getElementById("live");
  var input = document.getElementById("q");
  var label = document.getElementById("q-label");
  var submit = form.querySelector("button[type=submit]");
  var firstPlaceholder = input.placeholder;
  var errorWords = JSON.parse(form.dataset.errors || "{}");
  var MAX_HISTORY = 20, MAX_CHARS = 4000;
  var state = { history: [], turn: 0, busy: false, firstUrl: null, shown: window.location.search };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(words) { live.textContent = words; }

  function filters() {
    var out = {};
    var source = form.elements.source.value;
    if (source) out.source = [source];
    if (form.elements.published_after.value) out.published_after = form.elements.published_after.value;
    if (form.elements.published_before.value) out.published_before = form.elements.published_before.value;
    return out;
  }

  function pageUrl(question) {
    var params = new URLSearchParams();
    if (question) params.set("q", question);
    var f = filters();
    if (f.source) params.set("source", f.source[0]);
    if (f.published_after) params.set("published_after", f.published_after);
    if (f.published_before) params.set("published_before", f.published_before);
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function remember(question, answerText) {
    state.history.push({ role: "user", content: question.slice(0, MAX_CHARS) });
    state.history.push({ role: "assistant", content: (answerText || "(no answer)").slice(0, MAX_CHARS) });
    state.history = state.history.slice(-MAX_HISTORY);
    label.textContent = "Ask a follow-up";
    input.placeholder = "What happened next?";
    input.value = "";
  }

  function errorText(code, status, message) {
    if (errorWords[code]) return errorWords[code];
    if (status && status < 500 && message) return message;
    return "Something went wrong on our side. Please try again; if it keeps happening, tell the people who run Newsdesk.";
  }

  function pendingTurn(question) {
    var article = el("article", "turn pending");
    article.setAttribute("aria-busy", "true");
    article.appendChild(el("h2", "question", question));
    var answer = el("section", "answer");
    answer.setAttribute("aria-label", "Answer");
    answer.tabIndex = -1;
    var text = el("div", "text streaming");
    text.dataset.testid = "answer";
    answer.appendChild(text);
    var sources = el("section", "sources");
    sources.appendChild(el("h3", "", "Sources found"));
    sources.appendChild(el("p", "byline", "Searching the articles\u2026"));
    article.appendChild(sources);
    article.appendChild(answer);
    conversation.appendChild(article);
    return { article: article, answer: answer, text: text, sources: sources };
  }

  function showPassages(view, passages) {
    var list = el("ol", "cards found");
    var seen = {};
    passages.forEach(function (p) {
      if (seen[p.article_id]) return;
      seen[p.article_id] = true;
      var item = el("li", "card");
      item.dataset.testid = "source";
      item.dataset.source = p.source || "";
      item.appendChild(el("p", "title", p.title || "Untitled"));
      item.appendChild(el("p", "byline", [p.source, (p.published_at || "").slice(0, 10)].filter(Boolean).join(" \u00b7 ")));
      list.appendChild(item);
    });
    view.sources.replaceChild(list, view.sources.lastChild);
    if (!passages.length) list.appendChild(el("li", "byline", "No passage matched."));
    say(passages.length ? "Sources found; the answer is being written." : "No sources found.");
  }

  function showError(view, words, partial) {
    view.article.removeAttribute("aria-busy");
    view.article.classList.remove("pending");
    if (!partial) view.text.textContent = "";
    var box = el("div", "error");
    box.setAttribute("role", "alert");
    box.appendChild(el("p", "", partial ? "The answer was cut off and is incomplete. " + words : words));
    view.answer.appendChild(box);
    view.answer.focus();
  }

  function render(view, question, answer) {
    return fetch(form.dataset.view, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answer: answer, question: question, turn: state.turn })
    }).then(function (response) {
      if (!response.ok) throw new Error("render");
      return response.text();
    }).then(function (html) {
      // Markup from our own template, every value in it escaped on the server.
      var template = document.createElement("template");
      template.innerHTML = html;
      var fresh = template.content.firstElementChild;
      view.article.replaceWith(fresh);
      remember(question, answer.answer);
      say(answer.refused ? "No answer: see the explanation." : "Answer ready.");
      fresh.querySelector(".answer").focus();
    });
  }

  function handle(view, question, name, data) {
    if (name === "passages") showPassages(view, data.passages || []);
    else if (name === "delta") view.text.textContent += data.text;
    else if (name === "answer") return render(view, question, data);
    else if (name === "error") {
      var e = data.error || {};
      showError(view, errorText(e.code, 503, e.message), data.partial);
    }
    return null;
  }

  function readEvents(response, view, question) {
    var done = null;
    return window.readServerEvents(response, function (name, data) {
      done = handle(view, question, name, data) || done;
    }).then(function () { return done; });
  }

  function ask(question) {
    if (!question || state.busy) return;
    state.busy = true;
    submit.disabled = true;
    state.turn += 1;
    if (state.turn === 1) {
      state.firstUrl = pageUrl(question);
      window.history.pushState(null, "", state.firstUrl);
      state.shown = window.location.search;
    }
    var view = pendingTurn(question);
    say("Searching the articles\u2026");
    var body = { question: question, stream: true, history: state.history };
    var f = filters();
    if (Object.keys(f).length) body.filters = f;
    fetch(form.dataset.api, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.ok) return readEvents(response, view, question);
      return response.json().then(function (payload) {
        var e = payload.error || {};
        showError(view, errorText(e.code, response.status, e.message), "");
      });
    }).catch(function () {
      showError(view, "Newsdesk could not be reached, or the answer could not be shown. Check the connection and try again.", "");
    }).then(function () {
      state.busy = false;
      submit.disabled = false;
    });
  }

  function newConversation(event) {
    event.preventDefault();
    state.history = [];
    state.turn = 0;
    conversation.replaceChildren();
    label.textContent = "Your question";
    input.placeholder = firstPlaceholder;
    input.value = "";
    window.history.pushState(null, "", pageUrl(""));
    state.shown = window.location.search;
    say("New conversation started.");
    input.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask(input.value.trim());
  });
  // Back and forward between addresses this script set: show what the address asks (a citation's
  // #fragment changes only the hash, and stays).
  window.addEventListener("popstate", function () {
    if (window.location.search !== state.shown) window.location.reload();
  });
  form.querySelector("[data-testid=new-conversation]").addEventListener("click", newConversation);
  conversation.addEventListener("click", function (event) {
    var mark = event.target.closest("a.mark");
    var card = mark && document.getElementById(mark.getAttribute("href").slice(1));
    if (card) window.setTimeout(function () { card.focus(); }, 0);
  });

  // A shared link arrives answered by the server: that answer is the conversation's first turn.
  var first = conversation.querySelector("article.turn");
  if (first) {
    state.turn = 1;
    remember(first.dataset.question, first.dataset.answerText);
    first.querySelector(".answer").focus();
  } else {
    var error = document.getElementById("error");
    if (error) error.focus();
  }
})();
