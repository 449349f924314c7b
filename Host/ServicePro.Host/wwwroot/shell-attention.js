// The shell's attention service (IShellAttention): while the tab is hidden, notices raise a browser notification (when
// the rep allowed them), a short sound (when she switched it on in this browser) and a count in the tab title.
// An ES module imported by the host through JS interop: the Content-Security-Policy allows scripts from this origin only.
const soundKey = "servicepro.attention.sound";
const countPrefix = /^\(\d+\) /;
let unread = 0;

const hidden = () => document.visibilityState === "hidden";

const showCount = () => {
  const title = document.title.replace(countPrefix, "");
  document.title = unread > 0 ? `(${unread}) ${title}` : title;
};

// Back in front: she sees what arrived, so the count goes.
document.addEventListener("visibilitychange", () => {
  if (!hidden()) {
    unread = 0;
    showCount();
  }
});

// A short two-tone chime made on the spot: no audio file to fetch or to allow in the policy.
const chime = () => {
  const Context = window.AudioContext;
  if (!Context) return;
  const context = new Context();
  const gain = context.createGain();
  gain.gain.value = 0.08;
  gain.connect(context.destination);
  [880, 660].forEach((frequency, i) => {
    const tone = context.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(context.currentTime + i * 0.15);
    tone.stop(context.currentTime + (i + 1) * 0.15);
    if (i === 1) tone.onended = () => context.close();
  });
};

export const state = () => ({
  permission: "Notification" in window ? Notification.permission : "unsupported",
  sound: localStorage.getItem(soundKey) === "on",
});

// Called from the rep's click on "Turn on notifications" (browsers ask only from a user's gesture).
export const requestPermission = async () => ("Notification" in window ? await Notification.requestPermission() : "unsupported");

export const setSound = (on) => localStorage.setItem(soundKey, on ? "on" : "off");

export const countUnread = (count) => {
  if (!hidden()) return false;
  unread += count;
  showCount();
  return true;
};

export const notify = (title, body, tag) => {
  if (!countUnread(1)) return false;
  if ("Notification" in window && Notification.permission === "granted") {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }
  if (localStorage.getItem(soundKey) === "on") chime();
  return true;
};
