// 回应关切: ticks the server-rendered countdowns (<time class="countdown" datetime="…Z">) once a
// minute. The pages work without it: the text the server wrote stays true to the minute it
// was rendered.
(function () {
  'use strict';
  function text(ms) {
    if (ms <= 0) return '已超时';
    var m = Math.floor(ms / 60000), d = Math.floor(m / 1440), h = Math.floor(m / 60), r = m % 60;
    if (m < 1) return '剩余不足1分';
    if (h >= 48) return '剩余' + d + '天' + (h % 24 ? (h % 24) + '小时' : '') + (r ? r + '分' : '');
    return '剩余' + (h ? h + '小时' : '') + (r ? r + '分' : '');
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('time.countdown').forEach(function (t) {
      var due = Date.parse(t.getAttribute('datetime'));
      if (!isNaN(due)) t.textContent = text(due - now);
    });
  }
  setInterval(tick, 60000);
})();
