// The attach button, files dropped on the chat window and screenshots pasted into it. Every way ends in the
// InputFile's own <input type=file> (its files set, then a 'change' event), so Blazor reads each file the same way
// and the server's rules apply to all. Served from the module's wwwroot: allowed by the shell's script-src 'self'.

const hasFiles = transfer => !!transfer && Array.from(transfer.types || []).includes('Files');

// A pasted screenshot arrives as "image.png"; give it a name that tells the dialog's readers what and when.
function named(file) {
    if (file.name && file.name !== 'image.png') {
        return file;
    }

    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const extension = (file.type.split('/')[1] || 'png').replace('jpeg', 'jpg');
    return new File([file], `screenshot-${stamp}.${extension}`, { type: file.type });
}

export function attach(root) {
    // The window's text entry may have gone while this script loaded (the chat ended): nothing to attach to.
    if (!root || !root.isConnected) {
        return { dispose: () => { } };
    }

    const input = root.querySelector('input[type=file]');
    const button = root.querySelector('[data-testid=chat-attach]');
    const target = root.closest('[data-testid=chat-window]') || root;
    const listening = new AbortController();
    const options = { signal: listening.signal };

    const send = files => {
        if (files.length === 0 || !input.isConnected) {
            return;
        }

        const transfer = new DataTransfer();
        files.forEach(f => transfer.items.add(f));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
    };

    button.addEventListener('click', () => input.click(), options);
    target.addEventListener('dragover', e => {
        if (hasFiles(e.dataTransfer)) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            target.classList.add('is-drop-target');
        }
    }, options);
    target.addEventListener('dragleave', e => {
        if (e.target === target) {
            target.classList.remove('is-drop-target');
        }
    }, options);
    target.addEventListener('drop', e => {
        target.classList.remove('is-drop-target');
        if (hasFiles(e.dataTransfer)) {
            e.preventDefault();
            send(Array.from(e.dataTransfer.files));
        }
    }, options);
    target.addEventListener('paste', e => {
        const files = Array.from(e.clipboardData ? e.clipboardData.items : [])
            .filter(item => item.kind === 'file')
            .map(item => item.getAsFile())
            .filter(f => f !== null)
            .map(named);
        if (files.length > 0) {
            e.preventDefault(); // a file, not text: nothing goes into the text entry
            send(files);
        }
    }, options);

    return { dispose: () => listening.abort() };
}
