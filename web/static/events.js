/* Server-sent events from a fetch() response: the pages POST and then stream, which EventSource cannot. */
(function () {
  "use strict";

  // Calls onEvent(name, data) for each event that carries data, in order; resolves when the stream ends.
  window.readServerEvents = function (response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function pump() {
      return reader.read().then(function (chunk) {
        buffer += decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done });
        var blocks = buffer.split("\n\n");
        buffer = chunk.done ? "" : blocks.pop();
        blocks.forEach(function (block) {
          var name = "message", data = "";
          block.split("\n").forEach(function (line) {
            if (line.indexOf("event: ") === 0) name = line.slice(7);
            else if (line.indexOf("data: ") === 0) data += line.slice(6);
          });
          if (data) onEvent(name, JSON.parse(data));
        });
        if (!chunk.done) return pump();
      });
    }
    return pump();
  };
})();
