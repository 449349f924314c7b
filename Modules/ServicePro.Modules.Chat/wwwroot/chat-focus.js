// Keyboard focus around chat's pop-ups (ChatPopups.razor). Served from the module's wwwroot: allowed by the shell's
// script-src 'self'.
//
// An invitation never takes the focus (a rep typing in another chat would type into it, as Teams and Slack toasts
// avoid); a screen reader hears it through the pop-up's live region, and Alt+Shift+N takes her to its Accept from
// anywhere on the page. Escape or Decline there gives the focus back to where she was; Accept moves it into the chat
// she joined.

// N for "new invitation". Alt+Shift+N is no shortcut of Chrome, Edge, Firefox, NVDA, JAWS or VoiceOver. On a Mac Alt is
// Option, which changes the character typed, so the physical key is matched (event.code), not the character.
const isShortcut = e => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';

// The element focused before the shortcut (inside a web component's shadow root when it is one).
let returnTo = null;

// Where restoreFocus last put the focus for her, until she moves it: Accept may land after that (below).
let restoredTo = null;

function deepActiveElement() {
    let e = document.activeElement;
    while (e && e.shadowRoot && e.shadowRoot.activeElement) {
        e = e.shadowRoot.activeElement;
    }

    return e;
}

// Focus is lost when what had it left the page: the browser puts it on <body>.
function focusIsLost() {
    const e = document.activeElement;
    return !e || e === document.body || !e.isConnected;
}

const usable = e => !!e && e.isConnected && !e.hasAttribute('disabled') && e.getAttribute('aria-disabled') !== 'true' && e.getClientRects().length > 0;

function focus(e) {
    if (e.tagName === 'H1' && !e.hasAttribute('tabindex')) {
        e.setAttribute('tabindex', '-1');
    }

    e.focus();
}

export function listen(root) {
    const onKeyDown = e => {
        const popup = root.querySelector('.invitation-popup');
        if (!popup) {
            return;
        }

        if (isShortcut(e)) {
            const accept = popup.querySelector('.invitation-accept');
            if (!usable(accept)) {
                return;
            }

            e.preventDefault();
            if (!popup.contains(document.activeElement)) {
                returnTo = deepActiveElement();
            }

            accept.focus();
        } else if (e.key === 'Escape' && popup.contains(document.activeElement) && usable(returnTo)) {
            e.preventDefault();
            returnTo.focus();
            returnTo = null;
        }
    };

    document.addEventListener('keydown', onKeyDown);
    return { dispose: () => document.removeEventListener('keydown', onKeyDown) };
}

// Called after a render that removed a chat window she closed (Leave, or Close once the others ended it), or the
// invitation pop-up (answered with Decline, or withdrawn). Only when the focus went with it: a rep focused elsewhere
// keeps her place.
//   1. (the invitation) where she was before Alt+Shift+N, if it is still there;
//   2. the control that starts a chat on this page: the Workbench tile's Start chat, or else the ribbon's Social button
//      (Social → Chat), which opened the window or will open the next one; else the page's heading, where Blazor puts
//      the focus after a navigation.
export function restoreFocus(fromInvitation) {
    const back = fromInvitation && usable(returnTo) ? returnTo : null;
    returnTo = null;
    if (!focusIsLost()) {
        return;
    }

    const target = back ?? ['.chat-start-button', '.ribbon-social', 'main h1'].map(s => document.querySelector(s)).find(usable);
    if (target) {
        focus(target);
        restoredTo = document.activeElement;
    }
}

// After Accept: the text entry of the chat she joined, where she will write next.
// The server tells her circuit that the invitation is gone and answers her Accept on two paths, in either order: when
// the pop-up went first, restoreFocus has already put the focus back, and it is still hers to move into the chat.
export function focusWindow(sessionId) {
    returnTo = null;
    const restored = restoredTo !== null && document.activeElement === restoredTo;
    restoredTo = null;
    const chat = Array.from(document.querySelectorAll('.chat-window')).find(w => w.dataset.sessionId === sessionId);
    if (!chat || !(focusIsLost() || restored)) {
        return;
    }

    const entry = chat.querySelector('.chat-entry-form fluent-textarea, .chat-entry-form textarea');
    if (usable(entry)) {
        entry.focus();
    }
}
