//===----------------------------------------------------------------------===//
// The workspace's only script: live progress of a job.
//===----------------------------------------------------------------------===//

/// Plain JavaScript served at /assets/workspace.js: on a job's page it follows the job's
/// server-sent events, updates the progress bar and the status, and opens the result
/// when the job is done. Pages work without it (the job page then refreshes itself).
enum WorkspaceScript {
  static let source = """
    "use strict";
    (function () {
      var job = document.getElementById("job");
      if (!job || !window.EventSource) { return; }
      var progress = document.getElementById("progress"), status = document.getElementById("status");
      var events = new EventSource(job.getAttribute("data-events"));
      events.onmessage = function (message) {
        var state = JSON.parse(message.data);
        if (state.total > 0) {
          progress.max = state.total;
          progress.value = state.done;
        } else {
          progress.removeAttribute("value");
        }
        status.textContent = state.status;
        job.setAttribute("data-state", state.state);
        if (state.state !== "queued" && state.state !== "running") {
          events.close();
          var form = document.getElementById("cancel-form");
          if (form) { form.remove(); }
          if (state.result) { window.location.assign(state.result); }
        }
      };
    })();

    """
}
