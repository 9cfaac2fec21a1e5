// "Mes ateliers": the workshops and events this browser created or opened with a key, so that a closed tab is not a
// lost workshop. The list lives in this browser only. The server stores none of it: a live circuit reads it to render
// the home page, and the facilitator console writes to it what the circuit already shows.

const storageKey = "collectif.mine";

// Beyond this, the entry seen longest ago is dropped: the list is a memory aid, not an archive.
const maxEntries = 50;

const kinds = ["workshop", "event"];

// A same-origin path only: what is stored here becomes a link on the home page.
const isLocalPath = (url) => typeof url === "string" && url.startsWith("/") && !url.startsWith("//");

const isoDate = (value) => {
  const time = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

// Entries another version wrote, or that were edited by hand, are left out rather than breaking the list.
const clean = (entry) => {
  if (!entry || !kinds.includes(entry.kind) || typeof entry.id !== "string" || typeof entry.title !== "string" || !isLocalPath(entry.url)) {
    return null;
  }
  const date = isoDate(entry.date);
  const seenAt = isoDate(entry.seenAt);
  if (!date || !seenAt) {
    return null;
  }
  return { kind: entry.kind, id: entry.id, title: entry.title, date, step: typeof entry.step === "string" ? entry.step : "", url: entry.url, seenAt };
};

const read = () => {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? "[]");
    return Array.isArray(stored) ? stored.map(clean).filter(Boolean) : [];
  } catch {
    return [];
  }
};

const write = (entries) => localStorage.setItem(storageKey, JSON.stringify(entries.slice(0, maxEntries)));

const same = (entry, kind, id) => entry.kind === kind && entry.id === id;

// Most recently seen first.
export function list() {
  return read();
}

// Adds the entry, or replaces the one with the same kind and id; either way it moves to the top.
export function remember(entry) {
  const seen = clean({ ...entry, seenAt: new Date().toISOString() });
  if (!seen) {
    return;
  }
  write([seen, ...read().filter((other) => !same(other, seen.kind, seen.id))]);
}

export function forget(kind, id) {
  write(read().filter((entry) => !same(entry, kind, id)));
}

// Another tab of this browser changed the list (a console moved on to another step, a workshop was just created):
// the listener (.NET) reads it again. Returns what stops the watching.
export function watch(listener) {
  const onStorage = (event) => {
    if (event.key === storageKey || event.key === null) {
      listener.invokeMethodAsync("ListChanged");
    }
  };
  window.addEventListener("storage", onStorage);
  return { stop: () => window.removeEventListener("storage", onStorage) };
}
