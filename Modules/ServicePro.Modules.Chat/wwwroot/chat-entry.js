// The chat text entry is a fluent-textarea: the <textarea> that takes the focus sits in its shadow root, and Fluent UI
// 5.0.1 forwards no aria-* attribute to it (only maxlength, placeholder, required and the like). A screen reader reads
// the focused element, so its name and its tie to the @ suggestion list are set here, on the inner textarea itself.
// An IDREF attribute cannot point out of a shadow root, so the list and its active option are given as elements (ARIA
// element reflection), which may point into the light DOM around the shadow root. The component renders what to point
// at as data-mention-list / data-mention-active on the fluent-textarea; an observer follows them on every render.

function apply(host, control) {
    control.setAttribute('aria-label', host.dataset.label || '');
    control.setAttribute('aria-haspopup', 'listbox');
    control.setAttribute('aria-autocomplete', 'list');
    const list = host.dataset.mentionList ? document.getElementById(host.dataset.mentionList) : null;
    const active = host.dataset.mentionActive ? document.getElementById(host.dataset.mentionActive) : null;
    control.ariaControlsElements = list ? [list] : null;
    control.ariaActiveDescendantElement = active;
}

export async function wire(host) {
    if (!host) {
        return { dispose: () => { } };
    }

    await customElements.whenDefined(host.localName);
    let control = host.shadowRoot?.querySelector('textarea');
    const observer = new MutationObserver(() => {
        control ??= host.shadowRoot?.querySelector('textarea');
        if (control) {
            apply(host, control);
        }
    });
    observer.observe(host, { attributes: true, attributeFilter: ['data-label', 'data-mention-list', 'data-mention-active'] });
    if (control) {
        apply(host, control);
    }

    // Puts text in the box as a rep would, so that Fluent's input handling reports it to the circuit like typing.
    const put = text => {
        control ??= host.shadowRoot?.querySelector('textarea');
        if (!control || control.value === text) {
            return;
        }

        host.value = text;
        control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };

    return {
        // Fluent keeps the rendered value still while the box has the focus, and Blazor only writes a value that differs
        // from the one it rendered last: after a send (rendered "" before, "" again) the sent text would stay on screen.
        // What was sent leaves the box here, from what it holds now, so that text typed meanwhile stays (as in the view model).
        sent: text => {
            control ??= host.shadowRoot?.querySelector('textarea');
            if (control && text && control.value.startsWith(text)) {
                put(control.value.slice(text.length).trimStart());
            }
        },
        // A name chosen from the suggestions.
        show: text => put(text),
        dispose: () => observer.disconnect(),
    };
}
