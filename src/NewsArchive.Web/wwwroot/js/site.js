// Progressive enhancement only: every page works without this file.

// "/" moves to the search box, as on many sites; in a text field it is just a character.
document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
        return;
    }

    const target = event.target;
    if (target instanceof Element && (target.closest('input, textarea, select') || target.isContentEditable)) {
        return;
    }

    const box = document.getElementById('site-search-q');
    if (box) {
        event.preventDefault();
        box.focus();
        box.select();
    }
});
