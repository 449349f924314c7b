// Mirrors Blazor's reconnection state onto the shell's connection indicator (data-testid="connection-status").
(() => {
  const labels = { connected: "Connected", reconnecting: "Reconnecting…", offline: "Offline" };
  const show = (state) => {
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
      else show("offline");
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
