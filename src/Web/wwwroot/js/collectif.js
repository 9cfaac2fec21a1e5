// Browser-side helpers. The browser owns what must survive a dropped connection or a reload:
// the participant key and the note being typed (saved on every keystroke, even offline).

const read = (key) => {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
};

const write = (key, value) => localStorage.setItem(key, JSON.stringify(value));

export const getItem = (key) => localStorage.getItem(key);
export const setItem = (key, value) => localStorage.setItem(key, value);
export const removeItem = (key) => localStorage.removeItem(key);

const formFor = (key) => document.querySelector(`form[data-draft-key="${CSS.escape(key)}"]`);

const readForm = (form) => ({
  text: form.elements.text?.value ?? "",
  columnId: form.elements.column?.value ?? "",
  colour: Number(form.elements.colour?.value ?? 0),
});

const showCount = (form) => {
  const counter = form.querySelector("[data-char-count]");
  const area = form.elements.text;
  if (counter && area) {
    const max = Number(area.dataset.maxLength);
    const over = area.value.length - max;
    counter.textContent = over > 0
      ? `${area.value.length} / ${max} · ${(area.dataset.tooLong ?? "").replace("{0}", String(over))}`
      : `${area.value.length} / ${max}`;
    counter.classList.toggle("over", over > 0);
  }
};

// Restores a saved draft into the form and keeps saving it as it is edited.
export function bindDraft(form) {
  if (!form || form.dataset.draftBound) {
    return;
  }
  form.dataset.draftBound = "1";
  const key = form.dataset.draftKey;
  const saved = read(key);
  if (saved) {
    if (form.elements.text) form.elements.text.value = saved.text ?? "";
    if (form.elements.column && saved.columnId) form.elements.column.value = saved.columnId;
    if (form.elements.colour && saved.colour !== undefined) form.elements.colour.value = String(saved.colour);
  }
  showCount(form);
  const save = () => {
    const current = readForm(form);
    const previous = read(key);
    // An edit after sending makes a new operation: what was sent under the old id stays as it was.
    const same = previous && previous.text === current.text && previous.columnId === current.columnId && previous.colour === current.colour;
    if (!current.text && !(previous && previous.operationId)) {
      localStorage.removeItem(key);
    } else {
      write(key, { ...current, operationId: same ? previous.operationId ?? null : null, stagedAt: same ? previous.stagedAt ?? null : null });
    }
    showCount(form);
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  // Pressing "send" stages the draft here and now, connected or not: if the press never reaches the server,
  // the draft is sent with this operation id when the connection returns (and once only, whatever happens).
  form.addEventListener("submit", () => stageDraft(key, newOperationId()));
}

// A version 4 UUID; crypto.randomUUID exists only on https pages, and a room's server is often plain http.
function newOperationId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Called when the composer is submitted: the draft gets an operation id (unless it already has one) and is returned.
export function stageDraft(key, operationId) {
  const form = formFor(key);
  const previous = read(key);
  // A composer not yet filled from storage (just rendered) does not hold the draft: storage does.
  const current = form && form.dataset.draftBound ? readForm(form) : previous;
  if (!current || !current.text || !current.text.trim()) {
    return null;
  }
  const same = previous && previous.text === current.text && previous.columnId === current.columnId && previous.colour === current.colour;
  const keep = same && previous.operationId;
  const draft = { ...current, operationId: keep ? previous.operationId : operationId, stagedAt: keep ? previous.stagedAt : Date.now() };
  write(key, draft);
  return withAge(draft);
}

// How long ago the draft was sent, by this browser's clock.
const withAge = (draft) => ({ ...draft, ageMs: draft.stagedAt ? Date.now() - draft.stagedAt : 0 });

export function peekDraft(key) {
  const draft = read(key);
  return draft ? withAge(draft) : null;
}

export function unstageDraft(key) {
  const draft = read(key);
  if (draft) {
    write(key, { ...draft, operationId: null, stagedAt: null });
  }
}

// The note is durable: forget the draft and empty the composer, unless it was edited meanwhile.
export function clearDraft(key, operationId) {
  const draft = read(key);
  if (draft && draft.operationId === operationId) {
    localStorage.removeItem(key);
    const form = formFor(key);
    if (form && form.elements.text && form.elements.text.value === draft.text) {
      form.elements.text.value = "";
      showCount(form);
    }
  }
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// An export of the workshop, fetched with the facilitator key in the Authorization header (never in a URL that logs
// or history would keep) and handed to the browser as a download.
export async function download(url, key, fileName) {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${key}` }, cache: "no-store" });
  if (!response.ok) {
    return response.status;
  }

  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return 0;
}

export function print() {
  window.print();
}

export function setTitle(text) {
  document.title = text;
}
