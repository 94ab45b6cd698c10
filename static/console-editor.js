// The console's rich text editor: every <textarea data-rich-editor> becomes a Quill 2 editor
// (served from /static/vendor/quill/, installed from npm). The textarea stays in the form,
// hidden, and receives the editor's HTML before the form is submitted, so the server gets the
// same field with or without JavaScript (and sanitises it either way). No inline script: the
// page's CSP allows only scripts from this origin.
(function () {
  'use strict';
  function attach(textarea) {
    if (typeof window.Quill !== 'function') return;  // no editor: the plain textarea works
    var holder = document.createElement('div');
    holder.className = 'rich-editor';
    textarea.parentNode.insertBefore(holder, textarea.nextSibling);
    var quill = new window.Quill(holder, {
      theme: 'snow',
      modules: {
        toolbar: [
          [{ header: [2, 3, 4, false] }],
          ['bold', 'italic', 'underline'],
          [{ list: 'ordered' }, { list: 'bullet' }],
          [{ align: [] }],
          ['link', 'blockquote'],
          ['clean']
        ]
      }
    });
    if (textarea.value.trim() !== '') {
      quill.setContents(quill.clipboard.convert({ html: textarea.value }), 'silent');
    }
    textarea.hidden = true;
    textarea.setAttribute('aria-hidden', 'true');
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    quill.root.setAttribute('role', 'textbox');
    quill.root.setAttribute('aria-multiline', 'true');
    if (label) {
      quill.root.setAttribute('aria-label', label.textContent);
      label.addEventListener('click', function () { quill.focus(); });
    }
    var sync = function () {
      textarea.value = quill.getLength() > 1 ? quill.root.innerHTML : '';
    };
    quill.on('text-change', sync);
    if (textarea.form) textarea.form.addEventListener('submit', sync);
  }
  function start() {
    var areas = document.querySelectorAll('textarea[data-rich-editor]');
    for (var i = 0; i < areas.length; i++) attach(areas[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
