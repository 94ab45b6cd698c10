// zwgk public site: small progressive enhancements. Every page works without this file.
// Loaded from /static (the CSP allows script-src 'self' only; no inline script anywhere).
(function () {
  'use strict';
  var root = document.documentElement;
  var COOKIE = 'zwgk_large';

  function largeTextOn() {
    return document.cookie.split(';').some(function (c) { return c.trim() === COOKIE + '=1'; });
  }
  // Hook for styles; the real switch is /preferences/text-size.css (works without JS).
  if (largeTextOn()) root.classList.add('large-text');

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

    // Print button in the print view.
    var printButtons = document.querySelectorAll('[data-action="print"]');
    Array.prototype.forEach.call(printButtons, function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { window.print(); });
    });

    // Selecting the share field selects the whole link (easier on phones).
    var share = document.getElementById('share-url');
    if (share) share.addEventListener('focus', function () { share.select(); });
  });
})();
