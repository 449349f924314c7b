// Mirrors the state of the page's connection onto the shell's connection indicator (data-testid="connection-status"),
// and reloads the page when the server came back without this page's session.
(() => {
  const labels = { connected: "Connected", reconnecting: "Reconnecting…", offline: "Offline", disconnected: "Disconnected" };
  let ended = false;
  const show = (state) => {
    if (ended) return;
    const indicator = document.querySelector('[data-testid="connection-status"]');
    if (!indicator) return;
    indicator.dataset.state = state;
    const label = indicator.querySelector(".label");
    if (label) label.textContent = labels[state];
  };
  const watch = () => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    modal.addEventListener("components-reconnect-state-changed", (event) => {
      const state = event.detail && event.detail.state;
      if (state === "show" || state === "retrying" || state === "paused") show("reconnecting");
      else if (state === "hide") show("connected");
      else if (state === "rejected") {
        // The server is back but no longer knows this page's session (it restarted): start a fresh one by itself.
        show("reconnecting");
        location.reload();
      } else show("offline");
    });
  };
  // A circuit that ends without a reconnect attempt (the server closed it after an unhandled error, or it never
  // started) raises no reconnection event: Blazor only shows its error UI, #blazor-error-ui. From then on the page
  // is dead until reloaded, whatever the indicator said.
  new MutationObserver((changes) => {
    if (changes.some((c) => c.target.id === "blazor-error-ui" && c.target.style.display === "block")) {
      show("disconnected");
      ended = true;
    }
  }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["style"] });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();

// Behaviour the shell's markup asks for by attribute: the Content-Security-Policy allows no inline handlers.
// A textarea with data-enter-submits sends its form on Enter; Shift+Enter adds a line, and Enter that ends an IME
// composition (Chinese, Japanese) only ends it. The attribute sits on a native <textarea> or on a fluent-textarea, whose
// own <textarea> is in its shadow root: the key's first target is that inner textarea, the document sees the host.
function enterSubmitsField(event) {
  const box = event.composedPath()[0];
  if (!(box instanceof HTMLTextAreaElement)) return null;
  const root = box.getRootNode();
  const field = box.hasAttribute("data-enter-submits") ? box
    : root instanceof ShadowRoot && root.host.hasAttribute("data-enter-submits") ? root.host : null;
  const form = field && (field.form ?? field.closest("form"));
  return form ? { field, box, form } : null;
}

document.addEventListener("keydown", (event) => {
  const found = enterSubmitsField(event);
  if (!found) return;
  const { field, box, form } = found;
  // While its suggestion list is open, Enter/Tab choose, the arrows move and Escape closes (the component does it).
  // The list is for the "@name" being typed at the end: once a space ended it, a render still on its way must not eat Enter.
  const completing = field.hasAttribute("data-suggestions-open") && /(^|[\s\p{P}])@[^\s@]*$/u.test(box.value);
  if (completing && ["Enter", "Tab", "ArrowUp", "ArrowDown", "Escape"].includes(event.key) && !event.isComposing) {
    event.preventDefault();
    return;
  }
  if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  form.requestSubmit();
});

// Before such a form submits (Enter or its submit button), each of its data-enter-submits fields reports what it holds,
// so the submit handler reads the text on screen: a binding that waits for "change" has not had one (the focus never
// left), and a fluent-textarea bound per keystroke reports through a listener Fluent attaches only after its first
// render, so keys typed into a window that has just opened can have gone unreported. Both events are raised here, in
// the capture phase and so before Blazor's own submit listener: the circuit receives the value first, and a value it
// already had changes nothing. Every other fluent-textarea of the form (bound on change: a request's description, a
// note) reports its text the same way, so what is saved is what the rep sees when she submits, whatever "change" the
// box sent as it lost the focus.
window.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  for (const field of form.querySelectorAll("[data-enter-submits], fluent-textarea")) {
    if (field.hasAttribute("data-enter-submits")) {
      const box = field instanceof HTMLTextAreaElement ? field : field.shadowRoot?.querySelector("textarea");
      const value = box?.value ?? field.value ?? "";
      field.dispatchEvent(new CustomEvent("immediate", { bubbles: true, detail: { value } }));
    }
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }
}, true);

// The reconnect banner's Reload links.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-reload]") : null;
  if (!link) return;
  event.preventDefault();
  location.reload();
}, true); // capture: before Blazor's link interception turns the click into an in-page navigation

// The Popups region floats over the bottom of the page (chat windows, invitations). The page gets as much room below
// its content as the region is tall (--sp-popups-height, read by app.css), so that a rep can scroll any control of the
// page out from under a pop-up: on a phone a chat window spans the screen's width. The region is found again when a
// render replaces it.
(() => {
  const root = document.documentElement;
  let region = null;
  const measure = () => {
    const height = region && region.isConnected ? Math.ceil(region.getBoundingClientRect().height) : 0;
    // The region sits 16 px above the window's bottom edge (app.css): that gap is room to keep too.
    root.style.setProperty("--sp-popups-height", height > 0 ? `${height + 16}px` : "0px");
  };
  const size = new ResizeObserver(measure);
  const track = () => {
    const found = document.querySelector(".popups");
    if (found === region) return;
    if (region) size.unobserve(region);
    region = found;
    if (region) size.observe(region);
    measure();
  };
  const start = () => {
    track();
    new MutationObserver(track).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
