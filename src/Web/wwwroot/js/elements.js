// What must work in the browser on its own, without a round trip to the server: the timer's countdown, and the
// keeping of a note being typed (bound the moment the composer appears, so nothing typed is ever missed).
import { bindDraft } from "./collectif.js";

const bindDrafts = () => document.querySelectorAll("form[data-draft-key]:not([data-draft-bound])").forEach(bindDraft);
new MutationObserver(bindDrafts).observe(document.documentElement, { childList: true, subtree: true });
bindDrafts();

// <cl-timer status="Running|Paused|Idle" remaining-ms="…" elapsed-text="…" minute-text="…">: counts down from the
// remaining time the server computed on its own clock when it rendered; the phone's clock only measures elapsed time.
class CollectifTimer extends HTMLElement {
  static observedAttributes = ["status", "remaining-ms"];

  connectedCallback() {
    this.setAttribute("role", "timer");
    if (!this.live) {
      this.live = document.createElement("span");
      this.live.className = "visually-hidden";
      this.live.setAttribute("aria-live", "polite");
      this.live.dataset.announce = "timer";
      this.after(this.live);
    }
    this.restart();
    this.interval = setInterval(() => this.tick(), 250);
  }

  disconnectedCallback() {
    clearInterval(this.interval);
    this.live?.remove();
    this.live = null;
  }

  attributeChangedCallback() {
    this.restart();
  }

  // Date.now(), not performance.now(): the latter stops while a phone sleeps, and the countdown would lag after.
  // Only differences are used, so a phone whose clock is wrong still counts right.
  restart() {
    this.baseline = Date.now();
    this.remaining = Number(this.getAttribute("remaining-ms") ?? 0);
    this.announcedMinute = this.remaining <= 60000;
    this.announcedEnd = this.remaining <= 0;
    this.tick();
  }

  tick() {
    const status = this.getAttribute("status");
    const left = status === "Running" ? Math.max(0, this.remaining - (Date.now() - this.baseline)) : this.remaining;
    const seconds = Math.ceil(left / 1000);
    const text = seconds > 0 || status !== "Running"
      ? `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`
      : this.getAttribute("elapsed-text") ?? "0:00";
    if (this.textContent !== text) {
      this.textContent = text;
    }
    this.classList.toggle("elapsed", status === "Running" && seconds === 0);
    this.classList.toggle("paused", status === "Paused");
    if (status === "Running" && this.live) {
      if (!this.announcedMinute && left <= 60000) {
        this.announcedMinute = true;
        this.live.textContent = this.getAttribute("minute-text") ?? "";
      }
      if (!this.announcedEnd && left <= 0) {
        this.announcedEnd = true;
        this.live.textContent = this.getAttribute("elapsed-text") ?? "";
      }
    }
  }
}

customElements.define("cl-timer", CollectifTimer);

// Some browsers (Firefox) start a drag only if it carries data: give every draggable note its id.
document.addEventListener("dragstart", (event) => {
  const note = event.target.closest?.("[draggable=true][data-note-id]");
  if (note && event.dataTransfer) {
    event.dataTransfer.setData("text/plain", note.dataset.noteId);
    event.dataTransfer.effectAllowed = "move";
  }
});
