/* Whipcount embeds: include this once on a page that frames /embed/... pages and each frame
   marked data-whipcount takes the height of its content (the embed reports it by postMessage).
   <iframe data-whipcount src="https://whipcount.example/embed/campaigns/..." style="width:100%;border:0"></iframe>
   <script async src="https://whipcount.example/embed.js"></script> */
(function () {
  if (window.__whipcountEmbeds) return;
  window.__whipcountEmbeds = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.whipcount !== 'embed-height' || typeof data.height !== 'number' || !(data.height > 0)) return;
    var frames = document.querySelectorAll('iframe[data-whipcount]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      try {
        if (new URL(frame.src, location.href).origin !== event.origin) continue;
      } catch (e) {
        continue;
      }
      frame.style.height = Math.min(Math.ceil(data.height), 5000) + 'px';
      frame.setAttribute('data-whipcount-height', String(Math.ceil(data.height)));
    }
  });
})();
