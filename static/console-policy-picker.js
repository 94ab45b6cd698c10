// The 政策解读 editor's policy search as a typeahead: typing in #policy_q lists matching
// documents (GET /console/documents/policies.json?q=) in a listbox under it; choosing one
// (click, or arrow keys and Enter) puts its id into the hidden interprets_id field and shows
// its title and 文号. Without JavaScript the form's 查找 button does the same in a round trip.
(function () {
  'use strict';
  function start() {
    var input = document.getElementById('policy_q');
    var picker = document.getElementById('policy-picker');
    var chosen = document.getElementById('policy-chosen');
    if (!input || !picker || !chosen || !window.fetch) return;
    var form = input.form;
    var list = document.createElement('ul');
    list.id = 'policy-suggestions';
    list.className = 'policy-suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '查找结果');
    list.hidden = true;
    input.parentNode.parentNode.insertBefore(list, input.parentNode.nextSibling);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    list.parentNode.insertBefore(status, list.nextSibling);

    var items = [], active = -1, timer = null, seq = 0;
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(i) {
      var lis = list.querySelectorAll('li[role="option"]');
      for (var k = 0; k < lis.length; k++) lis[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      active = i;
      if (i >= 0 && lis[i]) {
        input.setAttribute('aria-activedescendant', lis[i].id);
        lis[i].scrollIntoView({ block: 'nearest' });
      }
    }
    function choose(item) {
      var hidden = form.querySelector('input[type="hidden"][name="interprets_id"]');
      if (!hidden) {
        hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = 'interprets_id';
        hidden.id = 'interprets_id';
        picker.insertBefore(hidden, picker.firstChild);
      }
      var radios = form.querySelectorAll('input[type="radio"][name="interprets_id"]');
      for (var k = 0; k < radios.length; k++) radios[k].checked = false;
      hidden.value = String(item.id);
      chosen.textContent = item.label;
      status.textContent = '已选择' + item.label;
      close();
    }
    function render(found, query) {
      list.innerHTML = '';
      items = found;
      if (!found.length) {
        var none = document.createElement('li');
        none.className = 'empty';
        none.textContent = '没有找到标题或文号含“' + query + '”的文件';
        list.appendChild(none);
      }
      found.forEach(function (item, i) {
        var li = document.createElement('li');
        li.id = 'policy-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-id', String(item.id));
        li.textContent = item.label;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(item); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = found.length ? '找到 ' + found.length + ' 个文件，用上下方向键选择' : '没有找到';
      active = -1;
    }
    function search() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      var mine = ++seq;
      fetch('/console/documents/policies.json?q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (found) { if (mine === seq) render(found, q); })
        .catch(function () {});
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (list.hidden) { search(); return; }
        e.preventDefault();
        var n = items.length;
        if (!n) return;
        highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
      } else if (e.key === 'Enter') {
        e.preventDefault();  // never saves the form from the search field
        if (!list.hidden && active >= 0 && items[active]) choose(items[active]);
        else search();
      } else if (e.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
