// zwgk public site: small progressive enhancements. Every page works without this file.
// Loaded from /static (the CSP allows script-src 'self' only; no inline script anywhere).
(function () {
  'use strict';
  var root = document.documentElement;

  // Reader preferences (大字版, 高对比度; src/web/text_size_preference.hpp). Without this
  // script each link is a GET that sets the cookie and 303s back; with it, a click sets the
  // same cookie here and reloads only /preferences/text-size.css, which carries the rules.
  var PREFERENCES = [
    { cookie: 'zwgk_large', hook: 'large-text', on: 'to-large', off: 'to-normal', group: 'text-size' },
    { cookie: 'zwgk_contrast', hook: 'high-contrast', on: 'to-contrast', off: 'to-standard', group: 'contrast' }
  ];
  function cookieOn(name) {
    return document.cookie.split(';').some(function (c) { return c.trim() === name + '=1'; });
  }
  // Hooks for styles; the real switch is /preferences/text-size.css (works without JS).
  PREFERENCES.forEach(function (p) { root.classList.toggle(p.hook, cookieOn(p.cookie)); });

  function reloadReaderStylesheet(fallbackUrl, done) {
    var old = document.querySelector('link[rel="stylesheet"][href^="/preferences/text-size.css"]');
    if (!old) { window.location.href = fallbackUrl; return; }
    var fresh = document.createElement('link');
    fresh.rel = 'stylesheet';
    fresh.href = '/preferences/text-size.css?t=' + Date.now();
    fresh.addEventListener('load', function () { if (old.parentNode) old.parentNode.removeChild(old); done(); });
    fresh.addEventListener('error', function () { window.location.href = fallbackUrl; });
    old.parentNode.insertBefore(fresh, old.nextSibling);
  }

  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    var link = e.target && e.target.closest ? e.target.closest('.topbar-tools a') : null;
    if (!link) return;
    var pref = null, on = false;
    PREFERENCES.forEach(function (p) {
      if (link.classList.contains(p.group) && (link.classList.contains(p.on) || link.classList.contains(p.off))) {
        pref = p;
        on = link.classList.contains(p.on);
      }
    });
    if (!pref) return;
    e.preventDefault();
    document.cookie = pref.cookie + (on ? '=1; Max-Age=31536000' : '=; Max-Age=0') + '; Path=/; SameSite=Lax';
    root.classList.toggle(pref.hook, on);
    reloadReaderStylesheet(link.href, function () {
      // Keep the keyboard where it was: on the other link of the pair, now the visible one.
      var other = document.querySelector('.topbar-tools a.' + pref.group + '.' + (on ? pref.off : pref.on));
      if (other) other.focus();
    });
  });

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    // Copy-link button next to the share field.
    var buttons = document.querySelectorAll('[data-copy]');
    Array.prototype.forEach.call(buttons, function (button) {
      var field = document.getElementById(button.getAttribute('data-copy'));
      if (!field) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        var status = document.querySelector('.copy-status');
        function done(ok) {
          if (status) status.textContent = ok ? '链接已复制。' : '请长按或选中链接后复制。';
        }
        field.focus();
        field.select();
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { done(false); });
        } else {
          var ok = false;
          try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
          done(ok);
        }
      });
    });

    // A form's error summary (tabindex="-1", data-focus-on-load) takes the focus, so a
    // screen reader reads it and the keyboard starts there (templates/ysqgk/apply.mustache).
    var summary = document.querySelector('[data-focus-on-load]');
    if (summary) summary.focus();

    // Print button in the print view.
    var printButtons = document.querySelectorAll('[data-action="print"]');
    Array.prototype.forEach.call(printButtons, function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { window.print(); });
    });

    // 字号 大/中/小 on a document page (templates/publishing/document.mustache): without this
    // script the links jump to an anchor and CSS :target sizes the text; here the article gets
    // data-font-size instead, with no jump, and the chosen link is marked.
    var sizeLinks = document.querySelectorAll('[data-font-size]');
    var article = document.querySelector('.document');
    if (article && sizeLinks.length) {
      var setSize = function (size) {
        article.setAttribute('data-font-size', size);
        Array.prototype.forEach.call(sizeLinks, function (l) {
          if (l.getAttribute('data-font-size') === size) l.setAttribute('aria-current', 'true');
          else l.removeAttribute('aria-current');
        });
      };
      var fromHash = /^#fs-(large|medium|small)$/.exec(window.location.hash);
      if (fromHash) setSize(fromHash[1]);
      Array.prototype.forEach.call(sizeLinks, function (l) {
        l.addEventListener('click', function (e) {
          e.preventDefault();
          setSize(l.getAttribute('data-font-size'));
        });
      });
    }

    // The folded filters of a catalogue listing: open on a wide screen, where they fit
    // beside the list's first screen (folded on a phone, and without this script).
    var fold = document.querySelector('details.filters-fold');
    if (fold && window.matchMedia && window.matchMedia('(min-width: 48rem)').matches) fold.open = true;

    // 关闭窗口: only where a script can close the window.
    var closeButtons = document.querySelectorAll('[data-action="close-window"]');
    Array.prototype.forEach.call(closeButtons, function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { window.close(); });
    });

    // Selecting the share field selects the whole link (easier on phones).
    var share = document.getElementById('share-url');
    if (share) share.addEventListener('focus', function () { share.select(); });

    // 图文直播 (templates/zxft/event.mustache): while the event is live, new transcript
    // entries arrive from P/zxft/{id}/entries.json?after=<last id> every 5 seconds. Without
    // this script the reader reloads the page (it says so).
    var live = document.querySelector('[data-live-entries][data-live="1"]');
    if (live && window.fetch) {
      var after = live.getAttribute('data-after') || '0';
      var url = live.getAttribute('data-live-entries');
      var add = function (e) {
        var li = document.createElement('li');
        li.className = 'entry';
        li.id = 'entry-' + e.id;
        if (e.question) {
          var q = document.createElement('p');
          q.className = 'entry-question';
          var asker = document.createElement('span');
          asker.className = 'asker';
          asker.textContent = e.nickname;
          q.appendChild(asker);
          q.appendChild(document.createTextNode('问：' + e.question));
          li.appendChild(q);
        }
        var p = document.createElement('p');
        p.className = 'entry-text';
        if (e.speaker) {
          var s = document.createElement('strong');
          s.className = 'speaker';
          s.textContent = e.speaker + '：';
          p.appendChild(s);
        }
        p.appendChild(document.createTextNode(e.text));
        li.appendChild(p);
        if (e.image) {
          var ip = document.createElement('p');
          ip.className = 'entry-image';
          var img = document.createElement('img');
          img.src = e.image;
          img.alt = '直播图片';
          ip.appendChild(img);
          li.appendChild(ip);
        }
        var t = document.createElement('time');
        t.className = 'entry-time';
        t.textContent = e.time;
        li.appendChild(t);
        live.appendChild(li);
      };
      var poll = function () {
        fetch(url + '?after=' + encodeURIComponent(after), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data) return;
            (data.entries || []).forEach(function (e) {
              if (!document.getElementById('entry-' + e.id)) add(e);
              after = String(e.id);
            });
            var state = document.querySelector('.event-state');
            if (state && data.state_label) state.textContent = data.state_label;
            if (data.state === 'live') window.setTimeout(poll, 5000);
          })
          .catch(function () { window.setTimeout(poll, 15000); });
      };
      window.setTimeout(poll, 5000);
    }
  });
})();
