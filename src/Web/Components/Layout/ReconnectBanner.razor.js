// Drives the reconnect banner from Blazor's reconnection events. A circuit the server no longer has is not an
// error for the user: the page reloads and picks up its key and its draft from the browser's storage.
const banner = document.getElementById("components-reconnect-modal");
banner.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

// The server said it is stopping (Ctrl-C, an upgrade): the banner says so, and keeps saying it while the
// connection is down, instead of "connection lost"; the page reloads once the server is back.
window.collectifServerRestarting = () => banner.classList.add("visible", "restarting");

function onStateChanged(event) {
  const state = event.detail.state;
  if (state === "show" || state === "retrying") {
    banner.classList.add("visible");
  } else if (state === "hide") {
    banner.classList.remove("visible", "restarting");
  } else if (state === "failed") {
    banner.classList.add("visible");
    document.addEventListener("visibilitychange", retryWhenVisible);
  } else if (state === "rejected") {
    location.reload();
  }
}

async function retry() {
  document.removeEventListener("visibilitychange", retryWhenVisible);
  try {
    const reconnected = await Blazor.reconnect();
    if (!reconnected) {
      const resumed = await Blazor.resumeCircuit();
      if (!resumed) {
        location.reload();
      } else {
        banner.classList.remove("visible");
      }
    }
  } catch {
    document.addEventListener("visibilitychange", retryWhenVisible);
  }
}

async function resume() {
  try {
    if (!(await Blazor.resumeCircuit())) {
      location.reload();
    }
  } catch {
    banner.classList.add("visible");
  }
}

async function retryWhenVisible() {
  if (document.visibilityState === "visible") {
    await retry();
  }
}
