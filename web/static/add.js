// Adding articles with progress: the form is posted as usual but asks for an event stream, so each
// article appears in the list as it is added (a feed or a batch of files can take a while).
(function () {
  "use strict";
  var form = document.getElementById("add");
  if (!form || !window.fetch || !window.ReadableStream || !window.TextDecoder) return;
  var section = document.getElementById("progress");
  var status = document.getElementById("progress-status");
  var bar = document.getElementById("progress-bar");
  var list = document.getElementById("progress-list");
  var words = { added: "added", updated: "updated", unchanged: "already there" };
  var counts;

  function tally() {
    return counts.added + counts.updated + counts.unchanged + counts.failed;
  }

  function item(line) {
    var li = document.createElement("li");
    li.className = line.outcome;
    if (line.id) {
      var link = document.createElement("a");
      link.href = form.getAttribute("action").replace(/\/add$/, "/") + encodeURIComponent(line.id);
      link.textContent = line.title;
      li.appendChild(link);
    } else {
      li.appendChild(document.createTextNode(line.title || "Something"));
    }
    li.appendChild(document.createTextNode(" \u00b7 " + (words[line.outcome] || "not added: " + (line.reason || "unknown problem"))));
    list.appendChild(li);
    counts[line.outcome in counts ? line.outcome : "failed"] += 1;
    status.textContent = tally() + " so far: " + counts.added + " added, " + counts.updated + " updated, " +
      counts.unchanged + " already there, " + counts.failed + " failed\u2026";
  }

  function finish(summary) {
    bar.max = 1;
    bar.value = 1;
    status.textContent = "Done: " + summary.added + " added, " + summary.updated + " updated, " +
      summary.unchanged + " already there, " + summary.failed + " failed.";
    form.querySelector("button[type=submit]").disabled = false;
  }

  function fail(text) {
    status.textContent = text;
    bar.max = 1;
    bar.value = 0;
    form.querySelector("button[type=submit]").disabled = false;
  }

  function read(response) {
    return window.readServerEvents(response, function (name, data) {
      if (name === "item") item(data);
      else if (name === "done") finish(data);
    });
  }

  function empty() {
    return !form.elements.url.value.trim() && !form.elements.text.value.trim() && !form.elements.files.files.length;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    section.hidden = false;
    if (empty()) return fail("Nothing to add: give an address, paste some text or choose files.");
    counts = { added: 0, updated: 0, unchanged: 0, failed: 0 };
    list.replaceChildren();
    section.hidden = false;
    bar.removeAttribute("value");
    status.textContent = "Adding\u2026";
    form.querySelector("button[type=submit]").disabled = true;
    fetch(form.getAttribute("action"), {
      method: "POST",
      headers: { "Accept": "text/event-stream" },
      body: new FormData(form),
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok && (response.headers.get("Content-Type") || "").indexOf("text/event-stream") === 0) return read(response);
      if (response.status === 413) return fail("That is more than this server accepts at once. Send fewer or smaller files.");
      if (response.status === 400) return fail("This form has expired. Reload the page and try again.");
      // The server answered with a page (nothing to add, or signed out): show it as it is.
      window.location.assign(response.url);
    }).catch(function () {
      fail("Newsdesk could not be reached. Check the connection and try again.");
    });
  });
})();
