// The console's rich text editor: every <textarea data-rich-editor> becomes a Quill 2 editor
// (served from /static/vendor/quill/, installed from npm). The textarea stays in the form,
// hidden, and receives the editor's HTML before the form is submitted, so the server gets the
// same field with or without JavaScript (and sanitises it either way). No inline script: the
// page's CSP allows only scripts from this origin.
(function () {
  'use strict';
  // Chinese names for Quill's toolbar (its snow theme has English or none): buttons by their
  // class (and value), the two pickers (spans with role=button) and their items by value.
  var BUTTONS = {
    'ql-bold': '加粗', 'ql-italic': '倾斜', 'ql-underline': '下划线', 'ql-link': '插入链接',
    'ql-blockquote': '引用', 'ql-clean': '清除格式',
    'ql-list:ordered': '编号列表', 'ql-list:bullet': '项目符号列表'
  };
  var PICKERS = {
    'ql-header': { name: '段落样式', items: { '': '正文', '1': '标题', '2': '一级标题', '3': '二级标题', '4': '三级标题' } },
    'ql-align': { name: '对齐方式', items: { '': '左对齐', 'center': '居中', 'right': '右对齐', 'justify': '两端对齐' } }
  };
  function name(el, text) {
    el.setAttribute('aria-label', text);
    el.setAttribute('title', text);
  }
  function labelToolbar(toolbar) {
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', '正文格式');
    var buttons = toolbar.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      for (var key in BUTTONS) {
        var parts = key.split(':');
        if (b.classList.contains(parts[0]) && (parts.length === 1 || b.value === parts[1])) name(b, BUTTONS[key]);
      }
    }
    Object.keys(PICKERS).forEach(function (cls) {
      var picker = toolbar.querySelector('.ql-picker.' + cls);
      if (!picker) return;
      var spec = PICKERS[cls];
      var label = picker.querySelector('.ql-picker-label');
      var items = picker.querySelectorAll('.ql-picker-item');
      var current = function () {
        var sel = picker.querySelector('.ql-picker-item.ql-selected');
        var v = sel ? sel.getAttribute('data-value') || '' : '';
        return spec.name + '：' + (spec.items[v] || spec.items['']);
      };
      if (label) {
        name(label, current());
        // Quill marks the chosen item .ql-selected; keep the label's name saying it.
        new MutationObserver(function () { name(label, current()); })
          .observe(picker, { subtree: true, attributes: true, attributeFilter: ['class'] });
      }
      for (var j = 0; j < items.length; j++) {
        var v = items[j].getAttribute('data-value') || '';
        if (spec.items[v]) name(items[j], spec.items[v]);
      }
      var options = picker.querySelector('.ql-picker-options');
      if (options) options.setAttribute('aria-label', spec.name);
    });
  }
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
    var toolbar = quill.getModule('toolbar');
    if (toolbar && toolbar.container) labelToolbar(toolbar.container);
    var tooltip = quill.theme && quill.theme.tooltip;
    if (tooltip && tooltip.textbox) {
      tooltip.textbox.setAttribute('data-link', 'https://');
      tooltip.textbox.setAttribute('aria-label', '链接地址');
    }
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
