// The projector shows the whole wall without scrolling: the stage's type is made as large as fits (between
// MIN and MAX times the projector's size), and when even the smallest type does not fit, the notes are shown a page
// at a time, each page for PAGE_SECONDS, with "page 2/3" said on screen. Nothing here changes what is shown, only
// its size and which page is in view; it runs again whenever the wall or the window changes.
const MIN = 0.6;
const MAX = 1.6;
const PAGE_SECONDS = 15;

const overflows = (stage) => stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1;

const setScale = (stage, scale) => stage.style.setProperty("--fit", scale.toFixed(3));

function largestScale(stage) {
  let low = MIN;
  let high = MAX;
  setScale(stage, high);
  if (!overflows(stage)) {
    return high;
  }

  for (let i = 0; i < 8; i++) {
    const middle = (low + high) / 2;
    setScale(stage, middle);
    if (overflows(stage)) {
      high = middle;
    } else {
      low = middle;
    }
  }

  return low;
}

// Pages of notes: the notes fully inside the stage once the earlier pages are hidden.
function paginate(stage, notes) {
  const pages = [];
  let rest = notes;
  while (rest.length > 0 && pages.length < 100) {
    rest.forEach((note) => (note.hidden = false));
    const bottom = stage.getBoundingClientRect().bottom;
    const page = rest.filter((note) => note.getBoundingClientRect().bottom <= bottom + 1);
    const taken = page.length > 0 ? page : [rest[0]];
    pages.push(taken);
    taken.forEach((note) => (note.hidden = true));
    rest = rest.filter((note) => !taken.includes(note));
  }

  return pages;
}

export function fitStage(stage, pager, noteSelector) {
  let pages = [];
  let current = 0;
  let timer = null;
  let scheduled = false;

  const show = () => {
    pages.forEach((page, index) => page.forEach((note) => (note.hidden = index !== current)));
    pager.textContent = pages.length > 1 ? `${current + 1}/${pages.length}` : "";
    pager.hidden = pages.length <= 1;
    stage.dataset.pages = String(Math.max(1, pages.length));
    stage.dataset.page = String(current + 1);
  };

  const fit = () => {
    scheduled = false;
    const notes = [...stage.querySelectorAll(noteSelector)];
    notes.forEach((note) => (note.hidden = false));
    const scale = largestScale(stage);
    setScale(stage, scale);
    pages = overflows(stage) ? paginate(stage, notes) : [notes];
    current = Math.min(current, pages.length - 1);
    show();
    clearInterval(timer);
    timer = pages.length > 1 ? setInterval(() => { current = (current + 1) % pages.length; show(); }, PAGE_SECONDS * 1000) : null;
    stage.dataset.fit = scale.toFixed(3);
  };

  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(fit);
    }
  };

  // A presenter's remote sends PageDown / PageUp (or the arrows): the room sees the next or the previous page at once.
  const turn = (event) => {
    const step = { PageDown: 1, ArrowRight: 1, PageUp: -1, ArrowLeft: -1 }[event.key];
    if (step && pages.length > 1 && !event.target.closest?.("input, textarea, select")) {
      current = (current + step + pages.length) % pages.length;
      show();
      clearInterval(timer);
      timer = setInterval(() => { current = (current + 1) % pages.length; show(); }, PAGE_SECONDS * 1000);
    }
  };
  document.addEventListener("keydown", turn);

  const resize = new ResizeObserver(schedule);
  resize.observe(stage);
  const changes = new MutationObserver((records) => {
    // Our own hiding of notes is not a change of the wall.
    if (records.some((r) => r.type !== "attributes" || r.attributeName !== "hidden")) {
      schedule();
    }
  });
  changes.observe(stage, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["class", "hidden"] });
  schedule();

  return {
    dispose() {
      document.removeEventListener("keydown", turn);
      resize.disconnect();
      changes.disconnect();
      clearInterval(timer);
    },
  };
}
