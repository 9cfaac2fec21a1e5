// Weak Wi-Fi: keep trying to reconnect for a long time, quickly at first, then every five seconds.
Blazor.start({
  circuit: {
    // The live connection speaks the page's language: a page may take its own by its address (the projector's
    // ?culture=), which the connection's requests would not carry, and would then render in the site's language.
    configureSignalR: (builder) => builder.withUrl(`_blazor?culture=${encodeURIComponent(document.documentElement.lang)}`),
    reconnectionOptions: {
      maxRetries: 720,
      retryIntervalMilliseconds: (previousAttempts) => Math.min(500 + previousAttempts * 500, 5000),
    },
  },
});

// The language links reload the page: carry the fragment along, since it holds a facilitator's or projector's key.
document.addEventListener("click", (event) => {
  const link = event.target.closest?.(".language-switch a");
  if (link && location.hash && !link.href.includes("#")) {
    link.href += location.hash;
  }
});

// Interactive forms (no method attribute) are handled by the server over the live connection. While that
// connection is down, the browser must not fall back to submitting them as a page load: that would leave the page
// (offline, onto an error page) and lose what was typed.
document.addEventListener("submit", (event) => {
  if (!event.target.hasAttribute("method")) {
    event.preventDefault();
  }
}, true);

// The console's "go to" buttons: scroll to a panel and put the focus on its title, without touching the address (its
// fragment holds the facilitator's key).
document.addEventListener("click", (event) => {
  const button = event.target.closest?.("[data-scroll-to]");
  const target = button && document.getElementById(button.dataset.scrollTo);
  if (target) {
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }
});
